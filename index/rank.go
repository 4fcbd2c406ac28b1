package index

import (
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"attache/index/query"
)

// ranker orders Bleve's hits by the plan's tiers: it reads from a hit's
// term locations how each clause matched it.
type ranker struct {
	plan *query.Plan
	b    bleveQuery
	// words[lang][i] are clause i's wordings analysed in lang: literal
	// ones, then equivalents.
	words map[string][]clauseWords
	runs  map[string][][]token // per language, each run's tokens (nil elsewhere)
	// body returns a candidate passage's text, which the index does not
	// store, or "" when it cannot be read.
	body func(id string) string
	// boundsFor, when set, reads what is known of a hit's tier instead
	// of locationBounds (from the search's marks); rank calls it, and
	// the checks it returns, in document number order.
	boundsFor func(dm *search.DocumentMatch) tierBounds
	// context returns a candidate's context (PassageContext), read only
	// when a typed word was found there through its stem, or "" when it
	// cannot be read.
	context func(id string) string
}

// clauseWords are one clause's wordings as analysed terms.
type clauseWords struct {
	literal, expansions [][]token
	prefix              string
	stopSomewhere       bool // the literal is only stop words in some language
	// known is true when the term has glossary equivalents: a content
	// word, even where the analyzer drops it ("AI" is the Italian "ai").
	known bool
	typed string // the word as typed, lower case, for a one-word term
	// literalWords and expansionWords are, for each literal and each
	// equivalent of several words, its words as typed, lower case, one
	// per token (a phrase's words; nil for one word).
	literalWords, expansionWords [][]string
	// collapsed is true for a quoted phrase that is no phrase in this
	// language (bleveQuery.collapsed): it holds only through equivalents.
	collapsed bool
}

// ranked is a hit with its tier.
type ranked struct {
	dm    *search.DocumentMatch
	tier  query.Tier
	score float64
}

func newRanker(p *query.Plan, b bleveQuery) *ranker {
	r := &ranker{plan: p, b: b, words: map[string][]clauseWords{}, runs: map[string][][]token{}}
	stop := make([]bool, len(p.Clauses))
	for _, lf := range langFields {
		cws := make([]clauseWords, len(p.Clauses))
		for i, c := range p.Clauses {
			for _, a := range c.Alts {
				if a.Lang != lf.code {
					continue
				}
				if a.Prefix {
					cws[i].prefix = strings.ToLower(a.Text)
					continue
				}
				toks := b.positioned(a.Text, lf.analyzer)
				if a.Literal && a.Phrase && b.collapsed(c, lf.analyzer) {
					cws[i].collapsed = true
					continue
				}
				var words []string
				if len(toks) > 1 {
					words = b.typedWords(a.Text, lf.analyzer)
				}
				if a.Literal {
					if len(toks) == 0 && lf.code != "xx" {
						stop[i] = true
					}
					if len(toks) == 1 && !strings.Contains(a.Text, " ") {
						// The word as typed, without punctuation around
						// it ("Robert');" is "robert").
						cws[i].typed = strings.ToLower(strings.TrimFunc(a.Text, func(r rune) bool {
							return !unicode.IsLetter(r) && !unicode.IsDigit(r)
						}))
					}
					cws[i].literal = append(cws[i].literal, toks)
					cws[i].literalWords = append(cws[i].literalWords, words)
				} else if len(toks) > 0 {
					cws[i].expansions = append(cws[i].expansions, toks)
					cws[i].expansionWords = append(cws[i].expansionWords, words)
				}
			}
		}
		r.words[lf.code] = cws
		rs := make([][]token, len(p.Runs))
		for k, run := range p.Runs {
			if run.Alt.Lang == lf.code {
				rs[k] = b.positioned(run.Alt.Text, lf.analyzer)
			}
		}
		r.runs[lf.code] = rs
	}
	known := make([]bool, len(p.Clauses))
	for i, c := range p.Clauses {
		for _, a := range c.Alts {
			if !a.Literal {
				known[i] = true
			}
		}
	}
	for _, cws := range r.words {
		for i := range cws {
			cws[i].stopSomewhere = stop[i]
			cws[i].known = known[i]
		}
	}
	return r
}

