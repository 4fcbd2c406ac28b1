package index

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
)

// TestRankedCollectAnswersAsBleve checks that a ranked search whose
// best matches the library collects itself (collectRanked) answers
// exactly as one that leaves them to Bleve's collector: the same total,
// weak count, hits in the same order with their tiers, snippets and
// marks, and facets, at several pages and under filters; as a large
// library searches (in two passes), where it is used.
func TestRankedCollectAnswersAsBleve(t *testing.T) {
	l := library(t)
	texts := append(append([]string{}, benchQueries...), "digital", "the digital", "security lang:en", "sicurezza digitale",
		"cables theme:connectivity", "+digital -skills", `"digital divide"`, "digit*", "members states")
	defer func(saved int) { searchPaths.twoPassAt, searchPaths.noOwnCollector = saved, false }(searchPaths.twoPassAt)
	searchPaths.twoPassAt = 0
	for _, text := range texts {
		for _, q := range []Query{{Text: text}, {Text: text, Limit: 3, Offset: 7}, {Text: text, Limit: 1}, {Text: text, Lang: "it"}} {
			w, g, _ := answersBothWays(t, l, q, func(on bool) { searchPaths.noOwnCollector = on })
			if w != g {
				t.Errorf("%+v:\ncollected by the library %s\nby Bleve %s", q, g, w)
			}
		}
	}
}

// cancelledAfter is a context cancelled once its Err has been asked n
// times: a search stopped part way without waiting on a clock.
type cancelledAfter struct {
	context.Context
	n int
}

func (c *cancelledAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestRankedCollectStopsWhenCancelled checks that a search the library
// collects itself stops with the context's error when the context is
// cancelled while it runs.
func TestRankedCollectStopsWhenCancelled(t *testing.T) {
	l := library(t)
	defer func(saved int) { searchPaths.twoPassAt = saved }(searchPaths.twoPassAt)
	searchPaths.twoPassAt = 0
	ctx := &cancelledAfter{Context: context.Background(), n: 1} // the search's first look passes
	if _, err := l.Search(ctx, Query{Text: "digital"}); !errors.Is(err, context.Canceled) {
		t.Errorf("search cancelled while collecting: %v, want context.Canceled", err)
	}
}

// TestDirectReadsSkipRemovedPassages checks, on a library where imported
// documents were removed (their passages still in the index's segments,
// marked deleted), that the searches reading the postings straight and
// collecting their best matches themselves answer exactly as those
// through Bleve's searchers and collector, and never with a removed
// passage.
func TestDirectReadsSkipRemovedPassages(t *testing.T) {
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	defer l.Close()
	rep, err := l.Import(context.Background(), []string{writeFolder(t, 6)}, nil)
	if err != nil || len(rep.Added) != 6 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	removed := map[string]bool{}
	for _, d := range rep.Added[:3] {
		if err := l.Remove(d.ID); err != nil {
			t.Fatal(err)
		}
		removed[d.ID] = true
	}
	defer func(saved int) {
		searchPaths.twoPassAt, searchPaths.noTermLeaves, searchPaths.noCut, searchPaths.noOwnCollector = saved, false, false, false
	}(searchPaths.twoPassAt)
	searchPaths.twoPassAt = 0
	for _, text := range []string{"cables", "submarine cables", `"landing stations"`, "cable*", "Member States", "sabotage threats", "cavi"} {
		for _, q := range []Query{{Text: text}, {Text: text, Limit: 2, Offset: 1}} {
			w, g, got := answersBothWays(t, l, q, func(on bool) {
				searchPaths.noTermLeaves, searchPaths.noCut, searchPaths.noOwnCollector = on, on, on
			})
			if w != g {
				t.Errorf("%+v:\nread straight %s\nthrough Bleve %s", q, g, w)
			}
			for _, h := range got.Hits {
				if removed[h.Passage.DocID] {
					t.Errorf("%+v: hit %s of a removed document", q, h.Passage.ID)
				}
			}
		}
	}
}

// TestTwoPassSearchesRunTogether checks that searches run at once in the
// two-pass way (the postings read straight, the cut, the library's own
// collector, and the dictionaries, postings buffers and match pools they
// share between searches) each answer as the same search run alone.
func TestTwoPassSearchesRunTogether(t *testing.T) {
	l := library(t)
	defer func(saved int) { searchPaths.twoPassAt = saved }(searchPaths.twoPassAt)
	searchPaths.twoPassAt = 0
	texts := []string{"cavi sottomarini", "digital", `"digital divide"`, "security lang:en", "digit*", "sicurezza digitale"}
	want := map[string]string{}
	for _, text := range texts {
		res, err := l.Search(context.Background(), Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res)
		want[text] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 48)
	for i := 0; i < 48; i++ {
		wg.Add(1)
		go func(text string) {
			defer wg.Done()
			res, err := l.Search(context.Background(), Query{Text: text})
			if err != nil {
				errs <- err.Error()
				return
			}
			if b, _ := json.Marshal(res); string(b) != want[text] {
				errs <- text + ": another answer than alone"
			}
		}(texts[i%len(texts)])
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
