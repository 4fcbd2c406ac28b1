package team

import (
	"context"
	"encoding/json"
	"fmt"

	"attache/index/corpus"

	"github.com/jackc/pgx/v5"
)

// InitReport says what Init did.
type InitReport struct {
	// Created is true when the tables were made now.
	Created bool `json:"created"`
	// Seeds is the number of seed documents written now (0 when the
	// library had this release's seeds already).
	Seeds int `json:"seeds"`
	// Documents and Passages count what the library holds after.
	Documents int `json:"documents"`
	Passages  int `json:"passages"`
	// Retagged is the number of imported documents tagged again because
	// they were tagged by another release's themes or tagger.
	Retagged int `json:"retagged,omitempty"`
}

// Init makes the database at cfg.URL a team library: it creates the
// tables and indexes where missing and puts this release's seed texts in
// it, in one transaction. Running it again changes nothing, except to
// bring in the seeds of a newer release and, as the local library does
// when its seeds change, to tag again the imported documents tagged by
// another release's themes or tagger. It needs no superuser role: one
// that may create tables in the database is enough.
func Init(ctx context.Context, cfg Config) (*InitReport, error) {
	pool, name, err := connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	l := &Library{}
	if err := l.tagging.load(); err != nil {
		return nil, err
	}
	rep := &InitReport{}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT to_regclass('attache_library') IS NOT NULL`).Scan(&exists); err != nil {
			return err
		}
		rep.Created = !exists
		if err := ensureSchema(ctx, tx); err != nil {
			return err
		}
		var have string
		if err := tx.QueryRow(ctx, `SELECT seeds FROM attache_library FOR UPDATE`).Scan(&have); err != nil {
			return err
		}
		if have != l.tagging.hash {
			if err := putSeeds(ctx, tx, &l.tagging); err != nil {
				return err
			}
			rep.Seeds = len(l.tagging.seeds)
			if rep.Retagged, err = retagStale(ctx, tx, &l.tagging); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE attache_library SET seeds = $1, generation = generation + 1`, l.tagging.hash); err != nil {
				return err
			}
		}
		return tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages)`).Scan(&rep.Documents, &rep.Passages)
	})
	if err != nil {
		return nil, describeInit(name, err)
	}
	return rep, nil
}

// putSeeds writes the seed documents, replacing the seeds of an older
// release and dropping those this release no longer ships.
func putSeeds(ctx context.Context, tx pgx.Tx, t *tagging) error {
	ids := make([]string, len(t.seeds))
	rows := make([]docRow, len(t.seeds))
	for i, d := range t.seeds {
		ids[i] = d.ID
		rows[i] = docRow{doc: d, seed: true, ord: i}
	}
	var gone []string
	r, err := tx.Query(ctx, `SELECT id FROM documents WHERE seed AND NOT id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	for r.Next() {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		gone = append(gone, id)
	}
	if err := r.Err(); err != nil {
		return err
	}
	if len(gone) > 0 {
		if err := countLexemes(ctx, tx, gone, -1); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = ANY($1)`, gone); err != nil {
			return err
		}
	}
	return putDocuments(ctx, tx, rows, t.version, true)
}

// retagStale tags again, in tx, the imported documents whose passages
// were tagged by another tagging version than t's, and returns how many.
// Only their passages' themes and the version change: the text, its
// lexemes and the document's row version (what an analyst's edit is
// checked against) stay.
func retagStale(ctx context.Context, tx pgx.Tx, t *tagging) (int, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM documents WHERE NOT seed AND tagger <> $1 ORDER BY id`, t.version)
	if err != nil {
		return 0, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		d, _, err := readForEdit(ctx, tx, id)
		if err != nil {
			return 0, fmt.Errorf("tagging %s again: %w", id, err)
		}
		t.taxonomy.TagWith(t.stats, []*corpus.Document{d})
		themes := make(map[string][]string, len(d.Passages))
		for _, p := range d.Passages {
			themes[p.ID] = nonNil(p.Themes)
		}
		js, err := json.Marshal(themes)
		if err != nil {
			return 0, err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE passages p SET themes = ARRAY(SELECT jsonb_array_elements_text(x.value))
			FROM jsonb_each($1::jsonb) x WHERE p.id = x.key AND p.doc_id = $2`, js, id); err != nil {
			return 0, fmt.Errorf("tagging %s again: %w", id, err)
		}
	}
	if len(ids) > 0 {
		if _, err := tx.Exec(ctx, `UPDATE documents SET tagger = $1 WHERE id = ANY($2)`, t.version, ids); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// describeInit names the library in an error of Init.
func describeInit(name string, err error) error {
	if e := describe(name, err); e != nil {
		return fmt.Errorf("library init: %w", e)
	}
	return nil
}
