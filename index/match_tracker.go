package index

import (
	"context"
	"encoding/binary"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"attache/index/query"
)

// matchTracker follows, during a ranked search, which leaves of the main
// query (one wording of one clause in one language's text or context
// field, or one run) match each passage, as Bleve finds them: every leaf
// marks the passages it returns (in a small window ahead of the whole
// query's position, see pending), and as the whole query returns a
// passage, its marks are kept, by document number. From the marks the
// search counts the strong matches in the same pass (what strongQuery
// counts in a second one) and the ranker reads how each clause matched a
// candidate without asking Bleve for term locations.
type matchTracker struct {
	leaves []leafQuery
	// set by the query builder for the leaves it wraps
	clause, run int

	gen   uint32 // this search's mark, see leafMark
	buf   *markBuffer
	marks *[]leafMark // the returned passages', by document number (in buf)
	// pending holds the marks of passages the leaves returned and the
	// whole query has not reached yet, at their number modulo its size
	// (Bleve's searchers stand at most a few passages ahead of the whole
	// query, but a rare word's may be far ahead: those wait in ahead).
	pending  []pendingMark
	ahead    map[uint64]uint64
	aheadMin uint64 // the least passage in ahead
	pos      uint64 // the whole query's last passage, plus one
	reader   index.IndexReader
	// stale is set when a search with the tracked query ran on another
	// snapshot than the first, or a document number was not one: the
	// marks cannot be trusted.
	stale    bool
	counting bool // the root counts strong matches (the first search only)
	strong   int
	// inexact is set when the marks could not tell what a hit's term
	// locations would (see markSource).
	inexact bool
	idx     *leafIndex
	rules   map[ruleKey]hasRule // see markSource.has
	// prefixes holds the dictionary words of the prefixes the page's
	// hits matched, by field and prefix (nil: too many).
	prefixes map[string][]string

	// postings holds the term leaves' postings lists of the search's
	// flat searcher once it is closed, by field and term, for the vector
	// reader to read the same terms' locations from without finding
	// them again
	postings map[[2]string]*termLeaf

	// the strong rule as leaf bits (see strongQuery)
	anyMask []uint64 // per positive clause, all its leaves
	oneMask uint64   // the text leaves that make a match strong alone
}

// leafQuery describes one tracked leaf.
type leafQuery struct {
	clause  int    // the plan clause, or -1 for a run
	run     int    // the plan run, or -1
	lang    string // the plan language code
	context bool   // the context field, not the text
	prefix  string // a prefix alternative's prefix
	key     string // the analysed terms, space separated
	terms   []token
}

// maxLeaves is the most leaves a tracker follows (a bit each).
const maxLeaves = 64

// leafMark is one passage's marks in one search: the bits of the leaves
// that returned it, valid when gen is the search's.
type leafMark struct {
	gen  uint32
	bits uint64
}

// pendingMark is a passage's marks while the whole query has not reached
// it: num is its number plus one.
type pendingMark struct {
	num, bits uint64
}

// pendingSize is the size of the pending window (a power of two).
const pendingSize = 4096

// markGen numbers the searches that mark passages.
var markGen atomic.Uint32

// markBuffers keeps the mark arrays between searches: one is as long as
// the index has documents.
var markBuffers struct {
	sync.Mutex
	free []*markBuffer
}

// markBuffer is one search's arrays.
type markBuffer struct {
	marks   []leafMark
	pending []pendingMark
}

// newMatchTracker starts a tracker for one search.
func newMatchTracker() *matchTracker {
	t := &matchTracker{clause: -1, run: -1, counting: true}
	t.gen = markGen.Add(1)
	if t.gen == 0 { // wrapped around: old marks could pass for new
		t.gen = markGen.Add(1)
	}
	markBuffers.Lock()
	if n := len(markBuffers.free); n > 0 {
		t.buf = markBuffers.free[n-1]
		markBuffers.free = markBuffers.free[:n-1]
	}
	markBuffers.Unlock()
	if t.buf == nil {
		t.buf = &markBuffer{pending: make([]pendingMark, pendingSize)}
	} else {
		clear(t.buf.pending) // another search's
	}
	t.marks, t.pending = &t.buf.marks, t.buf.pending
	return t
}

// keepPostings keeps a closed term leaf's postings lists, when they are
// of the tracker's snapshot, and reports whether it took them.
func (t *matchTracker) keepPostings(l *termLeaf) bool {
	if t.reader == nil || t.reader != index.IndexReader(l.snap) {
		return false
	}
	if t.postings == nil {
		t.postings = map[[2]string]*termLeaf{}
	}
	k := [2]string{l.field, string(l.term)}
	if old := t.postings[k]; old != nil {
		old.release()
	}
	t.postings[k] = l
	return true
}

