package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"attache/index/query"
)

// Expander finds the equivalents of a query word in another language, so
// that a query in one language also finds passages in the other (the
// bilingual glossary of package themes is one). An Expander that is also a
// query.PhraseExpander gives quoted phrases their whole-phrase equivalents,
// and one that is a query.ThemeMatcher names the query's themes.
type Expander = query.Expander

// QueryError is a query that cannot be understood (see query.Error).
type QueryError = query.Error

// analyzerSet resolves the analyzers of the language fields.
type analyzerSet map[string]analysis.Analyzer

// planLangs are the language fields a plan is made for: English and
// Italian expand through the glossary, the neutral field does not.
var planLangs = []query.Lang{{Code: "en", Expand: true}, {Code: "it", Expand: true}, {Code: "xx"}}

// langField is one language's fields and analyzer.
type langField struct {
	code, text, context, analyzer string
}

// langFields lists the language fields a query searches.
var langFields = []langField{
	{"en", fieldTextEN, fieldContextEN, analyzerEnglish},
	{"it", fieldTextIT, fieldContextIT, analyzerItalian},
	{"xx", fieldTextXX, fieldContextXX, analyzerNeutral},
}

// langOf returns the plan language code of a passage's language.
func langOf(lang string) string {
	if lang == "en" || lang == "it" {
		return lang
	}
	return "xx"
}

// bleveQuery builds the Bleve query of a plan: one boolean query per
// language field (so a word that is a stop word in one language is ignored
// there instead of failing the whole query), ORed, under the plan's
// filters.
type bleveQuery struct {
	analyzers analyzerSet
	// track, when set, wraps every leaf of the positive clauses and runs
	// that build makes so that the search marks what each one matches
	// (see matchTracker).
	track *matchTracker
	// analysed, when set, keeps each text's analysis by analyzer: a
	// search analyses every wording several times (keys, queries,
	// leaves, the ranker's words).
	analysed map[[2]string][]token
}

// build returns the Bleve query for a plan.
func (b bleveQuery) build(p *query.Plan) bq.Query {
	var main bq.Query
	if p.Listing {
		main = b.listing(p)
	} else {
		var branches []bq.Query
		for _, lf := range langFields {
			if q := b.branch(p, lf); q != nil {
				branches = append(branches, q)
			}
		}
		switch len(branches) {
		case 0:
			main = bq.NewMatchNoneQuery()
		case 1:
			main = branches[0]
		default:
			main = bq.NewDisjunctionQuery(branches)
		}
		main = flatten(main)
	}
	return b.filtered(p, main, "")
}

// filtered puts main under the plan's filters, all but the filter named
// skip (for a facet counted under the other filters).
func (b bleveQuery) filtered(p *query.Plan, main bq.Query, skip string) bq.Query {
	var must, mustNot []bq.Query
	for _, name := range query.FilterNames {
		if name == skip {
			continue
		}
		if vs := p.Filters[name]; len(vs) > 0 {
			must = append(must, keywordQuery(filterField(name), vs))
		}
		if vs := p.Exclude[name]; len(vs) > 0 {
			mustNot = append(mustNot, keywordQuery(filterField(name), vs))
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return main
	}
	filter := bq.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		filter.AddMust(must...)
	}
	if len(mustNot) > 0 {
		filter.AddMustNot(mustNot...)
	}
	top := bq.NewBooleanQuery([]bq.Query{main}, nil, nil)
	top.AddFilter(filter)
	return top
}

// listing is the query of a listing: every passage but those with an
// excluded word in any language.
func (b bleveQuery) listing(p *query.Plan) bq.Query {
	var not []bq.Query
	for i := range p.Clauses {
		for _, lf := range langFields {
			if c := b.clause(p.Clauses[i], lf, false); c != nil {
				not = append(not, c)
			}
		}
	}
	if len(not) == 0 {
		return bq.NewMatchAllQuery()
	}
	return bq.NewBooleanQuery([]bq.Query{bq.NewMatchAllQuery()}, nil, not)
}

// filterField is the index field a filter applies to.
func filterField(name string) string {
	if name == "theme" {
		return fieldThemes
	}
	return name
}

// keywordQuery matches any of values in a keyword field.
func keywordQuery(field string, values []string) bq.Query {
	qs := make([]bq.Query, 0, len(values))
	for _, v := range values {
		tq := bq.NewTermQuery(v)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bq.NewDisjunctionQuery(qs)
}

// branch builds the query for one language field, or nil when no positive
// term means anything in that language.
func (b bleveQuery) branch(p *query.Plan, lf langField) bq.Query {
	var must, should, mustNot []bq.Query
	for i, c := range p.Clauses {
		if b.track != nil {
			b.track.clause, b.track.run = i, -1
		}
		q := b.clause(c, lf, c.Term.Occur != query.MustNot)
		if q == nil {
			if c.Term.Occur == query.Must && b.collapsed(c, lf.analyzer) {
				return nil // no passage in this language can hold the phrase
			}
			continue
		}
		switch c.Term.Occur {
		case query.Must:
			must = append(must, q)
		case query.Should:
			should = append(should, q)
		case query.MustNot:
			mustNot = append(mustNot, q)
		}
	}
	if len(must) == 0 && len(should) == 0 {
		return nil
	}
	for k, r := range p.Runs {
		if r.Alt.Lang != lf.code {
			continue
		}
		if q := b.alt(r.Alt, lf.text, lf.analyzer); q != nil {
			q.SetBoost(r.Alt.Weight)
			if b.track != nil {
				b.track.clause, b.track.run = -1, k
				should = append(should, b.track.wrap(q, lf.code, false, r.Alt, b.positioned(r.Alt.Text, lf.analyzer)))
				continue
			}
			should = append(should, q)
		}
	}
	q := bq.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		q.AddMust(must...)
	}
	if len(should) > 0 {
		q.AddShould(should...)
	}
	if len(mustNot) > 0 {
		q.AddMustNot(mustNot...)
	}
	return q
}

