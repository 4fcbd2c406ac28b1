package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestOriginalsKeptInTheStore imports a folder holding two identical
// files and checks that every document's original comes back byte for
// byte, under its file's name, that identical files are kept once, that
// the library folder holds no copies as files, and that editing, importing
// a changed file again and removing keep each original right.
func TestOriginalsKeptInTheStore(t *testing.T) {
	src := t.TempDir()
	council, _ := os.ReadFile("../testdata/import/council.html")
	strategy, _ := os.ReadFile("../testdata/import/strategy.md")
	os.MkdirAll(filepath.Join(src, "again"), 0o755)
	for name, data := range map[string][]byte{"council.html": council, "strategy.md": strategy, "again/strategy-copy.md": strategy} {
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One transaction an original, to cover the writer's batches.
	defer func(n int) { originalsBatch = n }(originalsBatch)
	originalsBatch = 1
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	rep, err := l.Import(context.Background(), []string{src}, nil)
	if err != nil || len(rep.Added) != 3 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	ids := map[string]string{}
	for _, d := range rep.Added {
		rel, _ := filepath.Rel(src, d.Path)
		ids[rel] = d.ID
	}
	want := map[string][]byte{"council.html": council, "strategy.md": strategy, "again/strategy-copy.md": strategy}
	for rel, data := range want {
		o, err := l.Original(ids[rel])
		if err != nil {
			t.Fatalf("original of %s: %v", rel, err)
		}
		if string(o.Data) != string(data) || o.Name != filepath.Base(rel) {
			t.Errorf("original of %s: %q, %d bytes, want %d", rel, o.Name, len(o.Data), len(data))
		}
	}
	if n := countOriginals(t, l); n != 2 {
		t.Errorf("%d originals kept for 3 files, 2 of them identical", n)
	}
	if _, err := os.Stat(filepath.Join(l.Dir(), originalsDir)); !os.IsNotExist(err) {
		t.Errorf("the library folder has an %s folder: %v", originalsDir, err)
	}
	checkConsistent(t, l)

	// A seed has no original; nor has a document that is not there.
	infos, _ := l.Documents()
	if _, err := l.Original(infos[0].ID); !infos[0].Seed || !errors.Is(err, ErrNotFound) || !errors.Is(err, ErrSeed) {
		t.Errorf("original of seed %s: %v", infos[0].ID, err)
	}
	if _, err := l.Original("no-such-doc"); !errors.Is(err, ErrNotFound) {
		t.Errorf("original of a missing document: %v", err)
	}

	// An edit keeps the original.
	if _, err := l.Edit(ids["strategy.md"], DocEdit{Title: ptr("Strategy, edited")}); err != nil {
		t.Fatal(err)
	}
	if o, err := l.Original(ids["strategy.md"]); err != nil || string(o.Data) != string(strategy) {
		t.Errorf("original after an edit: %v", err)
	}

	// A changed file: its new original replaces the old one, which the
	// other document of the same bytes keeps.
	changed := append(append([]byte(nil), strategy...), "\nA paragraph added on submarine cables.\n"...)
	os.WriteFile(filepath.Join(src, "strategy.md"), changed, 0o644)
	rep, err = l.Import(context.Background(), []string{src}, nil)
	if err != nil || len(rep.Updated) != 1 || len(rep.Unchanged) != 2 {
		t.Fatalf("re-import: %v %+v", err, rep)
	}
	if o, err := l.Original(ids["strategy.md"]); err != nil || string(o.Data) != string(changed) {
		t.Errorf("original of the changed file: %v", err)
	}
	if o, err := l.Original(ids["again/strategy-copy.md"]); err != nil || string(o.Data) != string(strategy) {
		t.Errorf("original of the unchanged copy: %v", err)
	}
	if n := countOriginals(t, l); n != 3 {
		t.Errorf("%d originals kept for 3 different files", n)
	}
	// Changed again, the copy's original, used by nobody else, goes.
	os.WriteFile(filepath.Join(src, "again", "strategy-copy.md"), changed, 0o644)
	if _, err := l.Import(context.Background(), []string{src}, nil); err != nil {
		t.Fatal(err)
	}
	if n := countOriginals(t, l); n != 2 {
		t.Errorf("%d originals kept for 2 different files", n)
	}
	checkConsistent(t, l)

	// Removing a document takes its original, unless another uses it.
	if err := l.Remove(ids["strategy.md"]); err != nil {
		t.Fatal(err)
	}
	if o, err := l.Original(ids["again/strategy-copy.md"]); err != nil || string(o.Data) != string(changed) {
		t.Errorf("original kept for the other document: %v", err)
	}
	if err := l.Remove(ids["council.html"]); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Original(ids["council.html"]); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed document's original: %v", err)
	}
	if n := countOriginals(t, l); n != 1 {
		t.Errorf("%d originals kept for 1 document", n)
	}
	checkConsistent(t, l)

	// All of it survives a reopen.
	dir := l.Dir()
	l.Close()
	l2, notices := openFresh(t, dir)
	defer l2.Close()
	if len(*notices) != 0 {
		t.Errorf("reopening said %q", *notices)
	}
	if o, err := l2.Original(ids["again/strategy-copy.md"]); err != nil || string(o.Data) != string(changed) {
		t.Errorf("original after reopening: %v", err)
	}
	checkConsistent(t, l2)
}

// TestCancelledImportKeepsNoOriginals cancels an import after some of its
// originals are committed (pending): none is left in the store.
func TestCancelledImportKeepsNoOriginals(t *testing.T) {
	defer func(n int) { originalsBatch = n }(originalsBatch)
	originalsBatch = 1
	written := make(chan bool, 1)
	originalsCommitted = func() {
		select {
		case written <- true:
		default:
		}
	}
	defer func() { originalsCommitted = nil }()
	src := writeFolder(t, 6)
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := l.Import(ctx, []string{src}, func(p Progress) {
		if p.Done == 3 {
			<-written
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancel: %v", err)
	}
	if n := countOriginals(t, l); n != 0 {
		t.Errorf("%d originals of a cancelled import kept", n)
	}
	if checkConsistent(t, l) != 0 {
		t.Errorf("a cancelled import added documents")
	}
}
