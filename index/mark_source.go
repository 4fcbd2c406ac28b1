package index

import (
	"context"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// leafKey names the leaves of one wording in one language's text or
// context field.
type leafKey struct {
	lang    string
	context bool
	key     string // analysed terms, space separated; or a term; or a prefix
}

// leafIndex finds a tracker's leaves by what they match.
type leafIndex struct {
	byKey  map[leafKey]uint64 // the leaves of a wording
	terms  map[leafKey]uint64 // the (non-prefix) leaves holding a term
	prefix map[leafKey]uint64 // the prefix leaves of a prefix
}

// index builds the tracker's leaf index.
func (t *matchTracker) index() *leafIndex {
	if t.idx != nil {
		return t.idx
	}
	x := &leafIndex{byKey: map[leafKey]uint64{}, terms: map[leafKey]uint64{}, prefix: map[leafKey]uint64{}}
	for i, l := range t.leaves {
		if i >= maxLeaves {
			break
		}
		bit := uint64(1) << i
		if l.prefix != "" {
			x.prefix[leafKey{l.lang, l.context, l.prefix}] |= bit
			continue
		}
		x.byKey[leafKey{l.lang, l.context, l.key}] |= bit
		for _, tk := range l.terms {
			x.terms[leafKey{l.lang, l.context, tk.term}] |= bit
		}
	}
	t.idx = x
	return x
}

// markLang is the language code of a hit whose leaves matched as bits
// say (as hitLang reads it from the locations), or "" for none.
func (t *matchTracker) markLang(bits uint64) string {
	for _, lf := range langFields {
		for i, l := range t.leaves {
			if i < maxLeaves && bits&(1<<i) != 0 && l.lang == lf.code {
				return lf.code
			}
		}
	}
	return ""
}

// markSource reads a hit's wordings from the leaves its search matched
// (see matchTracker), answering as its term locations would; where they
// would not tell, it sets the tracker's inexact and the search asks Bleve
// for the locations instead.
type markSource struct {
	t    *matchTracker
	bits uint64
	code string
	id   index.IndexInternalID
	vec  *vectorReader
}

func (s markSource) text(toks []token) bool    { return s.has(false, toks) }
func (s markSource) context(toks []token) bool { return s.has(true, toks) }

// has reports whether the tokens are in the hit's text or context, by
// the rule hasRule finds for them (once a search: the ranker asks the
// same wordings of every candidate).
func (s markSource) has(context bool, toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	k := ruleKey{&toks[0], s.code, context}
	r, ok := s.t.rules[k]
	if !ok {
		r = s.t.hasRule(s.code, context, toks)
		if s.t.rules == nil {
			s.t.rules = map[ruleKey]hasRule{}
		}
		s.t.rules[k] = r
	}
	if r.inexact {
		s.t.inexact = true
		return false
	}
	return s.bits&r.mask != 0
}

// ruleKey names a wording the ranker asks about: its tokens (the
// ranker's own slice), a language and a field.
type ruleKey struct {
	first   *token
	lang    string
	context bool
}

// hasRule says how to tell from a hit's marks whether it holds a
// wording: it does when one of the leaves in mask matched, unless the
// marks cannot tell (inexact).
type hasRule struct {
	mask    uint64
	inexact bool
}

// hasRule finds the rule for a wording. A wording with leaves of its own
// there matched when one of them did; otherwise Bleve's locations hold its
// words only through other leaves.
func (t *matchTracker) hasRule(code string, context bool, toks []token) hasRule {
	x := t.index()
	if m, ok := x.byKey[leafKey{code, context, joinTerms(toks)}]; ok {
		return hasRule{mask: m}
	}
	covered := uint64(0)
	for _, tk := range toks {
		for k := range x.prefix {
			if k.lang == code && k.context == context && strings.HasPrefix(tk.term, k.key) {
				return hasRule{inexact: true} // a prefix's words: which ones, only locations say
			}
		}
		m := x.terms[leafKey{code, context, tk.term}]
		if m == 0 {
			return hasRule{} // no leaf there can give this word's locations
		}
		covered = m
	}
	if len(toks) == 1 {
		return hasRule{mask: covered} // a word of a matched phrase
	}
	return hasRule{inexact: true} // several words of other leaves: only their places tell
}

// textPrefix reports whether a word of the hit's text starts with p: the
// prefix's own leaf matched.
func (s markSource) textPrefix(p string) bool {
	m, ok := s.t.index().prefix[leafKey{s.code, false, p}]
	if !ok {
		s.t.inexact = true
		return false
	}
	return s.bits&m != 0
}

// contextPrefix reports whether a word of the hit's context starts with p:
// a matched context leaf has such a word (no prefix is searched there).
func (s markSource) contextPrefix(p string) bool {
	for i, l := range s.t.leaves {
		if i >= maxLeaves || s.bits&(1<<i) == 0 || l.lang != s.code || !l.context {
			continue
		}
		if l.prefix != "" {
			s.t.inexact = true
			return false
		}
		for _, tk := range l.terms {
			if strings.HasPrefix(tk.term, p) {
				return true
			}
		}
	}
	return false
}

// textLocations reads a term's places in the hit's text from the index.
func (s markSource) textLocations(term string) search.Locations {
	return s.vec.locations(textFieldFor(s.code), term, s.id)
}

// contextLocations reads a term's places in the hit's context from the
// index.
func (s markSource) contextLocations(term string) search.Locations {
	return s.vec.locations(contextFieldFor(s.code), term, s.id)
}

// joinTerms is the tokens' terms, space separated.
func joinTerms(toks []token) string {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.term
	}
	return strings.Join(parts, " ")
}