// rank returns the hits by tier, then by text score times the theme
// factor (themed holds the IDs tagged with a theme the query names);
// Bleve's order breaks ties. Only the first need are sure to be in that
// order: a hit's tier is settled (see tierBounds) only when it could be
// among them, and, with weakAll, when it could be weak; beyond need the
// hits carry their highest tier, which is weak only if they are.
func (r *ranker) rank(dms search.DocumentMatchCollection, themed map[string]bool, need int, weakAll bool) []ranked {
	out := make([]ranked, len(dms))
	bs := make([]tierBounds, len(dms))
	byDoc := func(idx []int) { // the order term readers go
		slices.SortFunc(idx, func(a, b int) int { return dms[a].IndexInternalID.Compare(dms[b].IndexInternalID) })
	}
	all := make([]int, len(dms))
	for i := range all {
		all[i] = i
	}
	if r.boundsFor != nil {
		byDoc(all)
	}
	for _, i := range all {
		dm := dms[i]
		f := 1.0
		if themed[dm.ID] {
			f = 1 + query.ThemeBoost
		}
		if r.boundsFor != nil {
			bs[i] = r.boundsFor(dm)
		} else {
			bs[i] = r.locationBounds(dm)
		}
		out[i] = ranked{dm: dm, tier: bs[i].hi, score: dm.Score * f}
	}
	settle := func(idx []int) {
		byDoc(idx)
		for _, i := range idx {
			out[i].tier = bs[i].settle()
			bs[i] = tierBounds{lo: out[i].tier, hi: out[i].tier}
		}
	}
	// Settle the hits that rank among the first need on their highest
	// tiers until those are all settled: every other hit's tier is at
	// most its highest, so it ranks below them.
	perm := make([]int, len(dms))
	for {
		copy(perm, all)
		slices.SortStableFunc(perm, func(a, b int) int {
			if c := compareRanked(out[a], out[b]); c != 0 {
				return c
			}
			return a - b
		})
		var todo []int
		for _, i := range perm[:min(need, len(perm))] {
			if bs[i].check != nil {
				todo = append(todo, i)
			}
		}
		if len(todo) == 0 {
			break
		}
		settle(todo)
	}
	if weakAll {
		var todo []int
		for i, b := range bs {
			if b.check != nil && b.lo <= query.TierWeak {
				todo = append(todo, i)
			}
		}
		settle(todo)
	}
	sortRanked(out)
	return out
}

// sortRanked orders hits by tier, then score, stably.
func sortRanked(out []ranked) {
	slices.SortStableFunc(out, compareRanked)
}

// compareRanked orders two hits by tier, then score.
func compareRanked(a, b ranked) int {
	if a.tier != b.tier {
		return int(b.tier) - int(a.tier)
	}
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return 0
}

// hitLang is a match's language: its stored field when loaded, else the
// language of the fields its words were found in.
func hitLang(dm *search.DocumentMatch) string {
	if l := str(dm.Fields[fieldLang]); l != "" {
		return l
	}
	for _, lf := range langFields {
		if len(dm.Locations[lf.text]) > 0 || len(dm.Locations[lf.context]) > 0 {
			return lf.code
		}
	}
	return ""
}

// locationBounds reads how each clause matched a hit, from its term
// locations.
func (r *ranker) locationBounds(dm *search.DocumentMatch) tierBounds {
	lang := hitLang(dm)
	src := locationSource{texts: dm.Locations[textFieldFor(lang)], contexts: dm.Locations[contextFieldFor(lang)]}
	return r.bounds(langOf(lang), src, dm.ID)
}

// tierBounds is what is known of a hit's tier before the typed words it
// holds are checked against its text (see inflected): the lowest and the
// highest it can be, and, when they differ, check, which reads the text.
type tierBounds struct {
	lo, hi query.Tier
	check  func() query.Tier
}

// settle returns the hit's tier, checking the words if need be.
func (b tierBounds) settle() query.Tier {
	if b.check != nil {
		return b.check()
	}
	return b.hi
}

