package index

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// TestOldLibraryConvertsOnce opens a library folder written by the
// Attaché before the document store (testdata/library-v0: three imported
// documents, one edited by hand) and checks that it converts itself once,
// with one notice, and that nothing is lost: the documents and their
// passages as they were stored, the edits, the copies of the originals.
func TestOldLibraryConvertsOnce(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library")
	if out, err := exec.Command("cp", "-r", "../testdata/library-v0", lib).CombinedOutput(); err != nil {
		t.Fatalf("copy the old library: %v %s", err, out)
	}
	os.Remove(filepath.Join(lib, "README.md"))
	old := map[string]*corpus.Document{}
	names, _ := filepath.Glob(filepath.Join(lib, oldDocsDir, "*.json"))
	for _, n := range names {
		b, _ := os.ReadFile(n)
		var d corpus.Document
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		old[d.ID] = &d
	}
	if len(old) != 3 {
		t.Fatalf("the fixture holds %d documents", len(old))
	}
	copies := readFiles(t, filepath.Join(lib, originalsDir))

	l, notices := openFresh(t, lib)
	if len(*notices) != 1 {
		t.Errorf("converting said %q, want one notice", *notices)
	}
	noticeWith(t, *notices, "converting the library in "+lib+" to its new store: 3 imported documents")
	noticeWith(t, *notices, "the copies of 3 imported files move into the store")
	for id, want := range old {
		got, err := l.Document(id)
		if err != nil {
			t.Fatalf("document %s after conversion: %v", id, err)
		}
		if got.Meta != want.Meta {
			t.Errorf("document %s: %+v, stored %+v", id, got.Meta, want.Meta)
		}
		if len(got.Passages) != len(want.Passages) {
			t.Fatalf("document %s: %d passages, stored %d", id, len(got.Passages), len(want.Passages))
		}
		for i := range want.Passages {
			w, g := want.Passages[i], got.Passages[i]
			w.Themes, g.Themes = nil, nil // tagged again if the tagging changed
			if !reflect.DeepEqual(g, w) {
				t.Errorf("passage %s: %+v, stored %+v", w.ID, g, w)
			}
		}
		if o, err := l.Original(id); err != nil {
			t.Errorf("copy of the original of %s: %v", id, err)
		} else if string(o.Data) != copies[id+filepath.Ext(want.Source)] || o.Name != want.Source {
			t.Errorf("copy of the original of %s: %q, %d bytes, was %d", id, o.Name, len(o.Data), len(copies[id+filepath.Ext(want.Source)]))
		}
	}
	edited := "digital-strategy-notes-689d835e"
	if d, _ := l.Document(edited); d.Title != "Strategy notes, edited" || d.Reference != "NOTE/2025/7" {
		t.Errorf("edited document: %+v", d.Meta)
	}
	l.read(func(tx *bolt.Tx) error {
		e := getEdits(tx, edited)
		if e.Title == nil || *e.Title != "Strategy notes, edited" || e.Reference == nil || *e.Reference != "NOTE/2025/7" {
			t.Errorf("the user's edits were not kept: %+v", e)
		}
		return nil
	})
	if res := findIn(t, l, "diplomazia digitale doc:conclusioni-sulla-diplomazia-digitale-fdcb3e98"); res.Total == 0 {
		t.Error("a converted document is not found")
	}
	checkConsistent(t, l)
	if _, err := os.Stat(filepath.Join(lib, convertedDocsDir, edited+".edits")); err != nil {
		t.Errorf("the old files were not kept aside: %v", err)
	}
	if hasOldDocs(lib) {
		t.Error("the old documents are still where they would be converted again")
	}
	l.Close()

	l, notices = openFresh(t, lib)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("the second open said %q", *notices)
	}
	if n := checkConsistent(t, l); n != 3 {
		t.Errorf("%d documents after the second open", n)
	}
	if !strings.HasPrefix(record(t, l, edited).Order, "1") {
		t.Error("a converted document is listed among the seeds")
	}
}

// readFiles reads the files of a folder, by name.
func readFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}
