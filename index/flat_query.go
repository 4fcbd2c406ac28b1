package index

import (
	"context"
	"encoding/binary"
	"math"
	"math/bits"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// flatQuery runs a tree of disjunctions (a ranked search's language
// branches, their clauses, each clause's wordings) over its leaves (term,
// phrase and prefix queries) in one searcher: Bleve's runs one
// disjunction searcher per node, and each merges, scores and hands on a
// match of its own for every passage any leaf under it matches, three or
// four levels deep. The flat searcher steps the leaves alone and scores
// each passage through the tree in one go, as Bleve would: every node
// sums its matching children's scores, in Bleve's order (fewest matches
// first), times the share that match, and the leaves share the whole
// query's norm.
//
// Searches that count only, or ask for term locations or explanations,
// run the tree as Bleve builds it.
type flatQuery struct {
	tree   bq.Query   // the same query as Bleve runs it
	leaves []bq.Query // in the order the tree lists them
	nodes  []flatNode // nodes[0] is the root
	// marks, when set, is the tracker of the leaves (all of them
	// trackedLeaf): the searcher runs their inner queries and marks
	// each passage it returns once, with the bits of its leaves there,
	// instead of each leaf marking what it returns.
	marks *matchTracker
}

// flatNode is a disjunction (kids) or a leaf (leaf ≥ 0).
type flatNode struct {
	leaf int
	kids []int
	mask uint64 // the leaves under it, a bit each
}

// flatten returns q as a flatQuery, or q itself when it is not a tree of
// plain disjunctions over leaves.
func flatten(q bq.Query) bq.Query {
	if searchPaths.noFlat {
		return q
	}
	f := &flatQuery{tree: q}
	if _, ok := f.add(q); !ok || len(f.leaves) < 2 || len(f.leaves) > 64 {
		return q
	}
	for i, l := range f.leaves {
		tl, ok := l.(*trackedLeaf)
		if !ok || (i > 0 && tl.t != f.marks) {
			f.marks = nil
			break
		}
		f.marks = tl.t
	}
	for i := len(f.nodes) - 1; i >= 0; i-- { // children come after parents
		nd := &f.nodes[i]
		if nd.leaf >= 0 {
			nd.mask = 1 << nd.leaf
		}
		for _, k := range nd.kids {
			nd.mask |= f.nodes[k].mask
		}
	}
	return f
}

// add appends q's node (and those under it) and returns its index.
func (f *flatQuery) add(q bq.Query) (int, bool) {
	switch t := q.(type) {
	case *bq.DisjunctionQuery:
		if t.Min > 0 || len(t.Disjuncts) == 0 {
			return 0, false
		}
		n := len(f.nodes)
		f.nodes = append(f.nodes, flatNode{leaf: -1})
		kids := make([]int, 0, len(t.Disjuncts))
		for _, d := range t.Disjuncts {
			k, ok := f.add(d)
			if !ok {
				return 0, false
			}
			kids = append(kids, k)
		}
		f.nodes[n].kids = kids
		return n, true
	case *bq.BooleanQuery:
		if t.MustNot != nil || t.Filter != nil {
			return 0, false
		}
		if t.Must != nil {
			// one must clause alone (a quoted phrase, a +word): Bleve
			// runs its searcher under a conjunction of one, which
			// returns its matches with their scores (a sum of one) and
			// weighs as it does
			c, ok := t.Must.(*bq.ConjunctionQuery)
			if !ok || t.Should != nil || len(c.Conjuncts) != 1 {
				return 0, false
			}
			return f.add(c.Conjuncts[0])
		}
		// should clauses alone: Bleve runs the should disjunction
		if t.Should == nil {
			return 0, false
		}
		return f.add(t.Should)
	case *bq.TermQuery, *bq.MatchPhraseQuery, *bq.PrefixQuery, *trackedLeaf:
		n := len(f.nodes)
		f.nodes = append(f.nodes, flatNode{leaf: len(f.leaves)})
		f.leaves = append(f.leaves, q)
		return n, true
	}
	return 0, false
}

// Searcher implements bq.Query.
func (f *flatQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opt search.SearcherOptions) (search.Searcher, error) {
	return f.searcher(ctx, r, m, opt, nil)
}

// searcher is Searcher with, when cut is set, the matches that cannot
// be among the hits collected counted and passed over (see scoreCut):
// only for the whole query of a search, and only when the leaves are
// all tracked (the strong matches are counted from their marks).
func (f *flatQuery) searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opt search.SearcherOptions, cut *scoreCut) (search.Searcher, error) {
	if _, scorch := r.(*scorch.IndexSnapshot); !scorch || opt.Score == "none" || opt.IncludeTermVectors || opt.Explain {
		// (a scorch snapshot's IDs are document numbers, 8 bytes)
		return f.tree.Searcher(ctx, r, m, opt)
	}
	if f.marks == nil || (cut != nil && cut.t != f.marks) {
		cut = nil
	}
	s := &flatSearcher{
		cut:    cut,
		leaves: make([]search.Searcher, len(f.leaves)),
		terms:  make([]*termLeaf, len(f.leaves)),
		phrase: make([]*phraseLeaf, len(f.leaves)),
		currs:  make([]*search.DocumentMatch, len(f.leaves)),
		nums:   make([]uint64, len(f.leaves)),
		scores: make([]float64, len(f.leaves)),
	}
	if f.marks != nil {
		s.marks, s.bits = f.marks, make([]uint64, len(f.leaves))
	}
	var docTotal uint64
	// takeDicts takes the term leaves' dictionaries, once, when the
	// first leaf read from the postings needs them
	takeDicts := func() error {
		if s.dicts != nil {
			return nil
		}
		n, err := r.DocCount()
		if err != nil {
			return err
		}
		s.dicts, docTotal = takeTermDicts(r.(*scorch.IndexSnapshot)), n
		return nil
	}
	for i, q := range f.leaves {
		if s.marks != nil {
			tl := q.(*trackedLeaf)
			q, s.bits[i] = tl.inner, tl.bit
		}
		if tq, ok := q.(*bq.TermQuery); ok && !searchPaths.noTermLeaves {
			if err := takeDicts(); err != nil {
				s.Close()
				return nil, err
			}
			field := tq.FieldVal
			if field == "" {
				field = m.DefaultSearchField()
			}
			t, err := newTermLeaf(s.dicts, tq, field, docTotal)
			if err != nil {
				s.Close()
				return nil, err
			}
			s.terms[i] = t
			if s.marks != nil {
				s.marks.see(r) // as trackedLeaf does
			}
			continue
		}
		if pq, ok := q.(*bq.MatchPhraseQuery); ok && !searchPaths.noTermLeaves {
			if err := takeDicts(); err != nil {
				s.Close()
				return nil, err
			}
			p, err := newPhraseLeaf(s.dicts, pq, m, docTotal)
			if err != nil {
				s.Close()
				return nil, err
			}
			if p != nil {
				s.phrase[i] = p
				if s.marks != nil {
					s.marks.see(r) // as trackedLeaf does
				}
				continue
			}
		}
		ls, err := q.Searcher(ctx, r, m, opt)
		if err != nil {
			s.Close()
			return nil, err
		}
		if _, none := ls.(*searcher.MatchNoneSearcher); !none && s.marks != nil {
			s.marks.see(r) // as trackedLeaf does
		}
		s.leaves[i] = ls
	}
	// each node's children in the order Bleve's disjunction searcher
	// sorts them: by their count of matches
	counts := make([]uint64, len(f.nodes))
	var count func(n int) uint64
	count = func(n int) uint64 {
		nd := f.nodes[n]
		if nd.leaf >= 0 {
			counts[n] = s.leafCount(nd.leaf)
			return counts[n]
		}
		var sum uint64
		for _, k := range nd.kids {
			sum += count(k)
		}
		counts[n] = sum
		return sum
	}
	count(0)
	s.nodes = make([]flatNode, len(f.nodes))
	for i, nd := range f.nodes {
		s.nodes[i] = flatNode{leaf: nd.leaf, mask: nd.mask}
		if nd.leaf < 0 {
			kids := append([]int(nil), nd.kids...)
			sort.Sort(byCount{kids, counts})
			s.nodes[i].kids = kids
		}
	}
	// each leaf's coordination factors up the tree, for a passage that
	// leaf alone matches
	s.chains = make([][]float64, len(f.leaves))
	parent := make([]int, len(s.nodes))
	parent[0] = -1
	for i, nd := range s.nodes {
		for _, k := range nd.kids {
			parent[k] = i
		}
	}
	for i, nd := range s.nodes {
		if nd.leaf < 0 {
			continue
		}
		var chain []float64
		for p := parent[i]; p >= 0; p = parent[p] {
			chain = append(chain, float64(1)/float64(len(s.nodes[p].kids)))
		}
		s.chains[nd.leaf] = chain
	}
	// the whole query's norm, which Bleve's root sets on every leaf
	s.SetQueryNorm(1.0 / math.Sqrt(s.Weight()))
	return s, nil
}

