package index

import (
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// TestFlatQueryScoresAsBleve checks that the flat searcher returns the
// passages Bleve's own searchers return for the same query tree, with
// the same scores to the bit, when it is stepped (a search) and when it
// is advanced (under a conjunction with a list of IDs), and that the
// queries of a ranked search are flattened at all.
func TestFlatQueryScoresAsBleve(t *testing.T) {
	l := library(t)
	texts := append(append([]string{}, benchQueries...), "digit* digital", `"digital divide" digital`, "sicurezza -informatica", "+digital +skills", "members", `"digital divide"`, "+digital", `"stato di diritto"`)
	flattened := 0
	for _, text := range texts {
		plan := planOf(t, l, text)
		b := bleveQuery{analyzers: l.analyzers, analysed: map[[2]string][]token{}}
		flat := b.build(plan)
		if _, ok := flat.(*flatQuery); !ok {
			continue // a shape the flat searcher leaves to Bleve
		}
		flattened++
		searchPaths.noFlat = true
		tree := b.build(plan)
		searchPaths.noFlat = false
		if _, ok := tree.(*flatQuery); ok {
			t.Fatalf("%q: noFlat still builds a flat query", text)
		}
		run := func(q bq.Query) *bleve.SearchResult {
			return searchByScore(t, l, strconv.Quote(text), q, 100)
		}
		want, got := run(tree), run(flat)
		same := func(how string, want, got *bleve.SearchResult) {
			sameHits(t, strconv.Quote(text)+" "+how, "Bleve's searchers", want, got)
		}
		same("searched", want, got)
		if want.Total == 0 {
			continue
		}
		// every other hit, so that the conjunction advances past some
		var ids []string
		for i := 0; i < len(want.Hits); i += 2 {
			ids = append(ids, want.Hits[i].ID)
		}
		within := func(q bq.Query) bq.Query {
			return bq.NewConjunctionQuery([]bq.Query{bq.NewDocIDQuery(ids), q})
		}
		same("advanced", run(within(tree)), run(within(flat)))
	}
	if flattened < len(texts)/2 {
		t.Errorf("only %d of %d ranked queries were flattened", flattened, len(texts))
	}
}
