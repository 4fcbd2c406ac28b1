package corpus

import (
	"testing"

	"attache/seeds"
)

func TestLoadSeedsReadsCatalogue(t *testing.T) {
	docs, err := LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 {
		t.Fatalf("got %d documents, want 4", len(docs))
	}
	for _, d := range docs {
		if d.Source == "" || len(d.Checksum) != 64 || len(d.Passages) == 0 {
			t.Errorf("%s: source %q checksum %q passages %d", d.ID, d.Source, d.Checksum, len(d.Passages))
		}
	}
}