// clause is the query for one clause in one language field: any of its
// alternatives in that language, in the passage's text and, at
// query.ContextWeight, in its context (a list item's lead-in and heading,
// only when withContext); nil when the clause has no words there (stop
// words, punctuation).
func (b bleveQuery) clause(c query.Clause, lf langField, withContext bool) bq.Query {
	type weighted struct {
		q       bq.BoostableQuery
		w       float64
		a       query.Alt
		context bool
	}
	var qs []weighted
	seen := map[string]bool{}
	for _, a := range c.Alts {
		if a.Lang != lf.code {
			continue
		}
		k := strings.Join(b.tokens(a.Text, lf.analyzer), " ")
		if a.Prefix {
			k = "*" + strings.ToLower(a.Text)
		}
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if q := b.alt(a, lf.text, lf.analyzer); q != nil {
			qs = append(qs, weighted{q, a.Weight, a, false})
		}
		// A phrase holds only in the passage's own text (the phrase
		// contract); words and their equivalents also in its context.
		if withContext && !a.Prefix && !c.Term.Phrase {
			if q := b.alt(a, lf.context, lf.analyzer); q != nil {
				qs = append(qs, weighted{q, a.Weight * query.ContextWeight, a, true})
			}
		}
	}
	// leaf is a wording's query, tracked when the search follows its
	// leaves (positive clauses only: nothing matches an excluded one).
	leaf := func(w weighted) bq.Query {
		if b.track == nil || c.Term.Occur == query.MustNot {
			return w.q
		}
		var toks []token
		if !w.a.Prefix {
			toks = b.positioned(w.a.Text, lf.analyzer)
		}
		return b.track.wrap(w.q, lf.code, w.context, w.a, toks)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		qs[0].q.SetBoost(qs[0].w)
		return leaf(qs[0])
	}
	// Bleve scores a disjunction by the sum of its matching clauses times
	// the share of clauses that match, which would make a term count less
	// the more equivalents it has. Boosting every clause by their number
	// undoes that: a passage matching one wording scores as if it were the
	// only one, weighted as the plan says.
	out := make([]bq.Query, len(qs))
	for i, q := range qs {
		q.q.SetBoost(q.w * float64(len(qs)))
		out[i] = leaf(q)
	}
	return bq.NewDisjunctionQuery(out)
}

// collapsed reports whether a clause is a quoted phrase whose words this
// language's analyzer reduces to one or none, dropping the others as its
// stop words: "AI governance" is "governance" to the Italian analyzer, for
// which "ai" means "to the". The phrase is not one of this language's:
// searching its remains there would find every passage on governance.
func (b bleveQuery) collapsed(c query.Clause, analyzer string) bool {
	return c.Term.Phrase && len(strings.Fields(c.Term.Text)) > 1 && len(b.tokens(c.Term.Text, analyzer)) < 2
}

// alt is the query for one alternative in one field, or nil when it has no
// words in that field's language.
func (b bleveQuery) alt(a query.Alt, field, analyzer string) bq.BoostableQuery {
	if a.Prefix {
		pq := bq.NewPrefixQuery(strings.ToLower(a.Text))
		pq.SetField(field)
		return pq
	}
	tokens := b.tokens(a.Text, analyzer)
	if a.Phrase && len(tokens) < 2 && len(strings.Fields(a.Text)) > 1 {
		return nil // see collapsed
	}
	switch len(tokens) {
	case 0:
		return nil
	case 1:
		tq := bq.NewTermQuery(tokens[0])
		tq.SetField(field)
		return tq
	}
	mq := bq.NewMatchPhraseQuery(a.Text)
	mq.SetField(field)
	mq.Analyzer = analyzer
	return mq
}

// tokens returns the analysed terms of text.
func (b bleveQuery) tokens(text, analyzer string) []string {
	toks := b.positioned(text, analyzer)
	if toks == nil {
		return nil
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.term
	}
	return out
}

// token is an analysed term and its position in the text analysed.
type token struct {
	term string
	pos  int
}

// positioned returns the analysed terms of text with their positions.
// The slice may be shared (see analysed): callers do not change it.
func (b bleveQuery) positioned(text, analyzer string) []token {
	k := [2]string{text, analyzer}
	if toks, ok := b.analysed[k]; ok {
		return toks
	}
	an := b.analyzers[analyzer]
	if an == nil {
		return nil
	}
	ts := an.Analyze([]byte(text))
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		out = append(out, token{string(t.Term), t.Position})
	}
	if b.analysed != nil {
		b.analysed[k] = out
	}
	return out
}