// vectorReader reads the places of terms in given passages from one
// snapshot's term vectors, cheapest when asked in document order.
type vectorReader struct {
	reader  index.IndexReader
	cursors map[[2]string]*termCursor
	// read keeps what was read, by field, term and passage: the page's
	// hits read again words their tiers' checks read
	read map[vectorKey]search.Locations
	// dicts, on a scorch snapshot, are the dictionaries the cursors read
	// the postings from straight (see termLeaf), not through term readers
	dicts *termDicts
	// kept, when set, is the tracker whose kept postings the cursors
	// read first (see matchTracker.keepPostings)
	kept *matchTracker
}

// vectorKey names a term's places in one passage.
type vectorKey struct {
	field, term string
	doc         uint64
}

// termCursor is an open term reader, or a term's postings with their
// locations, and the passage it stands on.
type termCursor struct {
	tfr  index.TermFieldReader
	post *termLeaf // the postings, when read straight
	cur  *index.TermFieldDoc
	num  uint64           // the passage it stands on (with post), flatDone at the end
	locs search.Locations // cur's, converted
	done bool
}

func newVectorReader(r index.IndexReader) *vectorReader {
	v := &vectorReader{reader: r, cursors: map[[2]string]*termCursor{}, read: map[vectorKey]search.Locations{}}
	if snap, ok := r.(*scorch.IndexSnapshot); ok && !searchPaths.noTermLeaves {
		v.dicts = takeTermDicts(snap)
	}
	return v
}

// close closes the term readers.
func (v *vectorReader) close() {
	for _, c := range v.cursors {
		c.close()
	}
	v.cursors = nil
	if v.dicts != nil {
		v.dicts.release()
		v.dicts = nil
	}
}

// close closes the cursor's reader, or gives its postings back.
func (c *termCursor) close() {
	if c.tfr != nil {
		c.tfr.Close()
	}
	if c.post != nil {
		c.post.release()
	}
}

// locations returns the places of term in field of passage id, or nil.
func (v *vectorReader) locations(field, term string, id index.IndexInternalID) search.Locations {
	num, ok := docNum(id)
	if !ok {
		return nil
	}
	vk := vectorKey{field, term, num}
	if locs, ok := v.read[vk]; ok {
		return locs
	}
	var locs search.Locations
	if v.dicts != nil {
		locs = v.advancePostings(field, term, num)
	} else {
		locs = v.advance(field, term, id)
	}
	v.read[vk] = locs
	return locs
}

// advancePostings moves a term's postings to passage num and returns its
// places there, or nil: what advance reads through a term reader.
func (v *vectorReader) advancePostings(field, term string, num uint64) search.Locations {
	k := [2]string{field, term}
	c := v.cursors[k]
	if c != nil && c.num != flatDone && c.num > num {
		// asked behind the cursor: start again
		c.close()
		c = nil
	}
	if c == nil {
		var t *termLeaf
		if v.kept != nil {
			t = v.kept.takePostings(field, term)
		}
		if t == nil {
			var err error
			if t, err = openTerm(v.dicts, field, []byte(term), true); err != nil {
				return nil
			}
		}
		c = &termCursor{post: t, num: flatDone}
		v.cursors[k] = c
	}
	if c.num == flatDone || c.num < num {
		if c.done {
			return nil
		}
		n, p, err := c.post.advancePosting(num)
		if err != nil || p == nil {
			c.done, c.num = true, flatDone
			return nil
		}
		ls := p.Locations()
		slab := make([]search.Location, len(ls)) // one allocation for the places
		c.num, c.locs = n, make(search.Locations, len(ls))
		for j, l := range ls {
			slab[j] = search.Location{Pos: l.Pos(), Start: l.Start(), End: l.End()}
			c.locs[j] = &slab[j]
		}
	}
	if c.num != num {
		return nil
	}
	return c.locs
}

