package team

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"attache/index"
)

// TestInitTagsStaleDocumentsAgain: after a release whose themes or tagger
// differ (here: the library's seeds and the document's tagging version
// made old, its themes wiped), init tags the imported documents again, as
// the local library does when its seeds change, and leaves their row
// version, so an analyst's edit in progress is not refused.
func TestInitTagsStaleDocumentsAgain(t *testing.T) {
	url := freshURL(t)
	ctx := context.Background()
	if _, err := Init(ctx, Config{URL: url}); err != nil {
		t.Fatal(err)
	}
	lib, err := Open(ctx, Config{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "cables.md")
	text := "# Submarine cables\n\nThe security of submarine cables and their landing stations is a priority: damage to undersea cables cuts the connectivity of whole regions.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := lib.Import(ctx, []string{path}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	id := rep.Added[0].ID
	db, _ := lib.db()
	themesOf := func() (n int, tagger string, version int64) {
		t.Helper()
		if err := db.QueryRow(ctx, `SELECT (SELECT count(*) FROM passages, unnest(themes) WHERE doc_id = $1), tagger, version FROM documents WHERE id = $1`, id).Scan(&n, &tagger, &version); err != nil {
			t.Fatal(err)
		}
		return
	}
	tagged, tagger, version := themesOf()
	if tagged == 0 {
		t.Fatalf("the imported document has no themes to begin with")
	}
	if _, err := db.Exec(ctx, `UPDATE passages SET themes = '{}' WHERE doc_id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE documents SET tagger = 'an older release' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `UPDATE attache_library SET seeds = 'an older release'`); err != nil {
		t.Fatal(err)
	}
	ir, err := Init(ctx, Config{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	if ir.Retagged != 1 {
		t.Errorf("init tagged %d documents again, want 1", ir.Retagged)
	}
	n, tg, v := themesOf()
	if n != tagged || tg != tagger || v != version {
		t.Errorf("after init: %d themes (want %d), tagger %q (want %q), version %d (want %d)", n, tagged, tg, tagger, v, version)
	}
	res, err := lib.Search(ctx, index.Query{Text: "cables", Theme: "undersea-cables", Doc: id})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Errorf("theme:undersea-cables does not find the document tagged again")
	}
	again, err := Init(ctx, Config{URL: url})
	if err != nil || again.Retagged != 0 {
		t.Errorf("init once more: %v, tagged %d again", err, again.Retagged)
	}
}
