package index

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"attache/seeds"
)

// facetQueries are searches whose facets the facet file tests compare.
var facetQueries = []string{"digital", "cavi sottomarini", "digitale theme:digital-skills-divide", "lang:it"}

// searchFacets runs facetQueries on l and returns their facets.
func searchFacets(t *testing.T, l *Local) []map[string][]FacetCount {
	t.Helper()
	var out []map[string][]FacetCount
	for _, text := range facetQueries {
		res, err := l.Search(context.Background(), Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Facets["doc"]) == 0 {
			t.Fatalf("%q: no doc facet", text)
		}
		out = append(out, res.Facets)
	}
	return out
}

// TestFacetFileSavedForTheNextProcess checks that the first search of a
// snapshot saves its facet column in the library folder, that a library
// opened afterwards counts from that file, and that both count what the
// column reading the index match by match counts.
func TestFacetFileSavedForTheNextProcess(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	first := searchFacets(t, l)
	l.Close()
	path := filepath.Join(dir, facetFileName)
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no facet file after a search: %v", err)
	}

	l, _ = openFresh(t, dir)
	again := searchFacets(t, l)
	if l.facetCol.file == nil {
		t.Error("a library opened on a saved facet file does not count from it")
	}
	l.Close()
	if now, _ := os.ReadFile(path); !reflect.DeepEqual(now, saved) {
		t.Error("the facet file was written again though it was this snapshot's")
	}

	l, _ = openFresh(t, dir)
	l.facetCol.dir = "" // no file: rows read from the index as matches need them
	lazy := searchFacets(t, l)
	if l.facetCol.file != nil {
		t.Error("a column without a folder used a file")
	}
	l.Close()
	for i, q := range facetQueries {
		if !reflect.DeepEqual(first[i], lazy[i]) || !reflect.DeepEqual(again[i], lazy[i]) {
			t.Errorf("%q: facets from the built file %v, from the saved file %v, from the index %v", q, first[i], again[i], lazy[i])
		}
	}
}

// TestFacetFileDamagedOrStaleIsRebuilt checks that a damaged facet file,
// or one of another snapshot, is not believed: the counts stay right and
// the file is made again for the snapshot in hand.
func TestFacetFileDamagedOrStaleIsRebuilt(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	want := searchFacets(t, l)
	l.Close()
	path := filepath.Join(dir, facetFileName)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	keyEnd := len(facetFileMagic) + bytes.IndexByte(good[len(facetFileMagic):], '\n') + 1
	flipped[keyEnd+6] ^= 0xff // a byte of the values: the checksum no longer holds
	for name, data := range map[string][]byte{
		"flipped byte": flipped,
		"cut short":    good[:len(good)/2],
		"empty":        nil,
		"other index":  encodeFacetFile("000000000001.zap 10 10 10;", [3][]string{{"x"}, {"en"}, nil}, make([]byte, facetRowSize), 1),
	} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		l, _ := openFresh(t, dir)
		got := searchFacets(t, l)
		l.Close()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: facets %v, want %v", name, got, want)
		}
		if now, _ := os.ReadFile(path); !reflect.DeepEqual(now, good) {
			t.Errorf("%s: the facet file was not made again for this index", name)
		}
	}
}

// TestFacetFileRowNamingNoValueIsRefused checks that a row the file's
// values cannot stand for (a damaged row) is not counted: Bleve counts
// instead, and the counts stay right.
func TestFacetFileRowNamingNoValueIsRefused(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	want := searchFacets(t, l)
	l.Close()
	path := filepath.Join(dir, facetFileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, _ = openFresh(t, dir)
	reader := indexReader(t, l)
	_, n := facetFileKey(reader)
	reader.Close()
	l.Close()
	for i := len(data) - int(n)*facetRowSize; i < len(data); i++ {
		data[i] = 0xff // every row names a document the file lacks
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, _ = openFresh(t, dir)
	defer l.Close()
	if got := searchFacets(t, l); !reflect.DeepEqual(got, want) {
		t.Errorf("facets %v, want %v", got, want)
	}
}

// TestDecodeFacetFileRefusesOtherKeys checks the file's key and size
// checks.
func TestDecodeFacetFileRefusesOtherKeys(t *testing.T) {
	rows := make([]byte, 2*facetRowSize)
	rows[0], rows[4], rows[8] = 1, 1, 3
	data := encodeFacetFile("a 1 2 2;", [3][]string{{"doc-a"}, {"en"}, {"t1", "t2"}}, rows, 2)
	f, err := decodeFacetFile(data, "a 1 2 2;", 2)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := f.row(0)
	if !ok || r.doc != 1 || r.lang != 1 || r.themes != 3 || f.values[slotTheme][1] != "t2" {
		t.Errorf("row 0 = %+v (%v), values %v", r, ok, f.values)
	}
	if _, ok := f.row(2); ok {
		t.Error("a row past the end was read")
	}
	if _, ok := f.row(1); !ok {
		t.Error("an empty row (no document, no language) was refused")
	}
	rows[16] = 2 // a second document the file does not hold
	if _, ok := decodeFacetFileMust(t, encodeFacetFile("a 1 2 2;", [3][]string{{"doc-a"}, {"en"}, {"t1", "t2"}}, rows, 2)).row(1); ok {
		t.Error("a row naming a document the file lacks was taken")
	}
	if _, err := decodeFacetFile(data, "b 1 2 2;", 2); err == nil {
		t.Error("a file of another snapshot was taken")
	}
	if _, err := decodeFacetFile(data, "a 1 2 2;", 3); err == nil {
		t.Error("a file with another count of rows was taken")
	}
}

// TestFacetFileKeyOfSeedIndex checks that an index on disk has a key,
// with a document number for each of its passages at least.
func TestFacetFileKeyOfSeedIndex(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	reader := indexReader(t, l)
	defer reader.Close()
	key, n := facetFileKey(reader)
	c, _ := reader.DocCount()
	if key == "" || n < c {
		t.Errorf("key %q with %d numbers for %d passages", key, n, c)
	}
}

// decodeFacetFileMust decodes a facet file made with key "a 1 2 2;" and
// two rows.
func decodeFacetFileMust(t *testing.T, data []byte) *facetFile {
	t.Helper()
	f, err := decodeFacetFile(data, "a 1 2 2;", 2)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
