package app

import (
	"testing"

	"attache/index"
	"attache/index/corpus"
)

// TestDocTableKeepsWhatABriefCites checks that a document's details come
// back from the table as they went in, but for the two the window never
// shows, and that the table keeps the library's order.
func TestDocTableKeepsWhatABriefCites(t *testing.T) {
	full := index.DocInfo{Meta: corpus.Meta{ID: "join-2025-140", Title: "An international digital strategy", ShortTitle: "JOIN(2025) 140",
		Issuer: "European Commission; High Representative", Date: "2025-06-05", Place: "Brussels", Lang: "en", Kind: "joint communication",
		Reference: "JOIN(2025) 140 final", URL: "https://example.eu/join", Source: "join.pdf", Checksum: "ab12"}, Passages: 7, Seed: true}
	empty := index.DocInfo{Meta: corpus.Meta{ID: "notes-1a2b"}}
	tab := newDocTable([]index.DocInfo{full, empty})
	want := full
	want.Source, want.Checksum = "", ""
	if got, ok := tab.get(full.ID); !ok || got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, ok := tab.get(empty.ID); !ok || got != empty {
		t.Errorf("got %+v, want %+v", got, empty)
	}
	if _, ok := tab.get("missing"); ok {
		t.Error("a missing document was found")
	}
	if ids := tab.ids(); len(ids) != 2 || ids[0] != full.ID || ids[1] != empty.ID {
		t.Errorf("ids %v", ids)
	}
	if tab.len() != 2 || tab.passages() != 7 {
		t.Errorf("len %d, passages %d", tab.len(), tab.passages())
	}
	if l := tab.langs; !l["en"] || !l[""] || len(l) != 2 {
		t.Errorf("langs %v", l)
	}
}
