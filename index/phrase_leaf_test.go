package index

import (
	"context"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// TestPhraseLeavesMatchAsBleve checks that the flat searcher reads its
// phrases from the postings (phraseLeaf) and finds the passages Bleve's
// phrase searcher finds, with the same scores to the bit, stepped and
// advanced: phrases typed, phrases with a stop word in them, and the
// glossary's phrase equivalents of a word.
func TestPhraseLeavesMatchAsBleve(t *testing.T) {
	l := library(t)
	reader := indexReader(t, l)
	defer reader.Close()
	phrases := 0
	for _, text := range []string{`"digital divide"`, `"artificial intelligence" digital`, `"diritti umani"`, `"state of the art"`,
		`"cavi sottomarini" security`, "cavi", "undersea cables", `"rule of law"`, `"stato di diritto"`, `"digital decade" "digital rights"`} {
		plan := planOf(t, l, text)
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
			return searchByScore(t, l, strconv.Quote(text), q, 200)
		}
		compare := func(how string, want, got *bleve.SearchResult) {
			sameHits(t, strconv.Quote(text)+" "+how, "Bleve's phrase searchers", want, got)
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
