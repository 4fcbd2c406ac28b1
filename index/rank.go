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
	// context returns a candidate's context (PassageContext), read only
	// when a word of the query was found there, or "" when it cannot be.
	context func(id string) string
	// dropped counts the hits rank left out: Bleve matched them, but a
	// required term (a quoted phrase, a +word) is not in them as typed,
	// only words sharing its stems.
	dropped int
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
	// typedWords are, for each literal wording of several words, the
	// words as typed, lower case, one per token (a phrase's words).
	typedWords [][]string
	// expansionWords are the same for the expansions.
	expansionWords [][]string
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
					var words []string
					if len(toks) > 1 {
						words = b.typedWords(a.Text, lf.analyzer)
					}
					cws[i].literal = append(cws[i].literal, toks)
					cws[i].typedWords = append(cws[i].typedWords, words)
				} else if len(toks) > 0 {
					var words []string
					if len(toks) > 1 {
						words = b.typedWords(a.Text, lf.analyzer)
					}
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
// Bleve's order breaks ties.
func (r *ranker) rank(dms search.DocumentMatchCollection, themed map[string]bool) []ranked {
	out := make([]ranked, 0, len(dms))
	for _, dm := range dms {
		f := 1.0
		if themed[dm.ID] {
			f = 1 + query.ThemeBoost
		}
		tier, held := r.tier(dm)
		if !held {
			r.dropped++
			continue
		}
		out = append(out, ranked{dm: dm, tier: tier, score: dm.Score * f})
	}
	sortRanked(out)
	return out
}

// sortRanked orders hits by tier, then score, stably.
func sortRanked(out []ranked) {
	slices.SortStableFunc(out, func(a, b ranked) int {
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
	})
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

// tier reads how each clause matched a hit, and whether the hit holds
// every required clause.
func (r *ranker) tier(dm *search.DocumentMatch) (query.Tier, bool) {
	lang := hitLang(dm)
	code := langOf(lang)
	text := dm.Locations[textFieldFor(lang)]
	ctx := dm.Locations[contextFieldFor(lang)]
	cws := r.words[code]
	body := ""
	if r.body != nil {
		body = r.body(dm.ID)
	}
	m := make([]query.Match, len(r.plan.Clauses))
	context := func() string { return "" }
	if r.context != nil && len(ctx) > 0 {
		read, c := false, ""
		context = func() string {
			if !read {
				read, c = true, r.context(dm.ID)
			}
			return c
		}
	}
	for i := range r.plan.Clauses {
		if !r.plan.Positive(i) {
			continue
		}
		m[i] = cws[i].match(text, ctx, body, context)
	}
	var runs []bool
	for _, toks := range r.runs[code] {
		runs = append(runs, len(toks) > 0 && hasAll(text, toks))
	}
	held := true
	for i, c := range r.plan.Clauses {
		if c.Term.Occur == query.Must && m[i] == query.Unmatched {
			held = false
		}
	}
	return r.plan.TierIn(code, m, runs), held
}

// match says how a clause's wordings matched a text and its context.
func (cw clauseWords) match(text, ctx search.TermLocationMap, body string, context func() string) query.Match {
	if cw.prefix != "" {
		for t := range text {
			if strings.HasPrefix(t, cw.prefix) {
				return query.Literally
			}
		}
		for t := range ctx {
			if strings.HasPrefix(t, cw.prefix) {
				return query.InContext
			}
		}
		return query.Unmatched
	}
	vacuous := true
	for k, toks := range cw.literal {
		if len(toks) > 0 {
			vacuous = false
			if len(toks) > 1 && k < len(cw.typedWords) && len(cw.typedWords[k]) == len(toks) {
				// A phrase: its words as typed, or inflections of them, in
				// order ("Digital Government" has the stems of "digital
				// governance", not its words).
				if phraseTyped(text, toks, cw.typedWords[k], body) {
					return query.Literally
				}
				continue
			}
			if hasAll(text, toks) {
				if cw.typed != "" && !inflected(body, text[toks[0].term], cw.typed) {
					// The same stem, another word ("governments" for
					// "governance", "sostenere" for "sostenibilità"):
					// not the term, nor one of its equivalents.
					continue
				}
				return query.Literally
			}
		}
	}
	if vacuous && !cw.known && !cw.collapsed {
		return query.Literally // only stop words in this language
	}
	for k, toks := range cw.expansions {
		if k < len(cw.expansionWords) && len(toks) > 1 && len(cw.expansionWords[k]) == len(toks) {
			if phraseTyped(text, toks, cw.expansionWords[k], body) {
				return query.ByExpansion
			}
			continue
		}
		if hasAll(text, toks) {
			return query.ByExpansion
		}
	}
	for k, toks := range append(cw.literal, cw.expansions...) {
		if len(toks) > 0 && hasAll(ctx, toks) {
			if k < len(cw.literal) && len(toks) == 1 && cw.typed != "" && !inflected(context(), ctx[toks[0].term], cw.typed) {
				continue // "governments" in the lead-in, for "governance"
			}
			return query.InContext
		}
	}
	if cw.stopSomewhere && !cw.known && !cw.collapsed {
		return query.Literally // a stop word of the other language: not a word to miss
	}
	return query.Unmatched
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
// front of a word.
func elide(w string) string {
	if i := strings.LastIndexAny(w, "'’"); i >= 0 {
		return w[i+len(string([]rune(w[i:])[0])):]
	}
	return w
}
