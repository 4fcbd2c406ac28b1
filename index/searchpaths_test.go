package index

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"attache/index/query"
)

// The setup shared by the tests that check one of the search's paths
// (searchPaths) against the older path it stands in for.

// planOf is the plan a search of text makes on l.
func planOf(t testing.TB, l *Local, text string) *query.Plan {
	t.Helper()
	pq, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	stats := newTermStats(l.idx, l.analyzers)
	defer stats.close()
	return query.NewPlan(pq, query.Options{Langs: planLangs, Expander: l.expansion(), Rarity: stats.rarity})
}

// indexReader opens a reader of l's index, which the caller closes.
func indexReader(t testing.TB, l *Local) bindex.IndexReader {
	t.Helper()
	adv, err := l.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	reader, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return reader
}

// answersBothWays searches l for q along the older path (older(true))
// and then the newer (older(false)), and returns both answers as JSON,
// and the newer's answer itself.
func answersBothWays(t testing.TB, l *Local, q Query, older func(on bool)) (want, got string, res *Results) {
	t.Helper()
	answer := func(old bool) (string, *Results) {
		older(old)
		res, err := l.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		b, _ := json.Marshal(res)
		return string(b), res
	}
	want, _ = answer(true)
	got, res = answer(false)
	return want, got, res
}

// searchByScore runs q (the query of what) on l's index for its first
// size matches, best first and by ID among equal scores.
func searchByScore(t testing.TB, l *Local, what string, q bq.Query, size int) *bleve.SearchResult {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	sr, err := l.idx.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return sr
}

// sameHits fails the test unless got has want's total and hits, in the
// same order with the same scores to the bit; what names the search,
// peer the path that found want.
func sameHits(t testing.TB, what, peer string, want, got *bleve.SearchResult) {
	t.Helper()
	if want.Total != got.Total || len(want.Hits) != len(got.Hits) {
		t.Fatalf("%s: %d matches, %d hits; %s: %d, %d", what, got.Total, len(got.Hits), peer, want.Total, len(want.Hits))
	}
	for i := range want.Hits {
		if w, g := want.Hits[i], got.Hits[i]; w.ID != g.ID || w.Score != g.Score {
			t.Fatalf("%s: hit %d is %s (%v); %s: %s (%v)", what, i, g.ID, g.Score, peer, w.ID, w.Score)
		}
	}
}
