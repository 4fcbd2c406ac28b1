package index

import (
	"context"
	"encoding/json"
	"errors"
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
			searchPaths.noOwnCollector = true
			want, err := l.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			searchPaths.noOwnCollector = false
			got, err := l.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			w, _ := json.Marshal(want)
			g, _ := json.Marshal(got)
			if string(w) != string(g) {
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