// wordingSource says which wordings a hit's text and context hold: from
// its term locations (locationSource) or from what the search's leaves
// matched (markSource).
type wordingSource interface {
	// text and context report whether the tokens are in the hit's text
	// or context: a single word anywhere, several words in the order and
	// at the distances the query analysis gave them (a phrase).
	text(toks []token) bool
	context(toks []token) bool
	// textPrefix and contextPrefix report whether a word there starts
	// with p.
	textPrefix(p string) bool
	contextPrefix(p string) bool
	// textLocations and contextLocations are the places of a term in
	// the hit's text and context.
	textLocations(term string) search.Locations
	contextLocations(term string) search.Locations
}

// bounds reads how each clause matched a hit in language code whose
// wordings src gives. Each typed word, phrase or equivalent phrase found
// counts only if the words in the text are the ones typed or inflections
// of them (inflected), which only the text says: bounds tries both ways
// for each clause that depends on it (up to maxUnchecked of them) and
// leaves the reading to check, when the tier depends on it.
func (r *ranker) bounds(code string, src wordingSource, id string) tierBounds {
	cws := r.words[code]
	m := make([]query.Match, len(r.plan.Clauses))
	var pending []int           // clauses whose match depends on the text
	var opts [][]option         // per pending clause, its options in order
	var otherwise []query.Match // per pending clause, its match if no check holds
	for i := range r.plan.Clauses {
		if !r.plan.Positive(i) {
			continue
		}
		o := cws[i].options(src)
		m[i] = o[0].how
		if o[0].check != nil {
			pending, opts = append(pending, i), append(opts, o)
			otherwise = append(otherwise, certain(o))
		}
	}
	var runs []bool
	for _, toks := range r.runs[code] {
		runs = append(runs, len(toks) > 0 && src.text(toks))
	}
	if len(pending) == 0 {
		t := r.plan.TierIn(code, m, runs)
		return tierBounds{lo: t, hi: t}
	}
	read := func() query.Tier {
		h := &hitText{}
		if r.body != nil {
			h.body = r.body(id)
		}
		h.context = func() string {
			if r.context == nil {
				return ""
			}
			return r.context(id)
		}
		got := append([]query.Match(nil), m...)
		for k, i := range pending {
			for _, o := range opts[k] {
				if o.check == nil || o.check(h) {
					got[i] = o.how
					break
				}
			}
		}
		return r.plan.TierIn(code, got, runs)
	}
	if len(pending) > maxUnchecked || searchPaths.checkAll {
		t := read()
		return tierBounds{lo: t, hi: t}
	}
	lo := r.plan.TierIn(code, m, runs)
	hi := lo
	alt := make([]query.Match, len(m))
	for set := 1; set < 1<<len(pending); set++ {
		copy(alt, m)
		for k, i := range pending {
			if set&(1<<k) != 0 {
				alt[i] = otherwise[k]
			}
		}
		t := r.plan.TierIn(code, alt, runs)
		lo, hi = min(lo, t), max(hi, t)
	}
	if lo == hi {
		return tierBounds{lo: lo, hi: hi}
	}
	return tierBounds{lo: lo, hi: hi, check: read}
}

// maxUnchecked is the most clauses whose words bounds tries every way
// before reading the text.
const maxUnchecked = 3

// option is one way a clause may have matched a hit: how, if check
// (which reads the hit's text) holds, or surely when check is nil.
type option struct {
	how   query.Match
	check func(h *hitText) bool
}

// hitText is a candidate's text, and its context read on demand.
type hitText struct {
	body    string
	context func() string
}

// certain is the first option that needs no check: how the clause
// matched if no check holds.
func certain(opts []option) query.Match {
	for _, o := range opts {
		if o.check == nil {
			return o.how
		}
	}
	return query.Unmatched
}

