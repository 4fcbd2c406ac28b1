package themes

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"attache/index/corpus"
)

// How a passage is scored against a theme. See Tag.
const (
	// Threshold is the least score that tags a passage with a theme.
	Threshold = 1.5
	// relativeFloor drops a theme scoring under this share of the passage's
	// strongest theme: what a passage only touches on is not what it is about.
	relativeFloor = 0.25
	// maxTags is the most themes a passage is tagged with.
	maxTags = 4
	// refLength is the passage length, in stemmed words, at which no length
	// normalisation applies; a passage's score is divided by the square
	// root of its length over refLength, counting at least minLength words.
	refLength = 40
	minLength = 20
	// headingBonus is added when a theme's term is in the passage's nearest
	// section heading.
	headingBonus = 1.0
	// defaultIDF weighs terms when no corpus statistics have been gathered.
	defaultIDF = 0.75
)

// Score is how strongly a passage is about one theme.
type Score struct {
	// Theme is the theme's ID.
	Theme string `json:"theme"`
	// Score is the weighted, length-normalised term score (see Tag).
	Score float64 `json:"score"`
	// Terms are the theme's terms found in the passage, as the taxonomy
	// writes them.
	Terms []string `json:"terms,omitempty"`
	// InHeading is true when a term was found in the section heading.
	InHeading bool `json:"in_heading,omitempty"`
	// Named is true when the passage names the theme by its name, a
	// wording of its first term ("cavi sottomarini", "online platforms",
	// "cybersecurity"): a subject it takes up, however long the passage and
	// whatever else it covers, as a search for the name finds it.
	Named bool `json:"named,omitempty"`
}

// Stats are the term statistics tagging weighs terms with: per language,
// how many passages there are and in how many of them each of the
// taxonomy's terms occurs. Gather them with Gather or TagDocuments; a nil
// *Stats weighs every term alike. A Stats is not changed once made and is
// safe for concurrent use.
type Stats struct {
	passages map[string]int
	df       map[string]map[string]int
}

// text is a passage's text or heading stemmed once for matching: its
// tokens, and for each token where it first occurs and, at each position,
// where the same token occurs next (-1 at the last).
type text struct {
	tokens []string
	first  map[string]int32
	next   []int32
}

// prepare stems a text in a language and indexes its tokens.
func prepare(s, lang string) *text { return prepareIn(s, lang, nil) }

// prepareIn is prepare indexing only the tokens in vocab, when not nil:
// the stems of a taxonomy's terms, the only ones its matching looks up
// (first, next); the others stay in tokens, where no term's stem equals
// them.
func prepareIn(s, lang string, vocab map[string]bool) *text {
	t := &text{tokens: stems(s, lang)}
	if vocab == nil {
		t.index(nil)
		return t
	}
	var at [64]int32
	hits := at[:0] // where the vocabulary's stems stand
	for i, tok := range t.tokens {
		if vocab[tok] {
			hits = append(hits, int32(i))
		}
	}
	if len(hits) > 0 {
		// with nothing to look up, no index (first stays nil, next unread)
		t.index(hits)
	}
	return t
}

// index fills first and next for the tokens at hits (nil: all of them).
func (t *text) index(hits []int32) {
	n := len(t.tokens)
	if hits != nil {
		n = len(hits)
	}
	t.next = make([]int32, len(t.tokens))
	for i := range t.next {
		t.next[i] = -1
	}
	t.first = make(map[string]int32, n)
	last := make(map[string]int32, n)
	for k := 0; k < n; k++ {
		i := int32(k)
		if hits != nil {
			i = hits[k]
		}
		tok := t.tokens[i]
		if j, ok := last[tok]; ok {
			t.next[j] = i
		} else {
			t.first[tok] = i
		}
		last[tok] = i
	}
}

// has reports whether the sequence s occurs in the text.
func (t *text) has(s []string) bool {
	at, ok := t.first[s[0]]
	for ok && at >= 0 {
		if t.matchAt(int(at), s) {
			return true
		}
		at = t.next[at]
	}
	return false
}

// matchAt reports whether the sequence s starts at token i.
func (t *text) matchAt(i int, s []string) bool {
	if i+len(s) > len(t.tokens) {
		return false
	}
	for k := 1; k < len(s); k++ {
		if t.tokens[i+k] != s[k] {
			return false
		}
	}
	return true
}