// takePostings returns the kept postings of a term in a field, read
// again from the first with their locations, for the caller to release;
// nil when none are kept.
func (t *matchTracker) takePostings(field, term string) *termLeaf {
	k := [2]string{field, term}
	l := t.postings[k]
	if l == nil {
		return nil
	}
	delete(t.postings, k)
	l.reopen()
	return l
}

// close releases the tracker's snapshot and gives its arrays back.
func (t *matchTracker) close() {
	for _, l := range t.postings {
		l.release()
	}
	t.postings = nil
	if t.reader != nil {
		t.reader.Close()
		t.reader = nil
	}
	if t.buf != nil {
		markBuffers.Lock()
		markBuffers.free = append(markBuffers.free, t.buf)
		markBuffers.Unlock()
		t.buf, t.marks, t.pending = nil, nil, nil
	}
}

// usable reports whether the tracker can stand for a second pass: it
// follows every leaf and saw one snapshot.
func (t *matchTracker) usable() bool {
	return t != nil && !t.stale && len(t.leaves) <= maxLeaves && t.reader != nil
}

// wrap returns q tracked as a leaf of the current clause or run.
func (t *matchTracker) wrap(q bq.Query, lang string, context bool, a query.Alt, toks []token) bq.Query {
	l := leafQuery{clause: t.clause, run: t.run, lang: lang, context: context, terms: toks}
	if a.Prefix {
		l.prefix = strings.ToLower(a.Text)
	}
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.term
	}
	l.key = strings.Join(parts, " ")
	i := len(t.leaves)
	t.leaves = append(t.leaves, l)
	if i >= maxLeaves {
		return q // too many to follow: the tracker is not used
	}
	return &trackedLeaf{inner: q, t: t, bit: 1 << i}
}

// root returns the whole query, tracked: it counts the strong matches
// among those the collector receives.
func (t *matchTracker) root(q bq.Query, p *query.Plan) bq.Query {
	n := 0
	for i := range p.Clauses {
		if p.Positive(i) {
			n++
		}
	}
	t.anyMask = make([]uint64, len(p.Clauses))
	for i, l := range t.leaves {
		if i >= maxLeaves || l.clause < 0 || !p.Positive(l.clause) {
			continue
		}
		t.anyMask[l.clause] |= 1 << i
		c := p.Clauses[l.clause]
		if !l.context && (n == 1 || !c.CommonIn[l.lang]) {
			t.oneMask |= 1 << i
		}
	}
	return &trackedRoot{inner: q, t: t}
}