// options says how a clause's wordings may have matched a hit (see
// wordingSource), best first, ending with one that needs no check. A
// typed word found in the text is the term only if the word there is an
// inflection of it (see inflected): if it is the same stem, another word
// ("governments" for "governance", "sostenere" for "sostenibilità"), it is
// not the term, nor one of its equivalents, and the other wordings
// decide. A phrase, typed or an equivalent, holds only where its words
// are, as typed or inflected, in order ("Digital Government" has the
// stems of "digital governance", not its words).
func (cw clauseWords) options(src wordingSource) []option {
	if cw.prefix != "" {
		m := query.Unmatched
		if src.textPrefix(cw.prefix) {
			m = query.Literally
		} else if src.contextPrefix(cw.prefix) {
			m = query.InContext
		}
		return []option{{how: m}}
	}
	var out []option
	vacuous := true
	for k, toks := range cw.literal {
		if len(toks) == 0 {
			continue
		}
		vacuous = false
		if !src.text(toks) {
			continue
		}
		if c := cw.wordsCheck(src, toks, k, cw.literalWords); c != nil {
			out = append(out, option{query.Literally, c})
			continue
		}
		return append(out, option{how: query.Literally})
	}
	if vacuous && !cw.known && !cw.collapsed {
		return append(out, option{how: query.Literally}) // only stop words in this language
	}
	for k, toks := range cw.expansions {
		if !src.text(toks) {
			continue
		}
		if len(toks) > 1 {
			if c := cw.wordsCheck(src, toks, k, cw.expansionWords); c != nil {
				out = append(out, option{query.ByExpansion, c})
				continue
			}
		}
		return append(out, option{how: query.ByExpansion})
	}
	for k, toks := range append(cw.literal, cw.expansions...) {
		if len(toks) == 0 || !src.context(toks) {
			continue
		}
		if k < len(cw.literal) && len(toks) == 1 && cw.typed != "" {
			// "governments" in a list item's lead-in is not "governance"
			typed, term := cw.typed, toks[0].term
			out = append(out, option{query.InContext, func(h *hitText) bool {
				return inflected(h.context(), src.contextLocations(term), typed)
			}})
			continue
		}
		return append(out, option{how: query.InContext})
	}
	if cw.stopSomewhere && !cw.known && !cw.collapsed {
		return append(out, option{how: query.Literally}) // a stop word of the other language: not a word to miss
	}
	return append(out, option{how: query.Unmatched})
}

// wordsCheck returns the check that the wording toks (the k-th of its
// kind, whose typed words are words[k]) is in the text as typed: the
// typed word's inflection for a one-word literal, each word's in order for
// a phrase; nil when there is nothing to check.
func (cw clauseWords) wordsCheck(src wordingSource, toks []token, k int, words [][]string) func(*hitText) bool {
	if len(toks) > 1 {
		if k >= len(words) || len(words[k]) != len(toks) {
			return nil
		}
		typed := words[k]
		return func(h *hitText) bool {
			locs := search.TermLocationMap{}
			for _, t := range toks {
				if _, ok := locs[t.term]; !ok {
					locs[t.term] = src.textLocations(t.term)
				}
			}
			return phraseTyped(locs, toks, typed, h.body)
		}
	}
	if cw.typed == "" {
		return nil
	}
	typed := cw.typed
	return func(h *hitText) bool { return inflected(h.body, src.textLocations(toks[0].term), typed) }
}

// locationSource reads a hit's wordings from its term locations.
type locationSource struct {
	texts, contexts search.TermLocationMap
}

func (s locationSource) text(toks []token) bool    { return hasAll(s.texts, toks) }
func (s locationSource) context(toks []token) bool { return hasAll(s.contexts, toks) }

func (s locationSource) textPrefix(p string) bool { return anyPrefixed(s.texts, p) }

func (s locationSource) contextPrefix(p string) bool { return anyPrefixed(s.contexts, p) }

func (s locationSource) textLocations(term string) search.Locations { return s.texts[term] }

func (s locationSource) contextLocations(term string) search.Locations { return s.contexts[term] }