// weight is node n's weight, summed as Bleve's searchers sum it: each
// node over its children in their order.
func (s *flatSearcher) weight(n int) float64 {
	nd := &s.nodes[n]
	if nd.leaf >= 0 {
		if t := s.terms[nd.leaf]; t != nil {
			return t.termWeight()
		}
		if p := s.phrase[nd.leaf]; p != nil {
			return p.weight()
		}
		return s.leaves[nd.leaf].Weight()
	}
	var sum float64
	for _, k := range nd.kids {
		sum += s.weight(k)
	}
	return sum
}

// byCount sorts node indexes by their count, as searcher.OrderedSearcherList
// sorts searchers (the same comparisons give the same order).
type byCount struct {
	kids   []int
	counts []uint64
}

func (b byCount) Len() int           { return len(b.kids) }
func (b byCount) Less(i, j int) bool { return b.counts[b.kids[i]] < b.counts[b.kids[j]] }
func (b byCount) Swap(i, j int)      { b.kids[i], b.kids[j] = b.kids[j], b.kids[i] }

// flatSearcher is a flatQuery's searcher. Its term leaves are read from
// the postings (termLeaf), the others through Bleve's searchers.
type flatSearcher struct {
	leaves []search.Searcher // Bleve's searcher of each leaf, nil for a term or phrase leaf
	terms  []*termLeaf       // each term leaf, nil for the others
	phrase []*phraseLeaf     // each phrase leaf read straight, nil for the others
	nodes  []flatNode
	currs  []*search.DocumentMatch // each Bleve leaf's current match
	nums   []uint64                // each leaf's current document number, flatDone when done
	scores []float64               // and its score there
	hit    uint64                  // the leaves at the passage being scored
	init   bool
	active []int         // the leaves that may have matches left
	marks  *matchTracker // see flatQuery.marks
	bits   []uint64      // each leaf's bit in marks
	cut    *scoreCut     // see flatQuery.searcher
	dicts  *termDicts    // the term leaves' dictionaries
	// chains holds each leaf's nodes' coordination factors, from its
	// parent up: a passage one leaf alone matches scores its score times
	// each in turn, as score computes it
	chains [][]float64
}

