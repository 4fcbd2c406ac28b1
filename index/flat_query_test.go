package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"attache/index/query"
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
		pq, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		stats := newTermStats(l.idx, l.analyzers)
		plan := query.NewPlan(pq, query.Options{Langs: planLangs, Expander: l.expansion(), Rarity: stats.rarity})
		stats.close()
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
			req := bleve.NewSearchRequestOptions(q, 100, 0, false)
			req.SortBy([]string{"-_score", "_id"})
			sr, err := l.idx.SearchInContext(context.Background(), req)
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			return sr
		}
		want, got := run(tree), run(flat)
		same := func(how string, want, got *bleve.SearchResult) {
			if want.Total != got.Total || len(want.Hits) != len(got.Hits) {
				t.Fatalf("%q %s: %d matches, %d hits; Bleve's searchers: %d, %d", text, how, got.Total, len(got.Hits), want.Total, len(want.Hits))
			}
			for i := range want.Hits {
				if w, g := want.Hits[i], got.Hits[i]; w.ID != g.ID || w.Score != g.Score {
					t.Fatalf("%q %s: hit %d is %s (%v); Bleve's searchers: %s (%v)", text, how, i, g.ID, g.Score, w.ID, w.Score)
				}
			}
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