// advance moves a term's cursor to passage id and returns its places
// there, or nil.
func (v *vectorReader) advance(field, term string, id index.IndexInternalID) search.Locations {
	k := [2]string{field, term}
	c := v.cursors[k]
	if c != nil && c.cur != nil && c.cur.ID.Compare(id) > 0 && !c.cur.ID.Equals(id) {
		// asked behind the cursor: start again
		c.tfr.Close()
		c = nil
	}
	if c == nil {
		tfr, err := v.reader.TermFieldReader(context.Background(), []byte(term), field, true, false, true)
		if err != nil {
			return nil
		}
		c = &termCursor{tfr: tfr}
		v.cursors[k] = c
	}
	if c.cur == nil || c.cur.ID.Compare(id) < 0 {
		if c.done {
			return nil
		}
		d, err := c.tfr.Advance(id, nil)
		if err != nil || d == nil {
			c.done, c.cur = true, nil
			return nil
		}
		c.cur, c.locs = d, nil
	}
	if !c.cur.ID.Equals(id) {
		return nil
	}
	if c.locs == nil {
		c.locs = make(search.Locations, 0, len(c.cur.Vectors))
		for _, tv := range c.cur.Vectors {
			c.locs = append(c.locs, &search.Location{Pos: tv.Pos, Start: tv.Start, End: tv.End})
		}
	}
	return c.locs
}

// markLocations builds the text locations Bleve would give a hit whose
// leaves matched as bits say: every place of a matched word or of a word
// with a matched prefix, and the places of a matched phrase's words where
// they make the phrase. It reports false when a matched prefix has more
// than maxPrefixWords words in the dictionary (or they cannot be listed).
func (t *matchTracker) markLocations(vec *vectorReader, dm *search.DocumentMatch, bits uint64, code string) (search.FieldTermLocationMap, bool) {
	field := textFieldFor(code)
	out := search.TermLocationMap{}
	for i, l := range t.leaves {
		if i >= maxLeaves || bits&(1<<i) == 0 || l.lang != code || l.context {
			continue
		}
		if l.prefix != "" {
			words, ok := t.prefixWords(field, l.prefix)
			if !ok {
				return nil, false
			}
			for _, w := range words {
				if locs := vec.locations(field, w, dm.IndexInternalID); len(locs) > 0 {
					out[w] = append(out[w], locs...)
				}
			}
			continue
		}
		if len(l.terms) == 1 {
			term := l.terms[0].term
			out[term] = append(out[term], vec.locations(field, term, dm.IndexInternalID)...)
			continue
		}
		places := make([]search.Locations, len(l.terms))
		for j, tk := range l.terms {
			places[j] = vec.locations(field, tk.term, dm.IndexInternalID)
		}
		for _, first := range places[0] {
			path := []*search.Location{first}
			for j := 1; j < len(l.terms) && path != nil; j++ {
				want := first.Pos + uint64(l.terms[j].pos-l.terms[0].pos)
				var at *search.Location
				for _, loc := range places[j] {
					if loc.Pos == want {
						at = loc
						break
					}
				}
				if at == nil {
					path = nil
				} else {
					path = append(path, at)
				}
			}
			for j, loc := range path {
				out[l.terms[j].term] = append(out[l.terms[j].term], loc)
			}
		}
	}
	return search.FieldTermLocationMap{field: out}, true
}

// maxPrefixWords is the most words of a prefix whose places the page's
// hits read from the term vectors; beyond, a second search finds them.
const maxPrefixWords = 200

// prefixWords lists the words of a field's dictionary that start with a
// prefix (the words a prefix query matches), once a search, or reports
// false when there are more than maxPrefixWords.
func (t *matchTracker) prefixWords(field, prefix string) ([]string, bool) {
	k := field + "\x00" + prefix
	if words, ok := t.prefixes[k]; ok {
		return words, words != nil
	}
	if t.prefixes == nil {
		t.prefixes = map[string][]string{}
	}
	words, ok := t.listPrefix(field, prefix)
	if !ok {
		words = nil
	} else if words == nil {
		words = []string{}
	}
	t.prefixes[k] = words
	return words, ok
}

// listPrefix reads the words with a prefix from the snapshot's dictionary.
func (t *matchTracker) listPrefix(field, prefix string) ([]string, bool) {
	d, err := t.reader.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil, false
	}
	defer d.Close()
	var words []string
	seen := map[string]bool{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, false
		}
		if e == nil {
			return words, true
		}
		if !seen[e.Term] {
			seen[e.Term] = true
			if words = append(words, e.Term); len(words) > maxPrefixWords {
				return nil, false
			}
		}
	}
}
