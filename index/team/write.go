package team

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"attache/index"
	"attache/index/corpus"
)

// docRow is a document to write, with what the documents table keeps
// beside its metadata.
type docRow struct {
	doc      *corpus.Document
	seed     bool
	ord      int
	pathKey  string
	edits    index.DocEdit
	original *original
}

// original is the copy of an imported file.
type original struct {
	name string
	data []byte
}

// passageBatch is how many passages one INSERT writes.
const passageBatch = 2000

// putDocuments writes documents and their passages in tx, replacing those
// with the same IDs (their passages, their originals), and keeps the
// lexeme counts true: the replaced passages' are taken away, and, with
// count, the new ones' added (an import adds them once, at its end). The
// version of a replaced row goes up by one.
func putDocuments(ctx context.Context, tx pgx.Tx, rows []docRow, tagger string, count bool) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.doc.ID
	}
	if err := countLexemes(ctx, tx, ids, -1); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM passages WHERE doc_id = ANY($1)`, ids); err != nil {
		return err
	}
	for _, r := range rows {
		d := r.doc
		meta, err := json.Marshal(d.Meta)
		if err != nil {
			return err
		}
		sections, err := json.Marshal(nonNil(d.Sections))
		if err != nil {
			return err
		}
		edits, err := json.Marshal(r.edits)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO documents (id, seed, ord, path_key, meta, sections, edits, passages, tagger)
			VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7, $8, $9)
			ON CONFLICT (id) DO UPDATE SET seed = excluded.seed, ord = excluded.ord, path_key = excluded.path_key,
				meta = excluded.meta, sections = excluded.sections, edits = excluded.edits,
				passages = excluded.passages, tagger = excluded.tagger,
				version = documents.version + 1, changed = now()`,
			d.ID, r.seed, r.ord, r.pathKey, meta, sections, edits, len(d.Passages), tagger); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if r.original != nil {
			if _, err := tx.Exec(ctx, `
				INSERT INTO originals (doc_id, name, data) VALUES ($1, $2, $3)
				ON CONFLICT (doc_id) DO UPDATE SET name = excluded.name, data = excluded.data`,
				d.ID, r.original.name, r.original.data); err != nil {
				return fmt.Errorf("document %s: %w", d.ID, err)
			}
		}
		if err := insertPassages(ctx, tx, d); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	if !count {
		return nil
	}
	return countLexemes(ctx, tx, ids, 1)
}

// insertPassages writes a document's passages, passageBatch at a time.
func insertPassages(ctx context.Context, tx pgx.Tx, d *corpus.Document) error {
	for from := 0; from < len(d.Passages); from += passageBatch {
		ps := d.Passages[from:min(from+passageBatch, len(d.Passages))]
		n := len(ps)
		var (
			ids, langs, cfgs, kinds, locators, texts, sections, notes, themes, contexts = make([]string, n), make([]string, n),
				make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
			seqs, pages = make([]int32, n), make([]int32, n)
		)
		for i := range ps {
			p := &ps[i]
			lang := p.Lang
			if lang == "" {
				lang = d.Lang
			}
			ids[i], langs[i], cfgs[i], kinds[i], locators[i], texts[i] = p.ID, lang, regconfig(lang), p.Kind, p.Locator, p.Text
			seqs[i], pages[i] = int32(p.Seq), int32(p.Page)
			s, _ := json.Marshal(nonNil(p.Section))
			nt, _ := json.Marshal(nonNil(p.Notes))
			th, _ := json.Marshal(nonNil(p.Themes))
			sections[i], notes[i], themes[i] = string(s), string(nt), string(th)
			contexts[i] = index.PassageContext(d, &d.Passages[from+i])
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO passages (id, doc_id, seq, lang, cfg, kind, locator, page, section, notes, themes, text, context)
			SELECT id, $1, seq, lang, cfg::regconfig, kind, locator, page, section::jsonb, notes::jsonb,
				ARRAY(SELECT jsonb_array_elements_text(themes::jsonb)), text, context
			FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
				$9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
				AS x(id, seq, lang, cfg, kind, locator, page, section, notes, themes, text, context)`,
			d.ID, ids, seqs, langs, cfgs, kinds, locators, pages, sections, notes, themes, texts, contexts); err != nil {
			return err
		}
	}
	return nil
}

// countLexemes adds (sign 1) or takes away (sign -1) the passages of the
// documents ids to the lexeme counts, the empty lexeme counting passages. Changes
// of the counts are serialised by one lock, held to the end of tx, so that
// two imports never deadlock on them.
func countLexemes(ctx context.Context, tx pgx.Tx, ids []string, sign int) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('attache lexemes'))`); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO lexemes (cfg, lexeme, passages)
		SELECT cfg, lexeme, $2 * count(*) FROM (
			SELECT p.cfg, u.lexeme FROM passages p, unnest(ts_filter(p.tsv, '{a}')) u WHERE p.doc_id = ANY($1)
			UNION ALL
			SELECT p.cfg, '' FROM passages p WHERE p.doc_id = ANY($1)
		) s GROUP BY cfg, lexeme
		ORDER BY cfg, lexeme
		ON CONFLICT (cfg, lexeme) DO UPDATE SET passages = lexemes.passages + excluded.passages`,
		ids, sign)
	if err != nil {
		return fmt.Errorf("counting words: %w", err)
	}
	if sign < 0 {
		_, err = tx.Exec(ctx, `DELETE FROM lexemes WHERE passages <= 0`)
	}
	return err
}

// bumpGeneration records in tx that the library's passages changed.
func bumpGeneration(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `UPDATE attache_library SET generation = generation + 1`)
	return err
}

// nonNil keeps JSON arrays as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
