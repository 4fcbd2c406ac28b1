package index

import (
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
	"attache/seeds"
)

// allDocs reads every document of a library, in catalogue order.
func allDocs(t testing.TB, l *Local) []*corpus.Document {
	t.Helper()
	infos, err := l.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var out []*corpus.Document
	for _, in := range infos {
		d, err := l.Document(in.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// passageTotal counts the passages of a library's documents.
func passageTotal(t testing.TB, l *Local) int {
	t.Helper()
	infos, err := l.Documents()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range infos {
		n += in.Passages
	}
	return n
}

// record reads a document's record in the store.
func record(t testing.TB, l *Local, id string) *docRecord {
	t.Helper()
	var rec *docRecord
	if err := l.read(func(tx *bolt.Tx) (err error) {
		rec, err = getDocRecord(tx, id, true)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestRecordsRoundTrip(t *testing.T) {
	docs, err := corpus.LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			back, err := decodePassage(encodePassage(p))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, p) {
				t.Fatalf("passage %s read back as %+v, written %+v", p.ID, back, p)
			}
			if len(p.Notes) > 0 {
				n++
			}
		}
		rec := &docRecord{Meta: d.Meta, Seed: true, Passages: len(d.Passages), Tagger: "t", Hash: "h", Order: "o", Sections: d.Sections}
		back, err := decodeDoc(encodeDoc(rec), true)
		if err != nil || !reflect.DeepEqual(back, rec) {
			t.Fatalf("document %s read back as %+v (%v)", d.ID, back, err)
		}
	}
	if n == 0 {
		t.Error("no passage with notes was tried")
	}
	if _, err := decodePassage([]byte{recordFormat, 200}); err == nil {
		t.Error("a truncated record was read")
	}
	if _, err := decodePassage([]byte{9}); err == nil {
		t.Error("a record of another format was read")
	}
}

func TestStoreKeepsTheFingerprintUpToDate(t *testing.T) {
	s, err := openDocStore(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	fp := func() (string, int) {
		var f string
		var n int
		s.view(func(tx *bolt.Tx) error { f, n = storeFingerprint(tx); return nil })
		return f, n
	}
	empty, _ := fp()
	doc := func(id string, texts ...string) *corpus.Document {
		d := &corpus.Document{Meta: corpus.Meta{ID: id, Title: id, Lang: "en"}}
		for i, tx := range texts {
			d.Passages = append(d.Passages, corpus.Passage{ID: corpus.PassageID(id, tx), Seq: i, Text: tx})
		}
		return d
	}
	put := func(d *corpus.Document) ([]string, error) {
		var gone []string
		err := s.update(func(tx *bolt.Tx) (err error) {
			gone, err = putDocument(tx, d, false, "t", catalogueOrder(d.ID, false, 0))
			return err
		})
		return gone, err
	}
	if _, err := put(doc("memo", "one", "two")); err != nil {
		t.Fatal(err)
	}
	one, n := fp()
	if one == empty || n != 2 {
		t.Errorf("after a put: fingerprint %s, %d passages", one, n)
	}
	// Replacing drops the old passages and says which are gone.
	gone, err := put(doc("memo", "one", "three"))
	if err != nil || len(gone) != 1 || gone[0] != corpus.PassageID("memo", "two") {
		t.Errorf("replace: gone %v, %v", gone, err)
	}
	if _, n := fp(); n != 2 {
		t.Errorf("after replacing: %d passages", n)
	}
	if _, err := put(doc("memo", "one", "two")); err != nil {
		t.Fatal(err)
	}
	if again, _ := fp(); again != one {
		t.Errorf("the same documents gave another fingerprint: %s, before %s", again, one)
	}
	// A passage ID of another document is refused, and nothing is written.
	clash := doc("other", "x")
	clash.Passages[0].ID = corpus.PassageID("memo", "one")
	if _, err := put(clash); err == nil || !strings.Contains(err.Error(), "already used by memo") {
		t.Errorf("clashing passage ID: %v", err)
	}
	if again, _ := fp(); again != one {
		t.Error("a refused put changed the fingerprint")
	}
	if err := s.update(func(tx *bolt.Tx) error { _, err := deleteDocument(tx, "memo"); return err }); err != nil {
		t.Fatal(err)
	}
	if f, n := fp(); f != empty || n != 0 {
		t.Errorf("after removing every document: %s, %d passages", f, n)
	}
	if _, err := put(&corpus.Document{}); err == nil {
		t.Error("a document without ID was put")
	}
}

// taggerOf is the version of the tagging a library tags with.
func taggerOf(l *Local) string {
	_, _, v := l.tagger()
	return v
}