// prepared is a passage ready for scoring: its language, text and nearest
// heading, stemmed.
type prepared struct {
	lang          string
	body, heading *text
}

// headingKey is a heading stemmed in a language.
type headingKey struct{ lang, heading string }

// preparePassage stems a passage's text and nearest heading for matching
// the taxonomy's terms.
func (tx *Taxonomy) preparePassage(p *corpus.Passage) *prepared {
	return tx.preparePassageIn(p, nil)
}

// preparePassageIn is preparePassage taking the headings already stemmed
// from headings, and adding to it when not nil: the passages of a section
// share its heading.
func (tx *Taxonomy) preparePassageIn(p *corpus.Passage, headings map[headingKey]*text) *prepared {
	lang := langOf(p.Lang)
	tx.termIndex()
	vocab := tx.vocab[lang]
	pp := &prepared{lang: lang, body: prepareIn(p.Text, lang, vocab)}
	if n := len(p.Section); n > 0 {
		h := p.Section[n-1]
		k := headingKey{lang, h}
		if pp.heading = headings[k]; pp.heading == nil {
			pp.heading = prepareIn(h, lang, vocab)
			if headings != nil {
				headings[k] = pp.heading
			}
		}
	}
	return pp
}

// Tag returns the themes a passage is about, strongest first: those whose
// score reaches Threshold and a quarter of the strongest score, at most
// four. It weighs terms with the taxonomy's Stats (see SetStats).
//
// The score of a theme is computed in the passage's language ("en" or "it")
// on Bleve's stemmed tokens, stop words left out, the same way the index
// analyses text:
//
//  1. The theme's terms are found in the passage, longest phrases first, a
//     word counting for one term only.
//  2. Each term found weighs its length (1 for a word, +0.5 per further
//     word of a phrase) times its IDF scaled into [0.5, 1]:
//     0.5 + 0.5·ln(1 + N/df)/ln(1 + N) over the N passages of that language
//     the Stats were gathered from (0.75 without Stats), so a term found
//     everywhere counts half as much as a rare one; repeats add
//     1 + ln(count).
//  3. The sum is divided by sqrt(words/40), counting at least 20 words,
//     so that a long passage naming a term once in a list scores lower than
//     a short one about it, and a one-sentence action point naming its
//     subject scores higher.
//  4. A bonus of 1 is added when a term of the theme occurs in the nearest
//     section heading above the passage.
func (tx *Taxonomy) Tag(p *corpus.Passage) []Score {
	return topScores(tx.Scores(p))
}

// topScores keeps the scores that tag a passage of a number of words (see
// Tag): over the threshold and a quarter of the strongest, at most
// maxTags; and besides them the themes the passage names by their name
// (see Score.Named), so that a long paragraph listing undersea cables,
// online platforms and quantum technologies among the EU's priorities is
// found under each of them.
func topScores(all []Score) []Score {
	var out []Score
	for i, s := range all {
		strong := s.Score >= Threshold && s.Score >= relativeFloor*all[0].Score && i < maxTags
		if strong || s.Named {
			out = append(out, s)
		}
	}
	return out
}

// Scores returns every theme with a term in the passage (or its heading),
// strongest first, whether or not it reaches the threshold. It weighs
// terms with the taxonomy's Stats (see SetStats).
func (tx *Taxonomy) Scores(p *corpus.Passage) []Score {
	return tx.scores(tx.currentStats(), tx.preparePassage(p))
}

// ScoresWith is Scores weighing terms with st instead of the taxonomy's
// own Stats.
func (tx *Taxonomy) ScoresWith(st *Stats, p *corpus.Passage) []Score {
	return tx.scores(st, tx.preparePassage(p))
}