// flatDone is the number of a leaf that has no more matches.
const flatDone = math.MaxUint64

// set makes dm Bleve leaf i's current match.
func (s *flatSearcher) set(i int, dm *search.DocumentMatch) {
	s.currs[i] = dm
	s.nums[i] = flatDone
	if dm != nil {
		s.nums[i] = binary.BigEndian.Uint64(dm.IndexInternalID)
		s.scores[i] = dm.Score
	}
}

// step moves leaf i to its next match.
func (s *flatSearcher) step(ctx *search.SearchContext, i int) error {
	if t := s.terms[i]; t != nil {
		n, score, err := t.next()
		s.nums[i], s.scores[i] = n, score
		return err
	}
	if p := s.phrase[i]; p != nil {
		n, score, err := p.next()
		s.nums[i], s.scores[i] = n, score
		return err
	}
	dm, err := s.leaves[i].Next(ctx)
	if err != nil {
		return err
	}
	s.set(i, dm)
	return nil
}

// leafCount is leaf i's count of matches, as Bleve's searcher counts.
func (s *flatSearcher) leafCount(i int) uint64 {
	if t := s.terms[i]; t != nil {
		return t.count
	}
	if p := s.phrase[i]; p != nil {
		return p.count
	}
	return s.leaves[i].Count()
}

// start steps every leaf to its first match.
func (s *flatSearcher) start(ctx *search.SearchContext) error {
	s.init = true
	s.active = make([]int, len(s.nums))
	for i := range s.nums {
		s.active[i] = i
		if err := s.step(ctx, i); err != nil {
			return err
		}
	}
	return nil
}