// anyPrefixed reports whether a term of locs starts with p.
func anyPrefixed(locs search.TermLocationMap, p string) bool {
	for t := range locs {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// hasAll reports whether the tokens have locations: a single word
// anywhere, several words in the order and at the distances the query
// analysis gave them (a phrase).
func hasAll(locs search.TermLocationMap, toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	first, ok := locs[toks[0].term]
	if !ok {
		return false
	}
	if len(toks) == 1 {
		return true
	}
	for _, l := range first {
		if phraseAt(locs, toks, l.Pos) {
			return true
		}
	}
	return false
}

// phraseAt reports whether the tokens follow one another from position
// pos of the text.
func phraseAt(locs search.TermLocationMap, toks []token, pos uint64) bool {
	for _, t := range toks[1:] {
		want := pos + uint64(t.pos-toks[0].pos)
		found := false
		for _, l := range locs[t.term] {
			if l.Pos == want {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// phraseTyped reports whether the tokens follow one another somewhere in
// the text with each word found there an inflection of the word typed
// (see inflected).
func phraseTyped(locs search.TermLocationMap, toks []token, typed []string, body string) bool {
	first, ok := locs[toks[0].term]
	if !ok {
		return false
	}
	for _, l := range first {
		if !phraseAt(locs, toks, l.Pos) {
			continue
		}
		all := true
		for j, t := range toks {
			want := l.Pos + uint64(t.pos-toks[0].pos)
			var at search.Locations
			for _, x := range locs[t.term] {
				if x.Pos == want {
					at = append(at, x)
				}
			}
			if !inflected(body, at, typed[j]) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// typedWords returns the words of text as typed, lower case, one for each
// of its analysed terms.
func (b bleveQuery) typedWords(text, analyzer string) []string {
	an := b.analyzers[analyzer]
	if an == nil {
		return nil
	}
	ts := an.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.Start < 0 || t.End > len(text) || t.Start > t.End {
			return nil
		}
		out = append(out, strings.ToLower(text[t.Start:t.End]))
	}
	return out
}

// strongQuery narrows main to the passages that are not weak (see
// query.TierWeak): those matching two terms or more, or one term in their
// own text that is not common (when it is the only term, common or not).
func (r *ranker) strongQuery(main bq.Query) bq.Query {
	var all, one []bq.Query
	n := 0
	for i := range r.plan.Clauses {
		if r.plan.Positive(i) {
			n++
		}
	}
	for i, c := range r.plan.Clauses {
		if !r.plan.Positive(i) {
			continue
		}
		var per []bq.Query
		for _, lf := range langFields {
			if q := r.b.clause(c, lf, true); q != nil {
				per = append(per, q)
			}
		}
		if len(per) == 0 {
			continue
		}
		all = append(all, bq.NewDisjunctionQuery(per))
		for _, lf := range langFields {
			if n == 1 || !c.CommonIn[lf.code] {
				if q := r.b.clause(c, lf, false); q != nil {
					one = append(one, q)
				}
			}
		}
	}
	strong := one
	if len(all) >= 2 {
		two := bq.NewBooleanQuery(nil, all, nil)
		two.SetMinShould(2)
		strong = append(strong, two)
	}
	if len(strong) == 0 {
		return bq.NewMatchNoneQuery()
	}
	return bq.NewBooleanQuery([]bq.Query{main, bq.NewDisjunctionQuery(strong)}, nil, nil)
}

// str reads a stored text field.
func str(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

// strs reads a stored field with several values, which Bleve returns as a
// string when there is only one.
func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// inflected reports whether one of the places a term was found in body
// holds the typed word or an inflection of it: "cables" for "cable",
// "technologies" for "technology", "digitali" for "digitale", but not
// "governments" for "governance", which only share a stem. The word and
// the typed form must agree but for their last three letters.
func inflected(body string, locs search.Locations, typed string) bool {
	if body == "" {
		return true // nothing to compare with: trust the analyzer
	}
	tw := []rune(elide(typed))
	for _, l := range locs {
		if l.End > uint64(len(body)) || l.Start >= l.End {
			continue
		}
		sw := []rune(elide(strings.ToLower(body[l.Start:l.End])))
		n := 0
		for n < len(sw) && n < len(tw) && sw[n] == tw[n] {
			n++
		}
		if n == len(tw) || n == len(sw) || n >= len(tw)-3 && n >= 3 {
			return true
		}
	}
	return false
}

// elide drops an elided article or preposition ("l'", "dell'") from the
// front of a word, and an English possessive's 's from its end, as the
// English analyzer does ("mask's" is "mask", not "s").
func elide(w string) string {
	for _, s := range []string{"'s", "’s"} {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			w = strings.TrimSuffix(w, s)
			break
		}
	}
	if i := strings.LastIndexAny(w, "'’"); i >= 0 {
		return w[i+len(string([]rune(w[i:])[0])):]
	}
	return w
}
