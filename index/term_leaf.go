package index

import (
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// termLeaf is a term leaf of a flat searcher read straight from the
// snapshot's postings, segment by segment, scored as Bleve's term
// searcher scores it (tf-idf: the square root of the term's frequency,
// times the field's norm, the term's idf and the query weight, in that
// order) without a document match of its own for every posting: the
// flat searcher makes one for the passages it returns, and the matches
// a scoreCut passes over need none.
type termLeaf struct {
	field   string
	term    []byte
	snap    *scorch.IndexSnapshot      // the snapshot its postings are of
	its     []segment.PostingsIterator // per segment, nil where the term is not
	back    *leafBacking               // what its lists and iterators are read into
	offsets []uint64                   // each segment's first document number
	seg     int                        // the segment being read
	count   uint64                     // the postings, as Bleve's reader counts them
	boost   float64
	idf     float64
	weight  float64 // the query weight (boost × idf × the query's norm)
}

// termDicts are the term dictionaries of a snapshot's segments, by
// field, for the term leaves of one searcher at a time.
type termDicts struct {
	snap    *scorch.IndexSnapshot
	offsets []uint64
	byField map[string][]segment.TermDictionary
}

// freeDicts keeps the dictionaries of the latest snapshot searched
// between searches (a dictionary serves one search at a time: its
// reader keeps state): at 110k passages in 17 segments, a search's 6
// fields opened 102 of them.
var freeDicts struct {
	sync.Mutex
	snap *scorch.IndexSnapshot
	free []*termDicts
}

// takeTermDicts returns dictionaries of a snapshot for one searcher,
// kept ones when there are, to give back with release.
func takeTermDicts(snap *scorch.IndexSnapshot) *termDicts {
	freeDicts.Lock()
	if freeDicts.snap == snap {
		if n := len(freeDicts.free); n > 0 {
			d := freeDicts.free[n-1]
			freeDicts.free = freeDicts.free[:n-1]
			freeDicts.Unlock()
			return d
		}
	}
	freeDicts.Unlock()
	d := &termDicts{snap: snap, byField: map[string][]segment.TermDictionary{}}
	var running uint64
	for _, ss := range snap.Segments() {
		d.offsets = append(d.offsets, running)
		running += ss.Segment().Count()
	}
	return d
}

// release gives the dictionaries back, once their searcher is closed.
// Only the latest snapshot's are kept: the snapshot a search holds is
// the only one whose dictionaries it takes again, so an older one's are
// never read once its segments may be closed.
func (d *termDicts) release() {
	freeDicts.Lock()
	defer freeDicts.Unlock()
	if freeDicts.snap != d.snap {
		freeDicts.snap, freeDicts.free = d.snap, nil
	}
	if len(freeDicts.free) < 8 {
		freeDicts.free = append(freeDicts.free, d)
	}
}

// of returns a field's dictionaries, one per segment.
func (d *termDicts) of(field string) ([]segment.TermDictionary, error) {
	if ds, ok := d.byField[field]; ok {
		return ds, nil
	}
	segs := d.snap.Segments()
	ds := make([]segment.TermDictionary, len(segs))
	for i, ss := range segs {
		dict, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		ds[i] = dict
	}
	d.byField[field] = ds
	return ds, nil
}

// leafBacking is a term leaf's postings lists and iterators, one per
// segment, which zap reads the next search's into again (as Bleve's own
// term readers recycle theirs).
type leafBacking struct {
	pls []segment.PostingsList
	its []segment.PostingsIterator
}

// leafBackings keeps the backings of closed searchers.
var leafBackings = sync.Pool{New: func() any { return new(leafBacking) }}

// release gives the leaf's lists and iterators back, once its searcher
// is closed.
func (t *termLeaf) release() {
	if t.back != nil {
		leafBackings.Put(t.back)
		t.back, t.its = nil, nil
	}
}

// newTermLeaf opens a term query's postings in every segment, with the
// index's count of passages (Bleve's docTotal for the idf).
func newTermLeaf(d *termDicts, q *bq.TermQuery, field string, docTotal uint64) (*termLeaf, error) {
	t, err := openTerm(d, field, []byte(q.Term), false)
	if err != nil {
		return nil, err
	}
	if q.BoostVal != nil {
		t.boost = q.BoostVal.Value()
	}
	t.idf = termIDF(docTotal, t.count)
	t.weight = 1.0
	return t, nil
}

// termIDF is a term's idf in an index of docTotal passages, count of
// which hold it, as scorer.NewTermQueryScorer computes it.
func termIDF(docTotal, count uint64) float64 {
	return 1.0 + math.Log(float64(docTotal)/float64(count+1.0))
}

// openTerm opens a term's postings in every segment, with their
// frequencies and norms, and their locations when locs is set.
func openTerm(d *termDicts, field string, term []byte, locs bool) (*termLeaf, error) {
	dicts, err := d.of(field)
	if err != nil {
		return nil, err
	}
	segs := d.snap.Segments()
	back := leafBackings.Get().(*leafBacking)
	if len(back.pls) != len(segs) {
		back.pls, back.its = make([]segment.PostingsList, len(segs)), make([]segment.PostingsIterator, len(segs))
	}
	t := &termLeaf{field: field, term: term, snap: d.snap, its: make([]segment.PostingsIterator, len(segs)), back: back, offsets: d.offsets, boost: 1}
	for i, ss := range segs {
		pl, err := dicts[i].PostingsList(term, ss.Deleted(), back.pls[i])
		if err != nil {
			t.release()
			return nil, err
		}
		back.pls[i] = pl
		if n := pl.Count(); n > 0 {
			t.count += n
			back.its[i] = pl.Iterator(true, true, locs, back.its[i])
			t.its[i] = back.its[i]
		}
	}
	return t, nil
}

// reopen reads the leaf's postings again from the first, with their
// locations: the lists found once serve again.
func (t *termLeaf) reopen() {
	t.seg = 0
	for i, pl := range t.back.pls {
		t.its[i] = nil
		if pl != nil && pl.Count() > 0 {
			t.back.its[i] = pl.Iterator(true, true, true, t.back.its[i])
			t.its[i] = t.back.its[i]
		}
	}
}

// termNorms caches a field length's norm as zap computes it from the
// posting's norm bits, for the lengths passages have.
var termNorms = func() []float64 {
	n := make([]float64, 4096)
	for i := range n {
		n[i] = float64(float32(1.0 / math.Sqrt(float64(i))))
	}
	return n
}()

// score is the leaf's score for a posting, to the bit as
// scorer.TermQueryScorer computes it.
func (t *termLeaf) score(p segment.Posting) float64 {
	if zp, ok := p.(*zap.Posting); ok {
		// the current segment format's, its methods called directly
		return t.scoreOf(zp.Frequency(), zp.NormUint64(), zp)
	}
	var bits uint64 = math.MaxUint64
	if nb, ok := p.(interface{ NormUint64() uint64 }); ok {
		bits = nb.NormUint64()
	}
	return t.scoreOf(p.Frequency(), bits, p)
}

// scoreOf is the score of a posting of frequency freq and norm bits
// normBits (MaxUint64 when unknown: p's Norm is read).
func (t *termLeaf) scoreOf(freq, normBits uint64, p segment.Posting) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[int(freq)]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	var norm float64
	if normBits < uint64(len(termNorms)) {
		norm = termNorms[normBits]
	} else {
		norm = p.Norm()
	}
	score := tf * norm * t.idf
	if t.weight != 1.0 {
		score = score * t.weight
	}
	return score
}

