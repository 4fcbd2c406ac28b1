package index

import (
	"slices"
	"strings"
	"testing"

	"attache/index/corpus"
)

func TestFilterOnlyQueryListsPassagesInReadingOrder(t *testing.T) {
	l := library(t)
	// Every passage of the library tagged with the theme, document by
	// document, each in reading order.
	var want []string
	docs := allDocs(t, l)
	slices.SortFunc(docs, func(a, b *corpus.Document) int { return strings.Compare(a.ID, b.ID) })
	for _, d := range docs {
		for _, p := range d.Passages {
			if slices.Contains(p.Themes, "ai-governance") {
				want = append(want, p.ID)
			}
		}
	}
	if len(want) < 5 {
		t.Fatalf("only %d seed passages on ai-governance", len(want))
	}
	res := find(t, Query{Text: "theme:ai-governance", Limit: MaxLimit})
	if res.Total != len(want) || !slices.Equal(hitIDs(res), want) {
		t.Errorf("theme:ai-governance lists %d passages\n%v\nwant %d\n%v", res.Total, hitIDs(res), len(want), want)
	}
	// The theme facet is counted under the other filters (none here): it
	// shows every theme one could switch to, ai-governance with its count.
	aiCount := 0
	for _, f := range res.Facets["theme"] {
		if f.Value == "ai-governance" {
			aiCount = f.Count
		}
	}
	if len(res.Facets["doc"]) == 0 || len(res.Facets["theme"]) < 10 || aiCount != len(want) {
		t.Errorf("facets of a listing: %+v", res.Facets)
	}

	// A whole document, in reading order, with its language filter.
	d, err := l.Document("join-2025-140")
	if err != nil {
		t.Fatal(err)
	}
	res = find(t, Query{Text: "doc:join-2025-140 lang:it", Limit: MaxLimit})
	if res.Total != len(d.Passages) {
		t.Fatalf("doc:join-2025-140 lang:it: %d hits, the document has %d passages", res.Total, len(d.Passages))
	}
	for i, h := range res.Hits {
		if h.Seq != i || h.DocID != d.ID || h.Snippet.Text == "" {
			t.Fatalf("hit %d: %s seq %d of %s, snippet %q", i, h.ID, h.Seq, h.DocID, h.Snippet.Text)
		}
	}
	// Paged, and narrowed by filters and excluded words.
	page := find(t, Query{Text: "doc:join-2025-140", Limit: 5, Offset: 5})
	if !slices.Equal(hitIDs(page), hitIDs(res)[5:10]) {
		t.Errorf("second page %v, want %v", hitIDs(page), hitIDs(res)[5:10])
	}
	if got := find(t, Query{Text: "doc:join-2025-140 lang:en"}).Total; got != 0 {
		t.Errorf("doc:join-2025-140 lang:en lists %d passages", got)
	}
	without := find(t, Query{Text: "doc:join-2025-140 -digitale", Limit: MaxLimit})
	if without.Total == 0 || without.Total >= res.Total {
		t.Errorf("excluding a word lists %d of %d passages", without.Total, res.Total)
	}
	for _, h := range without.Hits {
		if strings.Contains(strings.ToLower(h.Text), "digitale") {
			t.Errorf("%s has the excluded word: %.80s", h.ID, h.Text)
		}
	}
	if got := find(t, Query{Text: "-doc:join-2025-140"}).Total; got != passageTotal(t, l)-len(d.Passages) {
		t.Errorf("-doc:join-2025-140 lists %d passages, want %d", got, passageTotal(t, l)-len(d.Passages))
	}
}

func TestQueryFieldsAloneListTheirPassages(t *testing.T) {
	l := library(t)
	d, err := l.Document("council-2023")
	if err != nil {
		t.Fatal(err)
	}
	res := find(t, Query{Doc: "council-2023", Limit: MaxLimit})
	if res.Total != len(d.Passages) {
		t.Errorf("Query{Doc: council-2023} lists %d passages, the document has %d", res.Total, len(d.Passages))
	}
	if res.Query != "" {
		t.Errorf("the results echo %q, not the query's own (empty) text", res.Query)
	}
	if _, err := l.Search(t.Context(), Query{Text: "  "}); err == nil || !strings.Contains(err.Error(), "empty query") {
		t.Errorf("a blank query with no filters: %v, want the empty-query message", err)
	}
}
