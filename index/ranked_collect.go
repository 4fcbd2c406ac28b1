package index

import (
	"context"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// collectRanked runs a ranked search's whole query, sorted by score
// alone, and keeps its k best matches as Bleve's top-N collector keeps
// them (by score, ties by the order they came in), without the rest of
// Bleve's search: its pool of k document matches allocated anew, the
// loading of stored fields nothing asks for, its document match handler
// per match. The facets of the matches come to the tally as the
// collector's handler gives them; the result holds the hits (with their
// IDs, best first), the total and the best score, as a
// bleve.SearchResult. ok is false when the library cannot run it so (not
// a scorch index): the caller searches through Bleve.
//
// The matches' buffers come from a pool kept between searches: release
// gives them back once the search is done with its hits.
func (l *Local) collectRanked(ctx context.Context, q bq.Query, k int, tally *facetTally) (sr *bleve.SearchResult, release func(), ok bool, err error) {
	adv, err := l.idx.Advanced()
	if err != nil {
		return nil, nil, false, nil
	}
	reader, err := adv.Reader()
	if err != nil {
		return nil, nil, false, nil
	}
	defer reader.Close()
	s, err := q.Searcher(ctx, reader, l.idx.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, nil, true, err
	}
	defer s.Close()
	pool := rankedPools.Get().(*search.DocumentMatchPool)
	var best []*search.DocumentMatch
	release = func() {
		// the hits go back too: nothing holds them once the search is done
		for _, dm := range best {
			pool.Put(dm)
		}
		best = nil
		rankedPools.Put(pool)
	}
	sctx := &search.SearchContext{DocumentMatchPool: pool, IndexReader: reader}
	// the k best so far, the least first (a heap), as Bleve compares
	// them: by score, then the earlier
	worse := func(a, b *search.DocumentMatch) bool { return search.CompareScoreDescending(a, b) > 0 }
	best = make([]*search.DocumentMatch, 0, k)
	var total uint64
	var maxScore float64
	for {
		if total%1024 == 0 {
			if err := ctx.Err(); err != nil {
				release()
				return nil, nil, true, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			release()
			return nil, nil, true, err
		}
		if dm == nil {
			break
		}
		total++
		dm.HitNumber = total
		maxScore = max(maxScore, dm.Score)
		if !tally.failed {
			tally.add(reader, dm.IndexInternalID)
		}
		switch {
		case len(best) < k:
			best = append(best, dm)
			for i := len(best) - 1; i > 0; { // sift up: the root is the worst
				p := (i - 1) / 2
				if !worse(best[i], best[p]) {
					break
				}
				best[i], best[p] = best[p], best[i]
				i = p
			}
		case k > 0 && worse(best[0], dm):
			pool.Put(best[0])
			best[0] = dm
			for i := 0; ; { // sift down
				w, l := i, 2*i+1
				if l < len(best) && worse(best[l], best[w]) {
					w = l
				}
				if r := l + 1; r < len(best) && worse(best[r], best[w]) {
					w = r
				}
				if w == i {
					break
				}
				best[i], best[w] = best[w], best[i]
				i = w
			}
		default:
			pool.Put(dm)
		}
	}
	slices.SortFunc(best, search.CompareScoreDescending)
	for _, dm := range best {
		if dm.ID == "" {
			if dm.ID, err = reader.ExternalID(dm.IndexInternalID); err != nil {
				release()
				return nil, nil, true, err
			}
		}
		dm.Complete(nil)
	}
	return &bleve.SearchResult{Hits: best, Total: total, MaxScore: maxScore}, release, true, nil
}

// rankedPools keeps the match pools of ranked searches between searches.
var rankedPools = sync.Pool{New: func() any { return search.NewDocumentMatchPool(0, 0) }}
