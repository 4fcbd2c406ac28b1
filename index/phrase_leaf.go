package index

import (
	"github.com/blevesearch/bleve/v2/mapping"
	bq "github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// phraseLeaf is a phrase leaf of a flat searcher (a MatchPhraseQuery of
// one word per position, without fuzziness) read straight from its words'
// postings and their locations, as Bleve's phrase searcher reads them:
// the passages holding every word (its conjunction of term searchers),
// those where the words stand at the phrase's positions one after the
// other (stop words leaving their gaps), scored as the sum of the words'
// tf-idf scores in the order of their counts (the conjunction's), without
// a document match or a location map for every candidate.
type phraseLeaf struct {
	words []*termLeaf // by phrase position, the gaps left out
	at    []int       // each word's position in the phrase
	order []int       // the words by their count, the order Bleve sums in
	count uint64      // the sum of the words' counts (the conjunction's)
	nums  []uint64    // each word's current passage, flatDone at the end
	posts []segment.Posting
	init  bool
	done  bool
}

// newPhraseLeaf opens a phrase query's words, or returns nil when the
// query is not one it reads as Bleve would (fuzziness, several words at
// one position, no words).
func newPhraseLeaf(d *termDicts, q *bq.MatchPhraseQuery, m mapping.IndexMapping, docTotal uint64) (*phraseLeaf, error) {
	if q.Fuzziness != 0 {
		return nil, nil
	}
	field := q.FieldVal
	if field == "" {
		field = m.DefaultSearchField()
	}
	name := q.Analyzer
	if name == "" {
		name = m.AnalyzerNameForPath(field)
	}
	an := m.AnalyzerNamed(name)
	if an == nil {
		return nil, nil
	}
	toks := an.Analyze([]byte(q.MatchPhrase))
	if len(toks) < 2 {
		return nil, nil
	}
	first := toks[0].Position
	for _, t := range toks {
		first = min(first, t.Position)
	}
	seen := map[int]bool{}
	p := &phraseLeaf{}
	for _, t := range toks {
		at := t.Position - first
		if seen[at] || len(t.Term) == 0 {
			p.close()
			return nil, nil // several words at one position: Bleve's disjunction
		}
		seen[at] = true
		w, err := openTerm(d, field, t.Term, true)
		if err != nil {
			p.close()
			return nil, err
		}
		p.words = append(p.words, w)
		p.at = append(p.at, at)
	}
	boost := q.BoostVal.Value() // the multi-phrase query's, each word's
	// the words in position order, as tokenStreamToPhrase lays them out
	for i := 1; i < len(p.words); i++ {
		for j := i; j > 0 && p.at[j] < p.at[j-1]; j-- {
			p.at[j], p.at[j-1] = p.at[j-1], p.at[j]
			p.words[j], p.words[j-1] = p.words[j-1], p.words[j]
		}
	}
	for i, w := range p.words {
		w.boost = boost
		w.idf = termIDF(docTotal, w.count)
		w.weight = 1.0
		p.count += w.count
		p.order = append(p.order, i)
	}
	// by count, stably: sort.Sort's insertion sort for so few searchers
	for i := 1; i < len(p.order); i++ {
		for j := i; j > 0 && p.words[p.order[j]].count < p.words[p.order[j-1]].count; j-- {
			p.order[j], p.order[j-1] = p.order[j-1], p.order[j]
		}
	}
	p.nums = make([]uint64, len(p.words))
	p.posts = make([]segment.Posting, len(p.words))
	return p, nil
}

// weight is the phrase's weight: its conjunction's, the sum of its
// words' in their order.
func (p *phraseLeaf) weight() float64 {
	var sum float64
	for _, i := range p.order {
		sum += p.words[i].termWeight()
	}
	return sum
}

// setQueryNorm sets every word's query norm, as the conjunction does.
func (p *phraseLeaf) setQueryNorm(qnorm float64) {
	for _, i := range p.order {
		p.words[i].setQueryNorm(qnorm)
	}
}

// close gives the words' postings back.
func (p *phraseLeaf) close() {
	for _, w := range p.words {
		w.release()
	}
	p.words = nil
}

// next returns the next passage holding the phrase and its score, or
// flatDone.
func (p *phraseLeaf) next() (uint64, float64, error) {
	if !p.init {
		p.init = true
		for i, w := range p.words {
			n, post, err := w.nextPosting()
			if err != nil {
				return flatDone, 0, err
			}
			p.nums[i], p.posts[i] = n, post
		}
	} else if err := p.stepAll(); err != nil {
		return flatDone, 0, err
	}
	return p.find()
}

// advance returns the first passage from num on holding the phrase, and
// its score, or flatDone; num is past the current one.
func (p *phraseLeaf) advance(num uint64) (uint64, float64, error) {
	if !p.init {
		p.init = true
		for i, w := range p.words {
			n, post, err := w.advancePosting(num)
			if err != nil {
				return flatDone, 0, err
			}
			p.nums[i], p.posts[i] = n, post
		}
		return p.find()
	}
	for i, w := range p.words {
		if p.nums[i] != flatDone && p.nums[i] < num {
			n, post, err := w.advancePosting(num)
			if err != nil {
				return flatDone, 0, err
			}
			p.nums[i], p.posts[i] = n, post
		}
	}
	return p.find()
}

// stepAll moves every word past the current passage.
func (p *phraseLeaf) stepAll() error {
	for i, w := range p.words {
		if p.nums[i] == flatDone {
			p.done = true
			continue
		}
		n, post, err := w.nextPosting()
		if err != nil {
			return err
		}
		p.nums[i], p.posts[i] = n, post
	}
	return nil
}

// find moves the words to the first passage from where they stand that
// holds them all at the phrase's positions.
func (p *phraseLeaf) find() (uint64, float64, error) {
	for !p.done {
		var high uint64
		for _, n := range p.nums {
			if n == flatDone {
				p.done = true
				return flatDone, 0, nil
			}
			high = max(high, n)
		}
		all := true
		for i, w := range p.words {
			if p.nums[i] < high {
				n, post, err := w.advancePosting(high)
				if err != nil {
					return flatDone, 0, err
				}
				p.nums[i], p.posts[i] = n, post
				all = false
			}
		}
		if !all {
			continue // they moved: look again
		}
		if p.holds() {
			var sum float64
			for _, i := range p.order {
				sum += p.words[i].score(p.posts[i])
			}
			return high, sum, nil
		}
		if err := p.stepAll(); err != nil {
			return flatDone, 0, err
		}
	}
	return flatDone, 0, nil
}

// holds reports whether the words stand one after the other at the
// phrase's positions somewhere in the current passage (slop 0).
func (p *phraseLeaf) holds() bool {
	for _, l := range p.posts[0].Locations() {
		start := l.Pos()
		all := true
		for i := 1; i < len(p.words) && all; i++ {
			want := start + uint64(p.at[i])
			found := false
			for _, m := range p.posts[i].Locations() {
				if m.Pos() == want {
					found = true
					break
				}
			}
			all = found
		}
		if all {
			return true
		}
	}
	return false
}
