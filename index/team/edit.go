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

// ErrChanged is wrapped by the error of an Edit of a document that someone
// else changed since this client read it.
var ErrChanged = errors.New("changed by someone else")

// writeTimeout bounds a removal or an edit.
const writeTimeout = 60 * time.Second

// Remove deletes an imported document and its passages, in one
// transaction. Seed documents cannot be removed.
func (l *Library) Remove(id string) error {
	db, err := l.db()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := lockUserDoc(ctx, tx, id, nil); err != nil {
			return err
		}
		if err := countLexemes(ctx, tx, []string{id}, -1); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = $1`, id); err != nil {
			return err
		}
		return bumpGeneration(ctx, tx)
	})
	if err != nil {
		return l.editError("remove document", id, err)
	}
	l.mu.Lock()
	delete(l.seen, id)
	l.mu.Unlock()
	return nil
}

// lockUserDoc locks an imported document's row in tx and reads its
// version into version (if not nil). It fails wrapping index.ErrNotFound
// or index.ErrSeed.
func lockUserDoc(ctx context.Context, tx pgx.Tx, id string, version *int64) error {
	var seed bool
	var v int64
	err := tx.QueryRow(ctx, `SELECT seed, version FROM documents WHERE id = $1 FOR UPDATE`, id).Scan(&seed, &v)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("document %q: %w", id, index.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if seed {
		return fmt.Errorf("document %q is %w and cannot be changed", id, index.ErrSeed)
	}
	if version != nil {
		*version = v
	}
	return nil
}

// Edit corrects an imported document's details and returns it; a new
// language moves its passages to that language's text search
// configuration. The change is refused with an error wrapping ErrChanged
// when someone else changed the document since this client last read it
// (Document, or Documents for one it had not read): two edits of one
// document never silently lose one.
func (l *Library) Edit(id string, e index.DocEdit) (*corpus.Document, error) {
	if err := e.Check(id); err != nil {
		return nil, err
	}
	e = e.Normalized()
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	if err := l.tagging.load(); err != nil {
		return nil, err
	}
	l.mu.Lock()
	expected, known := l.seen[id]
	l.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	var out *corpus.Document
	var version int64
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := lockUserDoc(ctx, tx, id, &version); err != nil {
			return err
		}
		if known && version != expected {
			return fmt.Errorf("document %q was %w since you opened it: look at it again, then edit it", id, ErrChanged)
		}
		d, edits, err := readForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		e.ApplyTo(&d.Meta)
		edits.Add(e)
		if e.Lang != nil {
			for i := range d.Passages {
				d.Passages[i].Lang = d.Lang
			}
		}
		if err := l.tagging.tag([]*corpus.Document{d}); err != nil {
			return err
		}
		var pathKey *string
		var ord int
		if err := tx.QueryRow(ctx, `SELECT path_key, ord FROM documents WHERE id = $1`, id).Scan(&pathKey, &ord); err != nil {
			return err
		}
		row := docRow{doc: d, ord: ord, edits: edits}
		if pathKey != nil {
			row.pathKey = *pathKey
		}
		if err := putDocuments(ctx, tx, []docRow{row}, l.tagging.version, true); err != nil {
			return err
		}
		out = d
		version++
		return bumpGeneration(ctx, tx)
	})
	if err != nil {
		return nil, l.editError("edit document", id, err)
	}
	l.remember(id, version)
	return out, nil
}

// readForEdit reads a document whole, and its saved edits, in tx.
func readForEdit(ctx context.Context, tx pgx.Tx, id string) (*corpus.Document, index.DocEdit, error) {
	var d corpus.Document
	var edits index.DocEdit
	var meta, sections, ed []byte
	if err := tx.QueryRow(ctx, `SELECT meta, sections, edits FROM documents WHERE id = $1`, id).Scan(&meta, &sections, &ed); err != nil {
		return nil, edits, err
	}
	if err := json.Unmarshal(meta, &d.Meta); err != nil {
		return nil, edits, err
	}
	json.Unmarshal(sections, &d.Sections)
	json.Unmarshal(ed, &edits)
	rows, err := tx.Query(ctx, `SELECT `+passageColumns+` FROM passages p WHERE p.doc_id = $1 ORDER BY p.seq`, id)
	if err != nil {
		return nil, edits, err
	}
	defer rows.Close()
	for rows.Next() {
		var p corpus.Passage
		if err := scanPassage(rows, &p); err != nil {
			return nil, edits, err
		}
		d.Passages = append(d.Passages, p)
	}
	return &d, edits, rows.Err()
}

// editError keeps the errors of the library's own checks as they are and
// describes the server's.
func (l *Library) editError(what, id string, err error) error {
	if errors.Is(err, index.ErrNotFound) || errors.Is(err, index.ErrSeed) || errors.Is(err, ErrChanged) {
		return err
	}
	return l.fail(what+" "+id, err)
}
