package index

import (
	"strings"
	"testing"

	"attache/index/corpus"
	"attache/index/themes"
	"attache/seeds"
)

// seedStore loads and tags the seeds as Open does.
func seedStore(t *testing.T) *store {
	t.Helper()
	docs, err := corpus.LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	st := newStore()
	for _, d := range docs {
		if err := st.add(d, true); err != nil {
			t.Fatal(err)
		}
	}
	themes.Default().TagDocuments(st.docs)
	return st
}

func TestFingerprintIsStable(t *testing.T) {
	// An unstable fingerprint would rebuild the index on every start.
	first, err := seedStore(t).fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if fp, _ := seedStore(t).fingerprint(); fp != first {
			t.Fatalf("load %d: fingerprint %s, first %s", i, fp, first)
		}
	}
	st := seedStore(t)
	st.docs[0].Passages[0].Text += " changed"
	if fp, _ := st.fingerprint(); fp == first {
		t.Error("changing a passage's text kept the fingerprint")
	}
}

func TestStoreAdd(t *testing.T) {
	st := seedStore(t)
	n := st.count()
	doc := &corpus.Document{Meta: corpus.Meta{ID: "memo", Lang: "en"},
		Passages: []corpus.Passage{{ID: "memo#1", Text: "one"}, {ID: "memo#2", Text: "two"}}}
	if err := st.add(doc, false); err != nil {
		t.Fatal(err)
	}
	if st.count() != n+2 || st.passages["memo#1"].DocID != "memo" || st.passages["memo#1"].Lang != "en" {
		t.Errorf("after add: %d passages, %+v", st.count(), st.passages["memo#1"])
	}
	// replacing a document drops its old passages
	doc2 := &corpus.Document{Meta: corpus.Meta{ID: "memo", Lang: "en"},
		Passages: []corpus.Passage{{ID: "memo#3", Text: "three"}}}
	if err := st.add(doc2, false); err != nil {
		t.Fatal(err)
	}
	if st.count() != n+1 || st.passages["memo#1"] != nil || len(st.infos()) != 5 {
		t.Errorf("after replace: %d passages, %d documents", st.count(), len(st.infos()))
	}
	// a passage ID of another document is refused
	clash := &corpus.Document{Meta: corpus.Meta{ID: "other"}, Passages: []corpus.Passage{{ID: "memo#3"}}}
	if err := st.add(clash, false); err == nil || !strings.Contains(err.Error(), "already used by memo") {
		t.Errorf("clashing passage ID: %v", err)
	}
	if err := st.add(&corpus.Document{}, false); err == nil {
		t.Error("a document without ID was added")
	}
}
