package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
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

// docThemes lists the themes of a document's passages.
func docThemes(d *corpus.Document) []string {
	var out []string
	for _, p := range d.Passages {
		out = append(out, p.Themes...)
	}
	return out
}

// tamper changes a document in a closed library's store, as another
// version of Attaché could have left it, and makes the next Open take the
// seeds again (as a new version of the program does).
func tamper(t *testing.T, lib, id string, f func(d *corpus.Document, rec *docRecord)) {
	t.Helper()
	s, err := openDocStore(lib, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	err = s.update(func(tx *bolt.Tx) error {
		d, rec, err := getDocument(tx, id)
		if err != nil {
			return err
		}
		f(d, rec)
		if _, err := putDocument(tx, d, false, rec.Tagger, rec.Order); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(metaSeeds, []byte("another program"))
	})
	if err != nil {
		t.Fatal(err)
	}
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

	// The tags are made at import, kept in the store with the version of
	// the tagging, and searchable.
	d, _ := l.Document(id)
	if rec := record(t, l, id); rec.Tagger != taggerOf(l) || taggerOf(l) == "" {
		t.Errorf("stored tagger %v, library's %q", rec.Tagger, taggerOf(l))
	}
	if !slices.Contains(docThemes(d), "undersea-cables") {
		t.Errorf("stored themes of a report on submarine cables: %v", docThemes(d))
	}
	tagged := 0
	for _, th := range docThemes(d) {
		if th == "undersea-cables" {
			tagged++
		}
	}
	if res := findIn(t, l, "theme:undersea-cables doc:"+id); res.Total != tagged {
		t.Errorf("theme filter on the imported document, %d passages tagged: %s", tagged, describeHits(res))
	}

	// The stamp says what the index holds, so a reopen builds nothing.
	st, err := readStamp(lib)
	if want := l.wantStamp(); err != nil || st.Updating || st.Corpus != want.Corpus || st.Passages != passageTotal(t, l) {
		t.Errorf("stamp after import: %+v, %v", st, err)
	}
	l.Close()
	stored, _ := os.Stat(filepath.Join(lib, storeFile))
	*notices = nil
	l, notices = openFresh(t, lib)
	if len(*notices) != 0 {
		t.Errorf("reopening after an import said %q", *notices)
	}
	if again, _ := os.Stat(filepath.Join(lib, storeFile)); !again.ModTime().Equal(stored.ModTime()) {
		t.Error("reopening wrote the store again, as if its tags were out of date")
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
	tagger := taggerOf(l)
	l.Close()

	// A new program with the same tagging: the seeds are taken again, and
	// nothing else changes.
	same := rep.Added[0].ID
	tamper(t, lib, same, func(*corpus.Document, *docRecord) {})
	l, notices := openFresh(t, lib)
	if len(*notices) != 0 {
		t.Errorf("taking the same seeds again said %q", *notices)
	}
	l.Close()

	// One tagged by another version of the tagging, differently, and
	// indexed so: tagged again, its passages move to their new themes in a
	// rebuilt index.
	other := rep.Added[1].ID
	tamper(t, lib, other, func(d *corpus.Document, rec *docRecord) {
		for i := range d.Passages {
			d.Passages[i].Themes = []string{"quantum"}
		}
		rec.Tagger = "an-older-version"
	})
	// which the index holds as the store says
	l, _ = openFresh(t, lib)
	l.Close()
	l, notices = openFresh(t, lib)
	defer l.Close()
	if taggerOf(l) != tagger {
		t.Errorf("tagger %s, before %s", taggerOf(l), tagger)
	}
	if res := findIn(t, l, "theme:quantum doc:"+other); res.Total != 0 {
		t.Errorf("old tags still searchable: %s", describeHits(res))
	}
	if res := findIn(t, l, "theme:undersea-cables doc:"+other); res.Total == 0 {
		t.Errorf("the retagged document is not found by its theme")
	}
	d, _ := l.Document(other)
	if rec := record(t, l, other); rec.Tagger != taggerOf(l) || slices.Contains(docThemes(d), "quantum") {
		t.Errorf("the retagged document was not saved: tagger %v, themes %v", rec.Tagger, docThemes(d))
	}
	checkConsistent(t, l)
}
