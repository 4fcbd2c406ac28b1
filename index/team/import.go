package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"attache/index"
	"attache/index/corpus"
)

// Import adds the files at paths (folders walked recursively) to the team
// library, in one transaction: every document of the import is in the
// others' next search at once, or none is. The files are read by the
// import pipeline every library shares (index.ReadDocuments: extraction,
// cleaning, language, themes, on every processor), and each document is
// written into the transaction as soon as it is read, while the next are
// being read. A file imported before from the same path keeps its ID and
// the fields edited by hand; unchanged, it is left alone. Cancelled
// through ctx, or cut off from the server, the import leaves the library
// as it was.
func (l *Library) Import(ctx context.Context, paths []string, progress func(index.Progress)) (*index.ImportReport, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	if err := l.tagging.load(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return &index.ImportReport{Cancelled: true}, err
	}
	opt := index.ReadOptions{
		Prior: func(key string) *index.PriorDocument {
			var p index.PriorDocument
			var sum *string
			var edits []byte
			err := db.QueryRow(ctx, `SELECT id, meta->>'checksum', edits FROM documents WHERE NOT seed AND path_key = $1`, key).Scan(&p.ID, &sum, &edits)
			if err != nil {
				return nil
			}
			if sum != nil {
				p.Checksum = *sum
			}
			json.Unmarshal(edits, &p.Edits)
			return &p
		},
		Tag: func(d *corpus.Document) { l.tagging.tag([]*corpus.Document{d}) },
	}
	if progress != nil {
		opt.Progress = func(done, total int, path string) {
			progress(index.Progress{Done: done, Total: total, Path: path, Stage: "reading"})
		}
	}

	var tx pgx.Tx
	defer func() {
		if tx != nil {
			tx.Rollback(context.Background())
		}
	}()
	var written []*index.ReadFile
	var ids []string
	updated := map[*index.ReadFile]bool{}
	_, rep, err := index.ReadDocuments(ctx, paths, opt, func(f *index.ReadFile) error {
		if tx == nil {
			var err error
			if tx, err = db.Begin(ctx); err != nil {
				return err
			}
		}
		up, err := l.writeDocument(ctx, tx, f)
		if err != nil {
			return err
		}
		updated[f] = up
		written = append(written, f)
		ids = append(ids, f.Doc.ID)
		return nil
	})
	if err == nil && tx != nil {
		if progress != nil {
			progress(index.Progress{Done: rep.Files, Total: rep.Files, Stage: "indexing"})
		}
		err = countLexemes(ctx, tx, ids, 1)
		if err == nil {
			err = bumpGeneration(ctx, tx)
		}
		if err == nil {
			err = tx.Commit(ctx)
			tx = nil
		}
	}
	if rep == nil {
		rep = &index.ImportReport{}
	}
	if err != nil {
		if ctx.Err() != nil {
			rep.Cancelled = true
			return rep, ctx.Err()
		}
		var fe fileError
		if errors.As(err, &fe) {
			return rep, err
		}
		return rep, l.fail("import (nothing was imported)", err)
	}
	for _, f := range written {
		d := index.ImportedDoc{ID: f.Doc.ID, Path: f.Path, Title: f.Doc.Title, Lang: f.Doc.Lang, Format: f.Format,
			Pages: f.Pages, Passages: len(f.Doc.Passages), Warnings: f.Warnings}
		if updated[f] {
			rep.Updated = append(rep.Updated, d)
		} else {
			rep.Added = append(rep.Added, d)
		}
	}
	sort.Slice(rep.Skipped, func(a, b int) bool { return rep.Skipped[a].Path < rep.Skipped[b].Path })
	return rep, nil
}

// fileError is an import failing on one file's content (a passage ID
// another document uses), said as it is.
type fileError struct{ error }

// writeDocument writes one document read by an import into tx, replacing
// the document imported before from the same path (found again under
// the transaction: another desk may have imported the file since it was
// read). It reports whether it replaced one. The lexeme counts of the new
// passages are added by the caller, for the whole import at once.
func (l *Library) writeDocument(ctx context.Context, tx pgx.Tx, f *index.ReadFile) (bool, error) {
	key := index.PathKey(f.Path)
	var id string
	err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE path_key = $1 AND NOT seed FOR UPDATE`, key).Scan(&id)
	replaced := err == nil
	switch {
	case errors.Is(err, pgx.ErrNoRows):
	case err != nil:
		return false, err
	default:
		if id != f.Doc.ID {
			retarget(f.Doc, id)
		}
	}
	if err := checkPassageIDs(ctx, tx, []*corpus.Document{f.Doc}); err != nil {
		return false, err
	}
	var edits index.DocEdit
	if f.Prior != nil {
		edits = f.Prior.Edits
	}
	row := docRow{doc: f.Doc, pathKey: key, edits: edits,
		original: &original{name: f.Doc.ID + strings.ToLower(filepath.Ext(f.Path)), data: f.Data}}
	return replaced, putDocuments(ctx, tx, []docRow{row}, l.tagging.version, false)
}

// retarget gives a document read from a file the ID the library already
// uses for that file, and its passages IDs under it (a passage ID is its
// document's ID, "#", and a hash of its text).
func retarget(d *corpus.Document, id string) {
	d.ID = id
	for i := range d.Passages {
		d.Passages[i].DocID = id
		if k := strings.IndexByte(d.Passages[i].ID, '#'); k >= 0 {
			d.Passages[i].ID = id + d.Passages[i].ID[k:]
		}
	}
}

// checkPassageIDs refuses an import whose passages' IDs another document
// already uses (a passage ID is made from its document's ID and text).
func checkPassageIDs(ctx context.Context, tx pgx.Tx, docs []*corpus.Document) error {
	var ids, owners []string
	for _, d := range docs {
		for i := range d.Passages {
			ids = append(ids, d.Passages[i].ID)
			owners = append(owners, d.ID)
		}
	}
	var pid, owner, other string
	err := tx.QueryRow(ctx, `
		SELECT p.id, x.owner, p.doc_id FROM passages p
		JOIN unnest($1::text[], $2::text[]) AS x(id, owner) ON p.id = x.id
		WHERE p.doc_id <> x.owner LIMIT 1`, ids, owners).Scan(&pid, &owner, &other)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fileError{fmt.Errorf("document %s: passage ID %s is already used by %s", owner, pid, other)}
}
