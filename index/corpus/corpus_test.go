package corpus

import (
	"strings"
	"sync"
	"testing"

	"attache/seeds"
)

var (
	seedOnce sync.Once
	seedDocs map[string]*Document
	seedErr  error
)

// seed returns the parsed seed document with the given ID.
func seed(t *testing.T, id string) *Document {
	t.Helper()
	seedOnce.Do(func() {
		docs, err := LoadSeeds(seeds.FS)
		seedErr = err
		seedDocs = map[string]*Document{}
		for _, d := range docs {
			seedDocs[d.ID] = d
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	d, ok := seedDocs[id]
	if !ok {
		t.Fatalf("no seed %q", id)
	}
	return d
}

// allSeeds returns the four seed documents.
func allSeeds(t *testing.T) []*Document {
	t.Helper()
	var out []*Document
	for _, id := range []string{"g7-2024", "tech7-2024", "council-2023", "join-2025-140"} {
		out = append(out, seed(t, id))
	}
	return out
}

// containing returns the one passage of d whose text contains s.
func containing(t *testing.T, d *Document, s string) *Passage {
	t.Helper()
	var found *Passage
	for i := range d.Passages {
		if strings.Contains(d.Passages[i].Text, s) {
			if found != nil {
				t.Fatalf("%s: %q is in %s and %s", d.ID, s, found.Locator, d.Passages[i].Locator)
			}
			found = &d.Passages[i]
		}
	}
	if found == nil {
		t.Fatalf("%s: no passage contains %q", d.ID, s)
	}
	return found
}

// at returns the passage of d with the given locator.
func at(t *testing.T, d *Document, locator string) *Passage {
	t.Helper()
	for i := range d.Passages {
		if d.Passages[i].Locator == locator {
			return &d.Passages[i]
		}
	}
	t.Fatalf("%s: no passage at %q", d.ID, locator)
	return nil
}

// noteNumbers lists the numbers of a passage's notes.
func noteNumbers(p *Passage) []string {
	var out []string
	for _, n := range p.Notes {
		out = append(out, n.Number)
	}
	return out
}
