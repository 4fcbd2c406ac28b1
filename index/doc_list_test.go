package index

import (
	"context"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// listedFromRecords lists a library's documents from their own records,
// the way the document list replaces.
func listedFromRecords(t *testing.T, l *Local) []DocInfo {
	t.Helper()
	out := []DocInfo{}
	err := l.read(func(tx *bolt.Tx) error {
		return forEachDocRecord(tx, func(rec *docRecord) error {
			out = append(out, DocInfo{Meta: rec.Meta, Passages: rec.Passages, Seed: rec.Seed})
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkDocList checks that the library's document list is complete and
// lists what the documents' records say, in the same order.
func checkDocList(t *testing.T, l *Local, when string) []DocInfo {
	t.Helper()
	var valid bool
	var lerr error
	l.read(func(tx *bolt.Tx) error {
		if valid = docListValid(tx); valid {
			_, lerr = readDocList(tx)
		}
		return nil
	})
	if !valid || lerr != nil {
		t.Fatalf("%s: the document list is not complete (%v)", when, lerr)
	}
	got, err := l.Documents()
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if want := listedFromRecords(t, l); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the list has\n%+v\nthe records\n%+v", when, got, want)
	}
	return got
}

// TestDocListFollowsEveryChange imports, edits, imports again and removes
// documents, and checks after each step that Documents, read from the
// list, says what the documents' own records say.
func TestDocListFollowsEveryChange(t *testing.T) {
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	seedsOnly := checkDocList(t, l, "seeds")
	if len(seedsOnly) < 4 {
		t.Fatalf("%d documents on the seeds", len(seedsOnly))
	}
	files := []string{"../testdata/import/strategy.md", "../testdata/import/council.html", "../testdata/import/nota-latin1.txt"}
	rep, err := l.Import(context.Background(), files, nil)
	if err != nil || len(rep.Added) != 3 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	docs := checkDocList(t, l, "after an import")
	if len(docs) != len(seedsOnly)+3 {
		t.Fatalf("%d documents after adding 3 to %d", len(docs), len(seedsOnly))
	}
	id := rep.Added[0].ID
	title, lang := "Notes, retitled", "it"
	if _, err := l.Edit(id, DocEdit{Title: &title, Lang: &lang}); err != nil {
		t.Fatal(err)
	}
	for _, d := range checkDocList(t, l, "after an edit") {
		if d.ID == id && (d.Title != title || d.Lang != lang) {
			t.Errorf("the edited document is listed as %+v", d.Meta)
		}
	}
	if _, err := l.Import(context.Background(), files[:1], nil); err != nil {
		t.Fatal(err)
	}
	checkDocList(t, l, "after importing a file again")
	if err := l.Remove(rep.Added[1].ID); err != nil {
		t.Fatal(err)
	}
	if docs := checkDocList(t, l, "after a removal"); len(docs) != len(seedsOnly)+2 {
		t.Errorf("%d documents after removing one of %d", len(docs), len(seedsOnly)+3)
	}
}

// TestDocListOfAStoreChangedElsewhere changes a store the way an earlier
// Attaché would, which does not know the document list: the list is then
// not used, Documents lists the records themselves, and the next open
// makes the list again.
func TestDocListOfAStoreChangedElsewhere(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	want := len(checkDocList(t, l, "seeds")) + 1
	l.Close()

	s, err := openDocStore(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	d := &corpus.Document{Meta: corpus.Meta{ID: "older-1", Title: "Put by an older Attaché", Lang: "en"},
		Passages: []corpus.Passage{{ID: corpus.PassageID("older-1", "text"), Text: "A passage."}}}
	// Straight through bbolt, as the older code did: not through
	// docStore.update, which keeps the list.
	err = s.db.Update(func(tx *bolt.Tx) error {
		_, err := putDocument(tx, d, false, "t", catalogueOrder(d.ID, false, 0))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var valid bool
	var listed []DocInfo
	s.view(func(tx *bolt.Tx) error {
		valid = docListValid(tx)
		listed, err = listDocs(tx)
		return err
	})
	s.close()
	if valid {
		t.Fatal("the list still says it is complete after a change it did not see")
	}
	if err != nil || len(listed) != want || listed[len(listed)-1].ID != "older-1" {
		t.Fatalf("listed from the records: %v, %+v", err, listed)
	}

	l, _ = openFresh(t, dir)
	defer l.Close()
	if docs := checkDocList(t, l, "opened again"); len(docs) != want {
		t.Errorf("%d documents, want %d", len(docs), want)
	}
}

// TestDocListOfAnOldLibrary opens testdata/library-v1, a library folder
// made before the document list existed: Open makes the list, which lists
// every document the folder held.
func TestDocListOfAnOldLibrary(t *testing.T) {
	lib := copyLibraryV1(t)
	l, _ := openFresh(t, lib)
	defer l.Close()
	docs := checkDocList(t, l, "converted")
	have := map[string]bool{}
	for _, d := range docs {
		have[d.ID] = true
	}
	for _, id := range []string{v1Strategy, v1StrategyCopy, v1Council, v1Nota} {
		if !have[id] {
			t.Errorf("%s is not listed", id)
		}
	}
}

// TestDamagedDocList damages the values of the document list: Documents
// then lists the documents from their records, nothing is lost, and the
// next change makes the list again.
func TestDamagedDocList(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	want := checkDocList(t, l, "seeds")
	l.Close()
	s, err := openDocStore(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDocList)
		bad := map[string][]byte{}
		b.ForEach(func(k, v []byte) error {
			v = append([]byte(nil), v...)
			v[1] = 0xff // a head's length past the end
			bad[string(k)] = v
			return nil
		})
		for k, v := range bad {
			if err := b.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
	s.close()
	if err != nil {
		t.Fatal(err)
	}
	l, _ = openFresh(t, dir)
	defer l.Close()
	got, err := l.Documents()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("with a damaged list: %v\n%+v\nwant\n%+v", err, got, want)
	}
	// A change made while the list is damaged makes it again.
	title := "Retitled"
	rep, err := l.Import(context.Background(), []string{"../testdata/import/strategy.md"}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import beside a damaged list: %+v, %v", rep, err)
	}
	if _, err := l.Edit(rep.Added[0].ID, DocEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	if docs := checkDocList(t, l, "changed after the damage"); len(docs) != len(want)+1 {
		t.Errorf("%d documents, want %d", len(docs), len(want)+1)
	}
}