// Next implements search.Searcher.
func (s *flatSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.init {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for {
		// the least current passage, and the leaves there
		// (the leaves that have no more matches leave the active list)
		least, hit, first := uint64(flatDone), uint64(0), -1
		kept := 0
		for _, i := range s.active {
			n := s.nums[i]
			if n == flatDone {
				continue
			}
			s.active[kept] = i
			kept++
			if n < least {
				least, hit, first = n, 1<<i, i
			} else if n == least {
				hit |= 1 << i
			}
		}
		s.active = s.active[:kept]
		if first < 0 {
			return nil, nil
		}
		s.hit = hit
		var score float64
		if hit&(hit-1) == 0 {
			// one leaf: its score through each coordination factor,
			// the products score(0) makes
			score = s.scores[first]
			for _, c := range s.chains[first] {
				score = score * c
			}
		} else {
			score = s.score(0)
		}
		var marked uint64
		if s.marks != nil {
			for h := hit; h != 0; h &= h - 1 {
				marked |= s.bits[bits.TrailingZeros64(h)]
			}
		}
		if c := s.cut; c != nil && !c.keep(score) {
			// counted, not collected
			c.skip(ctx.IndexReader, least, marked)
			for h := hit; h != 0; h &= h - 1 {
				i := bits.TrailingZeros64(h)
				if s.leaves[i] != nil {
					ctx.DocumentMatchPool.Put(s.currs[i])
				}
				if err := s.step(ctx, i); err != nil {
					return nil, err
				}
			}
			if c.skipped%cutCheckEvery == 0 {
				if err := c.ctx.Err(); err != nil {
					return nil, err
				}
			}
			continue
		}
		// the first leaf's match is the one returned (a new one for a
		// term leaf); the others' go back to the pool
		var rv *search.DocumentMatch
		if s.leaves[first] != nil {
			rv = s.currs[first]
		} else {
			rv = ctx.DocumentMatchPool.Get()
			rv.IndexInternalID = binary.BigEndian.AppendUint64(rv.IndexInternalID[:0], least)
		}
		for h := hit; h != 0; h &= h - 1 {
			i := bits.TrailingZeros64(h)
			if s.leaves[i] != nil && s.currs[i] != rv {
				ctx.DocumentMatchPool.Put(s.currs[i])
			}
			if err := s.step(ctx, i); err != nil {
				return nil, err
			}
		}
		rv.Score = score
		if s.marks != nil {
			s.marks.mark(rv, marked)
		}
		return rv, nil
	}
}

// score is node n's score at the passage the hit leaves stand at (n has
// one of them under it): Bleve's disjunction scorer's sum of the
// matching children, in their order, times the share that match. The
// children without a hit leaf under them are passed over without a call.
func (s *flatSearcher) score(n int) float64 {
	nd := &s.nodes[n]
	var sum float64
	m := 0
	for _, k := range nd.kids {
		kd := &s.nodes[k]
		if kd.mask&s.hit == 0 {
			continue
		}
		if kd.leaf >= 0 {
			sum += s.scores[kd.leaf]
		} else {
			sum += s.score(k)
		}
		m++
	}
	coord := float64(m) / float64(len(nd.kids))
	return sum * coord
}

// Advance implements search.Searcher.
func (s *flatSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.init {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	num := binary.BigEndian.Uint64(id)
	for _, i := range s.active {
		if s.nums[i] == flatDone || s.nums[i] >= num {
			continue
		}
		if t := s.terms[i]; t != nil {
			n, score, err := t.advance(num)
			if err != nil {
				return nil, err
			}
			s.nums[i], s.scores[i] = n, score
			continue
		}
		if p := s.phrase[i]; p != nil {
			n, score, err := p.advance(num)
			if err != nil {
				return nil, err
			}
			s.nums[i], s.scores[i] = n, score
			continue
		}
		ctx.DocumentMatchPool.Put(s.currs[i])
		dm, err := s.leaves[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.set(i, dm)
	}
	return s.Next(ctx)
}

// Close implements search.Searcher.
func (s *flatSearcher) Close() error {
	for _, t := range s.terms {
		if t != nil {
			// the tracker keeps the postings found for the vector reader
			if s.marks == nil || !s.marks.keepPostings(t) {
				t.release()
			}
		}
	}
	for _, p := range s.phrase {
		if p != nil {
			p.close()
		}
	}
	if s.dicts != nil {
		s.dicts.release()
		s.dicts = nil
	}
	var first error
	for _, ls := range s.leaves {
		if ls != nil {
			if err := ls.Close(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// Weight implements search.Searcher.
func (s *flatSearcher) Weight() float64 { return s.weight(0) }

// SetQueryNorm implements search.Searcher.
func (s *flatSearcher) SetQueryNorm(qnorm float64) {
	for i, ls := range s.leaves {
		if t := s.terms[i]; t != nil {
			t.setQueryNorm(qnorm)
			continue
		}
		if p := s.phrase[i]; p != nil {
			p.setQueryNorm(qnorm)
			continue
		}
		ls.SetQueryNorm(qnorm)
	}
}

// Count implements search.Searcher.
func (s *flatSearcher) Count() uint64 {
	var sum uint64
	for i := range s.nums {
		sum += s.leafCount(i)
	}
	return sum
}

// Min implements search.Searcher.
func (s *flatSearcher) Min() int { return 0 }

// Size implements search.Searcher.
func (s *flatSearcher) Size() int {
	n := 64 + len(s.leaves)*48
	for _, ls := range s.leaves {
		if ls != nil {
			n += ls.Size()
		}
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher.
func (s *flatSearcher) DocumentMatchPoolSize() int {
	n := 1 // the match made for a term or phrase leaf's passage
	for _, ls := range s.leaves {
		if ls != nil {
			n += 1 + ls.DocumentMatchPoolSize()
		}
	}
	return n
}

var _ search.Searcher = (*flatSearcher)(nil)
var _ = searcher.OrderedSearcherList(nil) // the order byCount follows
