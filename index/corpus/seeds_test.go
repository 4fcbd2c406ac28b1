package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"testing/fstest"

	"attache/seeds"
)

func TestLoadSeedsReadsCatalogue(t *testing.T) {
	docs, err := LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{"g7-2024", "tech7-2024", "council-2023", "join-2025-140"}
	if len(docs) != len(wantIDs) {
		t.Fatalf("got %d documents, want %d", len(docs), len(wantIDs))
	}
	for i, d := range docs {
		if d.ID != wantIDs[i] {
			t.Errorf("document %d is %q, want %q", i, d.ID, wantIDs[i])
		}
		raw, err := seeds.FS.ReadFile(d.Source)
		if err != nil {
			t.Fatalf("%s: source %q: %v", d.ID, d.Source, err)
		}
		sum := sha256.Sum256(raw)
		if d.Checksum != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: checksum %s", d.ID, d.Checksum)
		}
		if len(d.Passages) == 0 || d.Title == "" || d.Lang == "" {
			t.Errorf("%s: title %q lang %q passages %d", d.ID, d.Title, d.Lang, len(d.Passages))
		}
	}
	join := docs[3]
	if join.Reference != "JOIN(2025) 140 final" || join.Place != "Bruxelles" || join.Date != "2025-06-05" || join.Lang != "it" ||
		join.ShortTitle != "Strategia digitale internazionale" || join.Kind != "joint communication" ||
		!strings.HasPrefix(join.Issuer, "Commissione europea; Alto rappresentante") {
		t.Errorf("JOIN meta %+v", join.Meta)
	}
}

func TestLoadSeedsReportsBadCatalogues(t *testing.T) {
	ok := []byte("Some text.\n")
	cases := map[string]fstest.MapFS{
		"read seed catalogue":                     {},
		"catalog.json":                            {"catalog.json": {Data: []byte("{not json")}},
		"lacks its id or file":                    {"catalog.json": {Data: []byte(`[{"file":"a.txt"}]`)}, "a.txt": {Data: ok}},
		`id "a" is used twice`:                    {"catalog.json": {Data: []byte(`[{"file":"a.txt","id":"a"},{"file":"a.txt","id":"a"}]`)}, "a.txt": {Data: ok}},
		`read seed "missing.txt"`:                 {"catalog.json": {Data: []byte(`[{"file":"missing.txt","id":"m"}]`)}},
		`seed "empty.txt": document "e": no text`: {"catalog.json": {Data: []byte(`[{"file":"empty.txt","id":"e"}]`)}, "empty.txt": {Data: []byte("\n")}},
	}
	for want, fsys := range cases {
		_, err := LoadSeeds(fsys)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want error with %q, got %v", want, err)
		}
	}
}

func BenchmarkLoadSeeds(b *testing.B) {
	var passages int
	for b.Loop() {
		docs, err := LoadSeeds(seeds.FS)
		if err != nil {
			b.Fatal(err)
		}
		passages = 0
		for _, d := range docs {
			passages += len(d.Passages)
		}
	}
	b.ReportMetric(float64(passages), "passages")
}
