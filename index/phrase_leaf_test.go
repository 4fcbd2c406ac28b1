package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"attache/index/query"
)

// TestPhraseLeavesMatchAsBleve checks that the flat searcher reads its
// phrases from the postings (phraseLeaf) and finds the passages Bleve's
// phrase searcher finds, with the same scores to the bit, stepped and
// advanced: phrases typed, phrases with a stop word in them, and the
// glossary's phrase equivalents of a word.
func TestPhraseLeavesMatchAsBleve(t *testing.T) {
	l := library(t)
	adv, err := l.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	reader, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	phrases := 0
	for _, text := range []string{`"digital divide"`, `"artificial intelligence" digital`, `"diritti umani"`, `"state of the art"`,
		`"cavi sottomarini" security`, "cavi", "undersea cables", `"rule of law"`, `"stato di diritto"`, `"digital decade" "digital rights"`} {
		pq, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		stats := newTermStats(l.idx, l.analyzers)
		plan := query.NewPlan(pq, query.Options{Langs: planLangs, Expander: l.expansion(), Rarity: stats.rarity})
		stats.close()
		b := bleveQuery{analyzers: l.analyzers, analysed: map[[2]string][]token{}}
		flat, ok := b.build(plan).(*flatQuery)
		if !ok {
			continue
		}
		s, err := flat.Searcher(context.Background(), reader, l.idx.Mapping(), search.SearcherOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if fs, ok := s.(*flatSearcher); ok {
			for _, p := range fs.phrase {
				if p != nil {
					phrases++
				}
			}
		}
		s.Close()
		searchPaths.noTermLeaves = true
		bleveOwn := b.build(plan)
		searchPaths.noTermLeaves = false
		run := func(q bq.Query, ids []string) *bleve.SearchResult {
			if ids != nil {
				q = bq.NewConjunctionQuery([]bq.Query{bq.NewDocIDQuery(ids), q})
			}
			req := bleve.NewSearchRequestOptions(q, 200, 0, false)
			req.SortBy([]string{"-_score", "_id"})
			sr, err := l.idx.SearchInContext(context.Background(), req)
			if err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			return sr
		}
		compare := func(how string, want, got *bleve.SearchResult) {
			if want.Total != got.Total || len(want.Hits) != len(got.Hits) {
				t.Fatalf("%q %s: %d matches; Bleve's phrase searchers: %d", text, how, got.Total, want.Total)
			}
			for i := range want.Hits {
				if w, g := want.Hits[i], got.Hits[i]; w.ID != g.ID || w.Score != g.Score {
					t.Fatalf("%q %s: hit %d is %s (%v); Bleve's phrase searchers: %s (%v)", text, how, i, g.ID, g.Score, w.ID, w.Score)
				}
			}
		}
		searchPaths.noTermLeaves = true
		want := run(bleveOwn, nil)
		searchPaths.noTermLeaves = false
		got := run(flat, nil)
		compare("searched", want, got)
		var ids []string
		for i := 1; i < len(want.Hits); i += 3 {
			ids = append(ids, want.Hits[i].ID)
		}
		if len(ids) == 0 {
			continue
		}
		searchPaths.noTermLeaves = true
		want = run(bleveOwn, ids)
		searchPaths.noTermLeaves = false
		compare("advanced", want, run(flat, ids))
	}
	if phrases == 0 {
		t.Error("no phrase was read from the postings")
	}
}
