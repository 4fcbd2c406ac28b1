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
// others' next search at once, or none is. A file imported before from the
// same path keeps its ID and the fields edited by hand; unchanged, it is
// left alone. Cancelled through ctx, or cut off from the server, the
// import leaves the library as it was.
func (l *Library) Import(ctx context.Context, paths []string, progress func(index.Progress)) (*index.ImportReport, error) {
	db, err := l.db()
	if err != nil {
		return nil, err
	}
	rep := &index.ImportReport{Added: []index.ImportedDoc{}, Updated: []index.ImportedDoc{}, Unchanged: []string{}, Skipped: []index.SkippedFile{}}
	jobs := collect(paths, rep)
	rep.Files = len(jobs) + len(rep.Skipped)
	if err := l.tagging.load(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		rep.Cancelled = true
		return rep, err
	}

	known := map[string]prior{}
	if len(jobs) > 0 {
		keys := make([]string, len(jobs))
		for i, j := range jobs {
			keys[i] = j.pathKey
		}
		rows, err := db.Query(ctx, `SELECT path_key, id, meta->>'checksum', edits FROM documents WHERE NOT seed AND path_key = ANY($1)`, keys)
		if err != nil {
			if ctx.Err() != nil {
				rep.Cancelled = true
				return rep, ctx.Err()
			}
			return nil, l.fail("import", err)
		}
		for rows.Next() {
			var key, id string
			var sum *string
			var edits []byte
			if err := rows.Scan(&key, &id, &sum, &edits); err != nil {
				rows.Close()
				return nil, l.fail("import", err)
			}
			p := prior{id: id}
			if sum != nil {
				p.checksum = *sum
			}
			json.Unmarshal(edits, &p.edits)
			known[key] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, l.fail("import", err)
		}
	}

	readAll(jobs, known, func() bool { return ctx.Err() != nil }, func(done int, path string) {
		if progress != nil {
			progress(index.Progress{Done: done, Total: len(jobs), Path: path, Stage: "reading"})
		}
	})
	if err := ctx.Err(); err != nil {
		rep.Cancelled = true
		return rep, err
	}
	guessLangs(jobs)

	var ready []*readJob
	for _, j := range jobs {
		rep.Bytes += j.size
		switch {
		case j.skip != "":
			rep.Skipped = append(rep.Skipped, index.SkippedFile{Path: j.path, Reason: j.skip})
		case j.doc == nil:
			rep.Unchanged = append(rep.Unchanged, j.path)
		default:
			ready = append(ready, j)
		}
	}
	sort.Slice(rep.Skipped, func(a, b int) bool { return rep.Skipped[a].Path < rep.Skipped[b].Path })
	if len(ready) == 0 {
		return rep, nil
	}
	docs := make([]*corpus.Document, len(ready))
	for i, j := range ready {
		docs[i] = j.doc
	}
	if err := l.tagging.tag(docs); err != nil {
		return nil, err
	}
	if progress != nil {
		progress(index.Progress{Done: len(jobs), Total: len(jobs), Stage: "indexing"})
	}

	rows := make([]docRow, len(ready))
	for i, j := range ready {
		rows[i] = docRow{doc: j.doc, pathKey: j.pathKey, edits: known[j.pathKey].edits,
			original: &original{name: j.doc.ID + strings.ToLower(filepath.Ext(j.path)), data: j.data}}
	}
	updated := map[string]bool{}
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		// Another desk may have imported the same path since the look-up
		// above: keep its ID, so that the path holds one document.
		for i, j := range ready {
			var id string
			err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE path_key = $1 AND NOT seed FOR UPDATE`, j.pathKey).Scan(&id)
			switch {
			case errors.Is(err, pgx.ErrNoRows):
			case err != nil:
				return err
			default:
				updated[j.pathKey] = true
				if id != j.doc.ID {
					retarget(j.doc, id)
					rows[i].original.name = id + strings.ToLower(filepath.Ext(j.path))
				}
			}
		}
		if err := checkPassageIDs(ctx, tx, docs); err != nil {
			return err
		}
		if err := putDocuments(ctx, tx, rows, l.tagging.version); err != nil {
			return err
		}
		return bumpGeneration(ctx, tx)
	})
	if err != nil {
		if ctx.Err() != nil {
			rep.Cancelled = true
			return rep, ctx.Err()
		}
		return rep, l.fail("import", err)
	}
	for _, j := range ready {
		d := index.ImportedDoc{ID: j.doc.ID, Path: j.path, Title: j.doc.Title, Lang: j.doc.Lang, Format: j.res.Format,
			Pages: j.res.Pages, Passages: len(j.doc.Passages), Warnings: j.res.Warnings}
		if updated[j.pathKey] {
			rep.Updated = append(rep.Updated, d)
		} else {
			rep.Added = append(rep.Added, d)
		}
	}
	return rep, nil
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
	return fmt.Errorf("document %s: passage ID %s is already used by %s", owner, pid, other)
}