// next returns the leaf's next passage and its score, or flatDone.
func (t *termLeaf) next() (uint64, float64, error) {
	n, p, err := t.nextPosting()
	if err != nil || p == nil {
		return flatDone, 0, err
	}
	return n, t.score(p), nil
}

// nextPosting returns the leaf's next passage and its posting there, or
// flatDone and a nil posting.
func (t *termLeaf) nextPosting() (uint64, segment.Posting, error) {
	for t.seg < len(t.its) {
		if it := t.its[t.seg]; it != nil {
			p, err := it.Next()
			if err != nil {
				return flatDone, nil, err
			}
			if p != nil {
				return p.Number() + t.offsets[t.seg], p, nil
			}
		}
		t.seg++
	}
	return flatDone, nil, nil
}

// advance returns the leaf's first passage from num on, and its score,
// or flatDone; num is past the leaf's current passage.
func (t *termLeaf) advance(num uint64) (uint64, float64, error) {
	n, p, err := t.advancePosting(num)
	if err != nil || p == nil {
		return flatDone, 0, err
	}
	return n, t.score(p), nil
}

// advancePosting returns the leaf's first passage from num on and its
// posting there, or a nil posting; num is past the leaf's current passage.
func (t *termLeaf) advancePosting(num uint64) (uint64, segment.Posting, error) {
	for t.seg < len(t.its) {
		if t.seg+1 < len(t.its) && num >= t.offsets[t.seg+1] {
			t.seg++ // num is in a later segment
			continue
		}
		if it := t.its[t.seg]; it != nil {
			var local uint64
			if num > t.offsets[t.seg] {
				local = num - t.offsets[t.seg]
			}
			p, err := it.Advance(local)
			if err != nil {
				return flatDone, nil, err
			}
			if p != nil {
				return p.Number() + t.offsets[t.seg], p, nil
			}
		}
		t.seg++
	}
	return flatDone, nil, nil
}

// termWeight is the leaf's weight, as scorer.TermQueryScorer's.
func (t *termLeaf) termWeight() float64 {
	sum := t.boost * t.idf
	return sum * sum
}

// setQueryNorm sets the query weight, as scorer.TermQueryScorer does.
func (t *termLeaf) setQueryNorm(qnorm float64) {
	t.weight = t.boost * t.idf * qnorm
}
