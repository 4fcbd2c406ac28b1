package index

import (
	"context"
	"sync"

	index "github.com/blevesearch/bleve_index_api"
)

// scoreCut lets a ranked search's flat searcher keep from Bleve's
// collector the matches that cannot be among the hits it collects: a
// match scoring below the k best seen so far is below every hit the
// collector will keep (its k best are at least as good), whatever comes
// after. The searcher counts such a match where the collector would have
// (the facets, the strong matches, the total) and passes it over, which
// spares the collector's work for most matches of a large library (most
// of them weak, one common word of several). A match scoring as the k-th
// best goes on: ties are the collector's to settle.
type scoreCut struct {
	k       int           // the hits the collector keeps (size plus from)
	tally   *facetTally   // the search's facets
	t       *matchTracker // the search's tracker, counting the strong matches
	best    []float64     // the k best scores so far, a min-heap
	skipped int           // the matches passed over
	// nums are the document numbers of the matches passed over whose
	// facets are still to count from the tally's facet file: counted in
	// one tight loop after the search (count), their rows are read ahead
	// by the processor instead of one by one between postings
	nums *[]uint32
	used bool // a searcher took it (one search only)
	ctx  context.Context
}

// scoreCutKey is the context key of a search's scoreCut.
type scoreCutKey struct{}

// withScoreCut returns ctx carrying cut, for the tracked root's searcher.
func withScoreCut(ctx context.Context, cut *scoreCut) context.Context {
	return context.WithValue(ctx, scoreCutKey{}, cut)
}

// scoreCutFor returns the cut a search's context carries for tracker t,
// once: nil when there is none, or it was taken.
func scoreCutFor(ctx context.Context, t *matchTracker) *scoreCut {
	c, _ := ctx.Value(scoreCutKey{}).(*scoreCut)
	if c == nil || c.used || c.t != t || c.k <= 0 || !t.counting {
		return nil
	}
	c.used, c.ctx = true, ctx
	return c
}

// keep reports whether a match scoring score may be among the k best,
// and counts it among those seen.
func (c *scoreCut) keep(score float64) bool {
	h := c.best
	if len(h) == c.k && score < h[0] {
		return false // most matches: below the k best
	}
	if len(h) < c.k {
		// grow the heap: sift the new score up
		h = append(h, score)
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if h[p] <= h[i] {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		c.best = h
		return true
	}
	// replace the least and sift it down
	h[0] = score
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(h) {
			break
		}
		m := l
		if r := l + 1; r < len(h) && h[r] < h[l] {
			m = r
		}
		if h[i] <= h[m] {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return true
}

// skip counts a match passed over as the collector and the tracked root
// would have: its facets and, from the leaves that matched it (bits),
// whether it is strong.
func (c *scoreCut) skip(r index.IndexReader, num uint64, bits uint64) {
	c.skipped++
	if t := c.tally; !t.failed {
		if t.file != nil && r == t.reader && num < 1<<32 {
			if c.nums == nil {
				c.nums = cutNums.Get().(*[]uint32)
			}
			*c.nums = append(*c.nums, uint32(num))
		} else {
			t.addNum(r, num)
		}
	}
	if c.t.isStrong(bits) {
		c.t.strong++
	}
}

// count counts the facets of the matches passed over and not counted
// yet; the search calls it once its collector is done, before it reads
// the facets.
func (c *scoreCut) count() {
	if c.nums == nil {
		return
	}
	t := c.tally
	for _, n := range *c.nums {
		if t.failed {
			break
		}
		if !t.countFileRow(uint64(n)) {
			t.failed = true
		}
	}
	*c.nums = (*c.nums)[:0]
	cutNums.Put(c.nums)
	c.nums = nil
}

// cutNums keeps the cuts' number buffers between searches.
var cutNums = sync.Pool{New: func() any { return new([]uint32) }}

// cutCheckEvery is how many matches passed over between two looks at
// the search's context (Bleve's collector looks every 1,024 it gets).
const cutCheckEvery = 1024
