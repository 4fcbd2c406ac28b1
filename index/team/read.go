package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/index"
	"attache/index/corpus"
)

// readTimeout bounds a lookup, so that a server gone away fails it instead
// of hanging the window.
const readTimeout = 15 * time.Second

// passageColumns are the columns scanPassage reads, in its order.
const passageColumns = `p.id, p.doc_id, p.lang, p.seq, p.kind, p.locator, p.page, p.section, p.notes, p.themes, p.text`

// scanPassage reads a row of passageColumns (and more columns after them
// into extra).
func scanPassage(row pgx.Row, p *corpus.Passage, extra ...any) error {
	var section, notes []byte
	dest := append([]any{&p.ID, &p.DocID, &p.Lang, &p.Seq, &p.Kind, &p.Locator, &p.Page, &section, &notes, &p.Themes, &p.Text}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	if len(section) > 0 {
		if err := json.Unmarshal(section, &p.Section); err != nil {
			return err
		}
	}
	if len(notes) > 0 {
		if err := json.Unmarshal(notes, &p.Notes); err != nil {
			return err
		}
	}
	if len(p.Section) == 0 {
		p.Section = nil
	}
	if len(p.Notes) == 0 {
		p.Notes = nil
	}
	if len(p.Themes) == 0 {
		p.Themes = nil
	}
	return nil
}

// Passage returns one passage by its ID, or an error wrapping
// index.ErrNotFound.
func (l *Library) Passage(id string) (*corpus.Passage, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	var p corpus.Passage
	err = scanPassage(db.QueryRow(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.id = $1`, id), &p)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("passage %q: %w", id, index.ErrNotFound)
	}
	if err != nil {
		return nil, l.fail("passage "+id, err)
	}
	return &p, nil
}

// Document returns a whole document by its ID, or an error wrapping
// index.ErrNotFound. It remembers the version of the document's row, so
// that an Edit made after is refused if someone else changed it meanwhile.
func (l *Library) Document(id string) (*corpus.Document, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	var d corpus.Document
	var version int64
	err = pgx.BeginTxFunc(ctx, db, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var meta, sections []byte
		if err := tx.QueryRow(ctx, `SELECT meta, sections, version FROM documents WHERE id = $1`, id).Scan(&meta, &sections, &version); err != nil {
			return err
		}
		if err := json.Unmarshal(meta, &d.Meta); err != nil {
			return err
		}
		if err := json.Unmarshal(sections, &d.Sections); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.doc_id = $1 ORDER BY p.seq`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p corpus.Passage
			if err := scanPassage(rows, &p); err != nil {
				return err
			}
			d.Passages = append(d.Passages, p)
		}
		return rows.Err()
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, index.ErrNotFound)
	}
	if err != nil {
		return nil, l.fail("document "+id, err)
	}
	if len(d.Sections) == 0 {
		d.Sections = nil
	}
	l.remember(id, version)
	return &d, nil
}

// Documents lists the documents: the seeds in catalogue order, then the
// others by ID.
func (l *Library) Documents() ([]index.DocInfo, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), readTimeout)
	defer cancel()
	rows, err := db.Query(ctx, `SELECT id, meta, passages, seed, version FROM documents ORDER BY seed DESC, ord, id`)
	if err != nil {
		return nil, l.fail("documents", err)
	}
	defer rows.Close()
	out := []index.DocInfo{}
	versions := map[string]int64{}
	for rows.Next() {
		var info index.DocInfo
		var id string
		var meta []byte
		var version int64
		if err := rows.Scan(&id, &meta, &info.Passages, &info.Seed, &version); err != nil {
			return nil, l.fail("documents", err)
		}
		if err := json.Unmarshal(meta, &info.Meta); err != nil {
			return nil, fmt.Errorf("document %s: %v", id, err)
		}
		versions[id] = version
		out = append(out, info)
	}
	if err := rows.Err(); err != nil {
		return nil, l.fail("documents", err)
	}
	// A listing records the versions of documents not read before; a
	// document read whole (Document) records its own, so that a listing
	// refreshed while an edit is being made does not hide a change made
	// by someone else meanwhile.
	l.mu.Lock()
	for id, v := range versions {
		if _, ok := l.seen[id]; !ok {
			l.seen[id] = v
		}
	}
	l.mu.Unlock()
	return out, nil
}

// remember records the version of a document's row as this client read it.
func (l *Library) remember(id string, version int64) {
	l.mu.Lock()
	l.seen[id] = version
	l.mu.Unlock()
}

// fail describes an error of the server while doing what, in one line.
func (l *Library) fail(what string, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("%s: %w", what, describe(l.name, err))
}
