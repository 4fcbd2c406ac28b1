package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"attache/index"
	"attache/seeds"
)

func TestImportAction(t *testing.T) {
	u := newTestUI(t)
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	docs, err := readDocTable(lib)
	if err != nil {
		t.Fatal(err)
	}
	u.setLibrary(lib, docs)
	before := u.docs.len()
	abs, _ := filepath.Abs("../testdata/import/strategy.md")
	u.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(abs)})
	if u.docs.len() != before+1 {
		t.Fatalf("documents: %d, want %d", u.docs.len(), before+1)
	}
	var id string
	for _, k := range u.docs.ids() {
		if d, _ := u.docs.get(k); !d.Seed {
			id = k
		}
	}
	title, msg := importSummary(&index.ImportReport{Added: []index.ImportedDoc{{Title: "Digital strategy notes", Lang: "en", Passages: 4}}}, nil)
	if title != "Documents added" || !strings.Contains(msg, "1 added") || !strings.Contains(msg, "Digital strategy notes") {
		t.Errorf("summary: %q %q", title, msg)
	}

	newTitle, lang := "Notes on the strategy", "it"
	u.editDocument(lib, id, index.DocEdit{Title: &newTitle, Lang: &lang})
	if d, _ := u.docs.get(id); d.Title != newTitle || d.Lang != "it" {
		t.Errorf("after edit: %+v", d.Meta)
	}
	if err := lib.Remove(id); err != nil {
		t.Fatal(err)
	}
	u.refreshLibrary()
	if u.docs.len() != before {
		t.Errorf("after remove: %d documents", u.docs.len())
	}
}
