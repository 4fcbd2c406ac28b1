package index

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestScoreCutCollectsWhatTheCollectorWould checks that a ranked
// search's flat searcher, passing over the matches that score below the
// k best so far, hands Bleve's collector the same hits in the same order
// with the same scores, and counts the others (the total, the facets and
// the strong matches) as the collector and the tracked root count them:
// at several sizes, on queries with hundreds of matches, and that it
// does pass matches over.
func TestScoreCutCollectsWhatTheCollectorWould(t *testing.T) {
	l := library(t)
	texts := append(append([]string{}, benchQueries...), "digital", "the digital", "security", "sicurezza digitale", "members states", "data protection", "cyber* security")
	passed := 0
	for _, text := range texts {
		for _, k := range []int{1, 5, 20, 80} {
			plan := planOf(t, l, text)
			run := func(cut bool) (*bleve.SearchResult, *matchTracker, *facetTally, *scoreCut) {
				tr := newMatchTracker()
				t.Cleanup(tr.close)
				b := bleveQuery{analyzers: l.analyzers, analysed: map[[2]string][]token{}, track: tr}
				q := tr.root(b.build(plan), plan)
				req := bleve.NewSearchRequestOptions(q, k, 0, false)
				req.SortBy([]string{"-_score"})
				tally := l.facetCol.newTally(facetNames)
				ctx := tally.context(context.Background())
				var sc *scoreCut
				if cut {
					sc = &scoreCut{k: k, tally: tally, t: tr}
					ctx = withScoreCut(ctx, sc)
				}
				sr, err := l.idx.SearchInContext(ctx, req)
				if err != nil {
					t.Fatalf("%q: %v", text, err)
				}
				if sc != nil {
					sc.count()
					sr.Total += uint64(sc.skipped)
				}
				return sr, tr, tally, sc
			}
			want, wantTr, wantTally, _ := run(false)
			got, gotTr, gotTally, sc := run(true)
			if sc.used {
				passed += sc.skipped
			}
			if got.Total != want.Total || gotTr.strong != wantTr.strong || len(got.Hits) != len(want.Hits) {
				t.Fatalf("%q, %d hits: %d matches, %d strong, %d hits; collected all: %d, %d, %d",
					text, k, got.Total, gotTr.strong, len(got.Hits), want.Total, wantTr.strong, len(want.Hits))
			}
			for i := range want.Hits {
				if w, g := want.Hits[i], got.Hits[i]; w.ID != g.ID || w.Score != g.Score {
					t.Fatalf("%q, %d hits: hit %d is %s (%v); collected all: %s (%v)", text, k, i, g.ID, g.Score, w.ID, w.Score)
				}
			}
			for _, name := range facetNames {
				w, _ := json.Marshal(wantTally.facets(name))
				g, _ := json.Marshal(gotTally.facets(name))
				if string(w) != string(g) {
					t.Fatalf("%q, %d hits: facet %s %s; collected all: %s", text, k, name, g, w)
				}
			}
		}
	}
	if passed == 0 {
		t.Error("no match was passed over: the cut is not in the searches")
	}
}

// TestTermLeavesAnswerAsBleve checks that whole searches whose term
// leaves read the postings answer exactly as those that read them
// through Bleve's term searchers, and as those that collect every match:
// the same total, weak count, hits, tiers, snippets and facets.
func TestTermLeavesAnswerAsBleve(t *testing.T) {
	l := library(t)
	texts := append(append([]string{}, benchQueries...), "digital", "the digital", "security lang:en", "sicurezza digitale", "cables theme:connectivity", "+digital -skills")
	defer func() { searchPaths.noTermLeaves, searchPaths.noCut = false, false }()
	for _, text := range texts {
		for _, q := range []Query{{Text: text}, {Text: text, Limit: 3, Offset: 7}, {Text: text, SameLanguage: true}} {
			w, g, _ := answersBothWays(t, l, q, func(on bool) { searchPaths.noTermLeaves, searchPaths.noCut = on, on })
			if w != g {
				t.Errorf("%+v:\nread from the postings %s\nthrough Bleve's term searchers %s", q, g, w)
			}
		}
	}
}