// scores scores every theme on a prepared passage.
func (tx *Taxonomy) scores(st *Stats, pp *prepared) []Score {
	lang := pp.lang
	norm := math.Sqrt(float64(max(len(pp.body.tokens), minLength)) / refLength)
	// Only the themes with a term starting with one of the text's (or the
	// heading's) stems can score.
	cand := make([]bool, len(tx.Themes))
	tx.termIndex()
	for _, t := range []*text{pp.body, pp.heading} {
		if t != nil {
			for tok := range t.first {
				for _, i := range tx.starts[lang][tok] {
					cand[i] = true
				}
			}
		}
	}
	var out []Score
	var used []bool
	for ti, th := range tx.Themes {
		if !cand[ti] {
			continue
		}
		ms := th.matchers[lang]
		var counts []int
		counts, used = matchCounts(pp.body, ms, th.longest[lang], used)
		raw := 0.0
		var terms []string
		for i, c := range counts {
			if c == 0 {
				continue
			}
			m := ms[i]
			raw += lengthWeight(m.stems) * st.idf(lang, m.key) * (1 + math.Log(float64(c)))
			terms = append(terms, m.text)
		}
		s := Score{Theme: th.ID, Score: raw / norm, Terms: terms}
		// The theme's name counts wherever it stands, even inside a longer
		// term that took its words ("ambasciatori della cibersicurezza").
		for _, m := range ms {
			if m.name && !s.Named && pp.body.has(m.stems) {
				s.Named = true
			}
		}
		if pp.heading != nil {
			for _, m := range ms {
				if pp.heading.has(m.stems) {
					s.InHeading = true
					s.Score += headingBonus
					break
				}
			}
		}
		if s.Score > 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// SetStats sets the Stats that Tag and Scores weigh terms with (nil: every
// term alike).
func (tx *Taxonomy) SetStats(st *Stats) {
	tx.mu.Lock()
	tx.stats, tx.pendingStats = st, nil
	tx.mu.Unlock()
}

// Gather counts, over all the documents' passages, in how many passages of
// each language each of the taxonomy's terms occurs.
func (tx *Taxonomy) Gather(docs []*corpus.Document) *Stats {
	return tx.gather(tx.prepareAll(docs))
}

// gather counts the terms over prepared passages.
func (tx *Taxonomy) gather(all [][]*prepared) *Stats {
	st := &Stats{passages: map[string]int{}, df: map[string]map[string]int{}}
	tx.termIndex()
	for _, ps := range all {
		for _, pp := range ps {
			st.passages[pp.lang]++
			df := st.df[pp.lang]
			if df == nil {
				df = map[string]int{}
				st.df[pp.lang] = df
			}
			for _, m := range tx.dfTerms[pp.lang] {
				if pp.body.has(m.stems) {
					df[m.key]++
				}
			}
		}
	}
	return st
}

// TagDocuments gathers term statistics over all the documents' passages,
// makes them the taxonomy's (SetStats), then sets every passage's Themes to
// the IDs of its tags, strongest first, and returns the statistics. Each
// passage is stemmed once; documents are tagged in parallel.
func (tx *Taxonomy) TagDocuments(docs []*corpus.Document) *Stats {
	all := tx.prepareAll(docs)
	st := tx.gather(all)
	tx.SetStats(st)
	forEachDoc(len(docs), func(i int) { tx.tagDoc(st, docs[i], all[i]) })
	return st
}

// TagWith sets every passage's Themes to the IDs of its tags, strongest
// first, weighing terms with st (which may come from other documents, or
// be nil). Documents are tagged in parallel, each passage stemmed once.
func (tx *Taxonomy) TagWith(st *Stats, docs []*corpus.Document) {
	forEachDoc(len(docs), func(i int) { tx.tagDoc(st, docs[i], nil) })
}

// tagDoc tags one document's passages, preparing them unless pps holds
// them already.
func (tx *Taxonomy) tagDoc(st *Stats, d *corpus.Document, pps []*prepared) {
	headings := map[headingKey]*text{}
	for i := range d.Passages {
		p := &d.Passages[i]
		var pp *prepared
		if pps != nil {
			pp = pps[i]
		} else {
			pp = tx.preparePassageIn(p, headings)
		}
		p.Themes = nil
		for _, s := range topScores(tx.scores(st, pp)) {
			p.Themes = append(p.Themes, s.Theme)
		}
	}
}

// prepareAll stems every passage of the documents, in parallel.
func (tx *Taxonomy) prepareAll(docs []*corpus.Document) [][]*prepared {
	all := make([][]*prepared, len(docs))
	forEachDoc(len(docs), func(i int) {
		ps := make([]*prepared, len(docs[i].Passages))
		headings := map[headingKey]*text{}
		for k := range docs[i].Passages {
			ps[k] = tx.preparePassageIn(&docs[i].Passages[k], headings)
		}
		all[i] = ps
	})
	return all
}

// forEachDoc calls f for 0..n-1 on GOMAXPROCS goroutines.
func forEachDoc(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// idf is the inverse document frequency of a term, given by its key.
func (st *Stats) idf(lang, k string) float64 {
	if st == nil || st.passages[lang] == 0 {
		return defaultIDF
	}
	n := float64(st.passages[lang])
	df := st.df[lang][k]
	if df < 1 {
		df = 1
	}
	return 0.5 + 0.5*math.Log(1+n/float64(df))/math.Log(1+n)
}

// Fingerprint identifies the statistics: equal Stats have equal
// fingerprints. Nil Stats have the fingerprint "none".
func (st *Stats) Fingerprint() string {
	if st == nil {
		return "none"
	}
	h := sha256.New()
	for _, lang := range sortedKeys(st.passages) {
		fmt.Fprintf(h, "%s %d\n", lang, st.passages[lang])
		df := st.df[lang]
		for _, k := range sortedKeys(df) {
			fmt.Fprintf(h, "%s\t%d\n", k, df[k])
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// taggerVersion changes whenever the way passages are scored and tagged
// changes (the constants above, the matching); see Version.
const taggerVersion = 3

// Version identifies how passages are tagged with st: the tagger, the
// taxonomy's themes and their stemmed terms, and the statistics. Tags made
// under another Version may differ and should be made again.
func (tx *Taxonomy) Version(st *Stats) string {
	h := sha256.New()
	fmt.Fprintf(h, "tagger %d\nstats %s\n", taggerVersion, st.Fingerprint())
	for _, th := range tx.Themes {
		fmt.Fprintf(h, "theme %s\n", th.ID)
		for _, lang := range []string{"en", "it"} {
			for _, m := range th.matchers[lang] {
				fmt.Fprintf(h, "%s %s\n", lang, m.key)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// lengthWeight favours phrases over single words.
func lengthWeight(s []string) float64 { return 1 + 0.5*float64(len(s)-1) }

// matchCounts counts the occurrences of each matcher in t, trying them in
// the given order (longest phrases first), each token counting for one
// matcher at most. used is scratch space, returned for reuse.
func matchCounts(t *text, ms []matcher, order []int, used []bool) ([]int, []bool) {
	counts := make([]int, len(ms))
	if len(t.tokens) == 0 {
		return counts, used
	}
	cleared := false
	for _, i := range order {
		s := ms[i].stems
		at, ok := t.first[s[0]]
		for ok && at >= 0 {
			if t.matchAt(int(at), s) {
				if !cleared {
					if cap(used) < len(t.tokens) {
						used = make([]bool, len(t.tokens))
					}
					used = used[:len(t.tokens)]
					clear(used)
					cleared = true
				}
				free := true
				for k := int(at); k < int(at)+len(s); k++ {
					if used[k] {
						free = false
						break
					}
				}
				if free {
					for k := int(at); k < int(at)+len(s); k++ {
						used[k] = true
					}
					counts[i]++
				}
			}
			at = t.next[at]
		}
	}
	return counts, used
}

// langOf maps a passage's language to one the taxonomy has terms in.
func langOf(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "it") {
		return "it"
	}
	return "en"
}

// QueryThemes returns the IDs of the themes a query names, strongest
// first: those with a term in the query, read in English and in Italian,
// whose weight (see Tag, without IDF or length) is at least half the
// strongest's. The index uses it to rank the passages about those themes
// higher among the hits.
func (tx *Taxonomy) QueryThemes(query string) []string {
	type hit struct {
		id    string
		score float64
	}
	var hits []hit
	best := 0.0
	read := map[string]*text{"en": prepare(query, "en"), "it": prepare(query, "it")}
	for _, th := range tx.Themes {
		score := 0.0
		for _, lang := range []string{"en", "it"} {
			ms := th.matchers[lang]
			s := 0.0
			counts, _ := matchCounts(read[lang], ms, th.longest[lang], nil)
			for i, c := range counts {
				if c > 0 {
					s += lengthWeight(ms[i].stems)
				}
			}
			score = math.Max(score, s)
		}
		if score > 0 {
			hits = append(hits, hit{th.ID, score})
			best = math.Max(best, score)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	var out []string
	for _, h := range hits {
		if h.score >= best/2 {
			out = append(out, h.id)
		}
	}
	return out
}