// isStrong applies the strong rule to a passage's marks: one of the text
// leaves that suffice alone, or two clauses or more.
func (t *matchTracker) isStrong(bits uint64) bool {
	if bits&t.oneMask != 0 {
		return true
	}
	n := 0
	for _, m := range t.anyMask {
		if bits&m != 0 {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// docNum is a Bleve internal ID's document number.
func docNum(id index.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// mark records that the leaves in bit match a passage, until the whole
// query reaches it.
func (t *matchTracker) mark(dm *search.DocumentMatch, bit uint64) {
	num, ok := docNum(dm.IndexInternalID)
	if !ok || num >= 1<<32 {
		t.stale = true
		return
	}
	if num+1 <= t.pos {
		return // passed: what the whole query returned is kept
	}
	if num >= t.pos+pendingSize-1 {
		if len(t.ahead) == 0 {
			t.ahead, t.aheadMin = map[uint64]uint64{}, num
		}
		t.ahead[num] |= bit
		t.aheadMin = min(t.aheadMin, num)
		return
	}
	p := &t.pending[num&(pendingSize-1)]
	if p.num != num+1 { // an earlier passage's, passed
		p.num, p.bits = num+1, bit
		return
	}
	p.bits |= bit
}

// reach keeps the marks of a passage the whole query returns, and
// returns them.
func (t *matchTracker) reach(dm *search.DocumentMatch) uint64 {
	num, ok := docNum(dm.IndexInternalID)
	if !ok || num >= 1<<32 {
		t.stale = true
		return 0
	}
	var bits uint64
	if p := t.pending[num&(pendingSize-1)]; p.num == num+1 {
		bits = p.bits
	}
	if len(t.ahead) > 0 && num >= t.aheadMin {
		// the query reached passages marked far ahead: take this
		// one's, drop those it passed
		next := uint64(1<<64 - 1)
		for k, b := range t.ahead {
			switch {
			case k == num:
				bits |= b
				delete(t.ahead, k)
			case k < num:
				delete(t.ahead, k)
			default:
				next = min(next, k)
			}
		}
		t.aheadMin = next
	}
	t.pos = num + 1
	marks := *t.marks
	if num >= uint64(len(marks)) {
		marks = t.growMarks(num)
	}
	marks[num] = leafMark{gen: t.gen, bits: bits}
	return bits
}

// growMarks makes room in the marks for passage num, and returns them.
// The first time, it makes room for every passage of the snapshot at
// once: growing by a quarter match by match made a fresh process copy the
// array, and the kernel clear its new pages, again and again (a third of
// a whole `attache search`'s processor time). Numbers past the count
// (deleted passages not yet merged away) grow it by a quarter.
func (t *matchTracker) growMarks(num uint64) []leafMark {
	marks := *t.marks
	n := num + 1 + num/4
	if t.reader != nil && len(marks) == 0 {
		if dc, err := t.reader.DocCount(); err == nil && dc > num && dc < 1<<32 {
			n = dc + dc/64
		}
	}
	grown := make([]leafMark, n)
	copy(grown, marks)
	*t.marks = grown
	return grown
}

// bitsOf returns the marks of a passage in this search.
func (t *matchTracker) bitsOf(id index.IndexInternalID) uint64 {
	num, ok := docNum(id)
	if !ok || num >= uint64(len(*t.marks)) {
		return 0
	}
	m := (*t.marks)[num]
	if m.gen != t.gen {
		return 0
	}
	return m.bits
}

// see checks the snapshot a searcher is made on: the first one is kept
// (with a reference of the tracker's own) and any other makes the marks
// stale.
func (t *matchTracker) see(r index.IndexReader) {
	if t.reader == nil {
		ref, ok := r.(interface{ AddRef() })
		if !ok {
			t.stale = true
			return
		}
		ref.AddRef() // released by close, through the reader's Close
		t.reader = r
		return
	}
	if t.reader != r {
		t.stale = true
	}
}

// trackedLeaf is a leaf query whose searcher marks what it returns.
type trackedLeaf struct {
	inner bq.Query
	t     *matchTracker
	bit   uint64
}

// Searcher implements bq.Query.
func (q *trackedLeaf) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opt search.SearcherOptions) (search.Searcher, error) {
	s, err := q.inner.Searcher(ctx, r, m, opt)
	if err != nil {
		return nil, err
	}
	if _, none := s.(*searcher.MatchNoneSearcher); none {
		return s, nil // as Bleve would see it: its parents drop it
	}
	q.t.see(r)
	return &leafSearcher{Searcher: s, t: q.t, bit: q.bit}, nil
}

// leafSearcher marks the passages its searcher returns.
type leafSearcher struct {
	search.Searcher
	t   *matchTracker
	bit uint64
}

// Next implements search.Searcher.
func (s *leafSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		s.t.mark(dm, s.bit)
	}
	return dm, err
}

// Advance implements search.Searcher.
func (s *leafSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.t.mark(dm, s.bit)
	}
	return dm, err
}

// Optimize passes Bleve's scored conjunction optimisation (which narrows
// each term reader and keeps the searchers) to the leaf's searcher; the
// unscored ones would replace the searchers, and are refused.
func (s *leafSearcher) Optimize(kind string, octx index.OptimizableContext) (index.OptimizableContext, error) {
	if o, ok := s.Searcher.(index.Optimizable); ok && kind == "conjunction" {
		return o.Optimize(kind, octx)
	}
	return nil, nil
}

// trackedRoot is the whole tracked query: its searcher counts the strong
// matches among those it returns.
type trackedRoot struct {
	inner bq.Query
	t     *matchTracker
}

// Searcher implements bq.Query.
func (q *trackedRoot) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opt search.SearcherOptions) (search.Searcher, error) {
	var s search.Searcher
	var err error
	if f, ok := q.inner.(*flatQuery); ok {
		// the whole query: it may pass over what cannot be collected
		s, err = f.searcher(ctx, r, m, opt, scoreCutFor(ctx, q.t))
	} else {
		s, err = q.inner.Searcher(ctx, r, m, opt)
	}
	if err != nil {
		return nil, err
	}
	q.t.see(r)
	q.t.pos, q.t.ahead = 0, nil // a new pass over the passages
	return &rootSearcher{Searcher: s, t: q.t}, nil
}

// rootSearcher counts the strong matches it returns, in the first search.
type rootSearcher struct {
	search.Searcher
	t *matchTracker
}

// Next implements search.Searcher.
func (s *rootSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		if bits := s.t.reach(dm); s.t.counting && s.t.isStrong(bits) {
			s.t.strong++
		}
	}
	return dm, err
}

// Advance implements search.Searcher (the tracked query under another:
// the location search's).
func (s *rootSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.t.reach(dm)
	}
	return dm, err
}
