package index

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// indexFolder returns the index folder's identity, which a rebuild changes
// (it builds a new folder and renames it into place) and an update in
// place keeps.
func indexFolder(t *testing.T, l *Local) os.FileInfo {
	t.Helper()
	info, err := os.Stat(filepath.Join(l.Dir(), indexDir))
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// readStored reads a document's file in the library folder.
func readStored(t *testing.T, dir, id string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, docsDir, id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// storedThemes lists the themes of the passages in a stored document.
func storedThemes(m map[string]any) []string {
	var out []string
	ps, _ := m["passages"].([]any)
	for _, p := range ps {
		ts, _ := p.(map[string]any)["themes"].([]any)
		for _, th := range ts {
			out = append(out, th.(string))
		}
	}
	return out
}

func TestImportEditRemoveUpdateTheIndexInPlace(t *testing.T) {
	src := writeFolder(t, 4)
	lib := t.TempDir()
	l, notices := openFresh(t, lib)
	defer func() { l.Close() }()
	before := indexFolder(t, l)
	rep, err := l.Import(context.Background(), []string{src}, nil)
	if err != nil || len(rep.Added) != 4 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	if !os.SameFile(before, indexFolder(t, l)) {
		t.Error("the import rebuilt the index instead of adding to it")
	}
	checkConsistent(t, l)
	id := rep.Added[0].ID

	// The tags are made at import, kept in the document's file with the
	// version of the tagging, and searchable.
	m := readStored(t, lib, id)
	if m["tagger"] != l.tagger || l.tagger == "" {
		t.Errorf("stored tagger %v, library's %q", m["tagger"], l.tagger)
	}
	if !slices.Contains(storedThemes(m), "undersea-cables") {
		t.Errorf("stored themes of a report on submarine cables: %v", storedThemes(m))
	}
	tagged := 0
	for _, th := range storedThemes(m) {
		if th == "undersea-cables" {
			tagged++
		}
	}
	if res := findIn(t, l, "theme:undersea-cables doc:"+id); res.Total != tagged {
		t.Errorf("theme filter on the imported document, %d passages tagged: %s", tagged, describeHits(res))
	}

	// The stamp says what the index holds, so a reopen builds nothing.
	st, err := readStamp(lib)
	if fp, _ := l.store.fingerprint(); err != nil || st.Updating || st.Corpus != fp || st.Passages != l.store.count() {
		t.Errorf("stamp after import: %+v, %v", st, err)
	}
	l.Close()
	stored, _ := os.Stat(filepath.Join(lib, docsDir, id+".json"))
	*notices = nil
	l, notices = openFresh(t, lib)
	if len(*notices) != 0 {
		t.Errorf("reopening after an import said %q", *notices)
	}
	if again, _ := os.Stat(filepath.Join(lib, docsDir, id+".json")); !os.SameFile(stored, again) || !again.ModTime().Equal(stored.ModTime()) {
		t.Error("reopening wrote the document's file again, as if its tags were out of date")
	}

	// An edit and a removal change the index in place too.
	if _, err := l.Edit(id, DocEdit{Title: ptr("Cable notes"), Lang: ptr("it")}); err != nil {
		t.Fatal(err)
	}
	if err := l.Remove(rep.Added[1].ID); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, indexFolder(t, l)) {
		t.Error("an edit or a removal rebuilt the index")
	}
	if res := findIn(t, l, "doc:"+id+" lang:it"); res.Total != 2 || res.Hits[0].Citation == "" || !strings.HasPrefix(res.Hits[0].Citation, "Cable notes") {
		t.Errorf("edited document: %s", describeHits(res))
	}
	if res := findIn(t, l, "doc:"+rep.Added[1].ID); res.Total != 0 {
		t.Errorf("removed document still found: %s", describeHits(res))
	}
	if n := checkConsistent(t, l); n != 3 {
		t.Errorf("%d documents after a removal", n)
	}
	l.Close()
	l, notices = openFresh(t, lib)
	if len(*notices) != 0 {
		t.Errorf("reopening after an edit and a removal said %q", *notices)
	}
	checkConsistent(t, l)
}

func TestInterruptedUpdateRebuildsTheIndex(t *testing.T) {
	// A process killed while it changed the index in place leaves the
	// stamp saying so, and a half-changed index: the next open rebuilds.
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	rep, err := l.Import(context.Background(), []string{writeFolder(t, 2)}, nil)
	if err != nil || len(rep.Added) != 2 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	d, _ := l.Document(rep.Added[0].ID)
	l.Close()
	idx, err := openBleve(filepath.Join(lib, indexDir), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Delete(d.Passages[0].ID); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	st, _ := readStamp(lib)
	st.Updating = true
	writeStamp(lib, *st)

	l, notices := openFresh(t, lib)
	defer l.Close()
	noticeWith(t, *notices, "rebuilding the index: a change to it was interrupted")
	if n := checkConsistent(t, l); n != 2 {
		t.Errorf("%d documents", n)
	}
	if st, _ := readStamp(lib); st.Updating {
		t.Error("the stamp still says the index is being changed")
	}
}

func TestOpenRetagsDocumentsTaggedByAnotherVersion(t *testing.T) {
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	rep, err := l.Import(context.Background(), []string{writeFolder(t, 3)}, nil)
	if err != nil || len(rep.Added) != 3 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	l.Close()
	rewrite := func(id string, f func(m map[string]any)) {
		m := readStored(t, lib, id)
		f(m)
		b, _ := json.Marshal(m)
		if err := os.WriteFile(filepath.Join(lib, docsDir, id+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One as an older Attaché stored it: no tags, no version; tagged
	// again, it has the same tags as before, and the index stands.
	old := rep.Added[0].ID
	rewrite(old, func(m map[string]any) {
		delete(m, "tagger")
		for _, p := range m["passages"].([]any) {
			delete(p.(map[string]any), "themes")
		}
	})
	l, notices := openFresh(t, lib)
	if len(*notices) != 0 {
		t.Errorf("retagging a document to the same tags said %q", *notices)
	}
	if m := readStored(t, lib, old); m["tagger"] != l.tagger || !slices.Contains(storedThemes(m), "undersea-cables") {
		t.Errorf("the retagged document was not saved with its tags: tagger %v, themes %v", m["tagger"], storedThemes(m))
	}
	l.Close()

	// One tagged by another version of the tagging, differently, and
	// indexed so: tagged again, its passages move to their new themes in a
	// rebuilt index.
	other := rep.Added[1].ID
	rewrite(other, func(m map[string]any) {
		for _, p := range m["passages"].([]any) {
			p.(map[string]any)["themes"] = []string{"quantum"}
		}
	})
	l, notices = openFresh(t, lib)
	noticeWith(t, *notices, "rebuilding the index: the library's documents changed")
	if res := findIn(t, l, "theme:quantum doc:"+other); res.Total == 0 {
		t.Fatalf("the document's tags as stored are not indexed")
	}
	l.Close()
	rewrite(other, func(m map[string]any) { m["tagger"] = "an-older-version" })
	l, notices = openFresh(t, lib)
	noticeWith(t, *notices, "rebuilding the index: the library's documents changed")
	if res := findIn(t, l, "theme:quantum doc:"+other); res.Total != 0 {
		t.Errorf("old tags still searchable: %s", describeHits(res))
	}
	if res := findIn(t, l, "theme:undersea-cables doc:"+other); res.Total == 0 {
		t.Errorf("the retagged document is not found by its theme")
	}
	if m := readStored(t, lib, other); m["tagger"] != l.tagger || slices.Contains(storedThemes(m), "quantum") {
		t.Errorf("the retagged document was not saved: tagger %v, themes %v", m["tagger"], storedThemes(m))
	}
	l.Close()
	l, notices = openFresh(t, lib)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("second open after retagging said %q", *notices)
	}
	checkConsistent(t, l)
}
