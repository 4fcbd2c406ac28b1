package team

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// schemaVersion is the version of the tables below. Init creates them when
// missing; Open refuses a database whose version it does not know.
const schemaVersion = 1

// schema creates the team library's tables and indexes. Every statement is
// idempotent, so Init runs them all on every call. Nothing here needs a
// superuser: a role owning the database (or with CREATE on its schema)
// suffices.
var schema = []string{
	`CREATE TABLE IF NOT EXISTS attache_library (
		singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
		schema_version int NOT NULL,
		seeds text NOT NULL DEFAULT '',
		generation bigint NOT NULL DEFAULT 0
	)`,
	// A document's metadata (corpus.Meta) and headings; its passages are
	// rows of passages. version counts the changes of the row, so that an
	// edit made on a stale copy is refused instead of lost. path_key is
	// the hash of the path it was imported from, so that importing the
	// same file again updates it; edits holds the fields an analyst
	// corrected by hand, kept when the file is imported again.
	`CREATE TABLE IF NOT EXISTS documents (
		id text PRIMARY KEY,
		seed boolean NOT NULL DEFAULT false,
		ord int NOT NULL DEFAULT 0,
		path_key text,
		meta jsonb NOT NULL,
		sections jsonb NOT NULL DEFAULT '[]',
		edits jsonb NOT NULL DEFAULT '{}',
		passages int NOT NULL DEFAULT 0,
		tagger text NOT NULL DEFAULT '',
		version bigint NOT NULL DEFAULT 1,
		changed timestamptz NOT NULL DEFAULT now()
	)`,
	`CREATE INDEX IF NOT EXISTS documents_path_key ON documents (path_key)`,
	// A passage, with its language's text search configuration (english,
	// italian, or simple for other languages) and the tsvector made with
	// it: the text's lexemes weighted A, the list context's (see
	// passageContext) weighted D.
	`CREATE TABLE IF NOT EXISTS passages (
		id text PRIMARY KEY,
		doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		seq int NOT NULL,
		lang text NOT NULL,
		cfg regconfig NOT NULL,
		kind text NOT NULL DEFAULT '',
		locator text NOT NULL DEFAULT '',
		page int NOT NULL DEFAULT 0,
		section jsonb,
		notes jsonb,
		themes text[] NOT NULL DEFAULT '{}',
		text text NOT NULL,
		context text NOT NULL DEFAULT '',
		tsv tsvector GENERATED ALWAYS AS (
			setweight(to_tsvector(cfg, text), 'A') || setweight(to_tsvector(cfg, context), 'D')) STORED
	)`,
	`CREATE INDEX IF NOT EXISTS passages_tsv ON passages USING gin (tsv)`,
	`CREATE INDEX IF NOT EXISTS passages_themes ON passages USING gin (themes)`,
	`CREATE INDEX IF NOT EXISTS passages_doc_seq ON passages (doc_id, seq)`,
	// How many passages of a configuration hold a lexeme (lexeme '' counts
	// the configuration's passages): what a query wording's rarity is
	// measured by. Kept up to date by every change of passages.
	`CREATE TABLE IF NOT EXISTS lexemes (
		cfg regconfig NOT NULL,
		lexeme text NOT NULL,
		passages bigint NOT NULL,
		PRIMARY KEY (cfg, lexeme)
	)`,
	// The copy of each imported file, as the local library keeps in its
	// originals folder.
	`CREATE TABLE IF NOT EXISTS originals (
		doc_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
		name text NOT NULL,
		data bytea NOT NULL
	)`,
}

// ensureSchema creates the tables when missing, in tx, and checks the
// version of those there.
func ensureSchema(ctx context.Context, tx pgx.Tx) error {
	// One Init at a time: two desks initialising together wait in turn.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('attache library init'))`); err != nil {
		return err
	}
	for _, st := range schema {
		if _, err := tx.Exec(ctx, st); err != nil {
			return fmt.Errorf("creating the schema: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO attache_library (schema_version) VALUES ($1) ON CONFLICT DO NOTHING`, schemaVersion); err != nil {
		return err
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT schema_version FROM attache_library`).Scan(&v); err != nil {
		return err
	}
	if v != schemaVersion {
		return fmt.Errorf("the database holds a team library of schema version %d; this Attaché knows version %d: use a matching release", v, schemaVersion)
	}
	return nil
}

// regconfig is the text search configuration of a language: PostgreSQL's
// Snowball stemmers for English and Italian, no stemming for the others.
func regconfig(lang string) string {
	switch lang {
	case "en":
		return "english"
	case "it":
		return "italian"
	}
	return "simple"
}

// langsOf are the language fields a plan is made for, one per
// configuration (the code "simple" for the unstemmed one).
var configs = []string{"english", "italian", "simple"}
