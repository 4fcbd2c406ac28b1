package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"attache/index"
	"attache/seeds"
)

// largeLibrary is a library of the seeds and more documents than the
// document filter lists (docFilterMost), each a short memo: every tenth
// one on undersea cables, the others on satellites.
func largeLibrary(t *testing.T) index.Library {
	t.Helper()
	src := t.TempDir()
	n := docFilterMost + 20
	for i := 0; i < n; i++ {
		topic := "satellite launches and orbital debris"
		if i%10 == 0 {
			topic = "undersea cables and their repair ships"
		}
		text := fmt.Sprintf("Memo %03d\n\nThis memo, number %d, is about %s.\n", i, i, topic)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("memo-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	rep, err := lib.Import(context.Background(), []string{src}, nil)
	if err != nil || len(rep.Added) != n {
		t.Fatalf("import: %v, %+v", err, rep)
	}
	return lib
}

// TestLargeLibrarysDocumentFilterListsSomeAndPicksAny checks the document
// filter of a library larger than it lists: before a search the first
// documents, after one the documents with hits, and "Other document…"
// (second, under "All documents"),
// which opens the picker, keeps the filter as it was, and filters by the
// document picked there.
func TestLargeLibrarysDocumentFilterListsSomeAndPicksAny(t *testing.T) {
	lib := largeLibrary(t)
	u := newTestUIWith(t, lib)
	f := u.search.docSel
	if u.docs.len() <= docFilterMost {
		t.Fatalf("%d documents", u.docs.len())
	}
	if len(f.Options) != docFilterMost+2 || f.Options[1] != "Other document…" {
		t.Fatalf("before a search the filter has %d options, the second %q", len(f.Options), f.Options[1])
	}
	search(t, u, "undersea cables")
	if len(f.Options) > docFilterMost+2 || len(f.Options) < 4 {
		t.Fatalf("after a search the filter has %d options: %q", len(f.Options), f.Options)
	}
	for _, v := range f.values[2:] {
		hit := false
		for _, h := range u.search.hits {
			hit = hit || h.DocID == v
		}
		if !hit && u.search.total <= len(u.search.hits) {
			t.Errorf("the filter offers %s, which has no hit", v)
		}
	}

	// A memo on satellites has no hit: the picker finds it.
	f.SetSelected("Other document…")
	if f.value != "" || f.Selected != "All documents" {
		t.Errorf("picking Other document… left the filter on %q (%q)", f.value, f.Selected)
	}
	pk := u.picker
	if pk == nil {
		t.Fatal("no document picker")
	}
	test.Type(pk.filter, "memo 007")
	row := -1
	for i, r := range pk.shown {
		if u.docName(u.docs.idAt(r)) == "Memo 007" {
			row = i
		}
	}
	if row < 0 || pk.length() > 3 {
		t.Fatalf("%q leaves %d documents, Memo 007 at %d", pk.filter.Text, pk.length(), row)
	}
	id := u.docs.idAt(pk.shown[row])
	pk.list.Select(row)
	if f.value != id || f.Selected == "All documents" {
		t.Fatalf("after picking %s the filter is on %q (%q)", id, f.value, f.Selected)
	}
	u.search.query.SetText("")
	test.Type(u.search.query, "satellite")
	if len(u.search.hits) == 0 {
		t.Fatal("no hit in the document picked")
	}
	for _, h := range u.search.hits {
		if h.DocID != id {
			t.Fatalf("a hit of %s with the filter on %s", h.DocID, id)
		}
	}
}

// TestDocumentFilterTellsApartDocumentsOfOneName imports a file twice
// under two names of folder: the document filter labels the two copies
// with their IDs, and choosing the second filters by the second.
func TestDocumentFilterTellsApartDocumentsOfOneName(t *testing.T) {
	src := t.TempDir()
	text := []byte("Notes on cables\n\nThe undersea cables of the Mediterranean need repair ships.\n")
	for _, dir := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(src, dir), 0o755)
		if err := os.WriteFile(filepath.Join(src, dir, "notes.txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	rep, err := lib.Import(context.Background(), []string{src}, nil)
	if err != nil || len(rep.Added) != 2 {
		t.Fatalf("import: %v, %+v", err, rep)
	}
	u := newTestUIWith(t, lib)
	f := u.search.docSel
	second := rep.Added[1].ID
	var label string
	for i, v := range f.values {
		if v == second {
			label = f.Options[i]
		}
	}
	if label == "" || !strings.HasSuffix(label, second) {
		t.Fatalf("the second copy is offered as %q in %q", label, f.Options)
	}
	f.SetSelected(label)
	if f.value != second {
		t.Errorf("choosing %q filters by %q, want %s", label, f.value, second)
	}
}
