package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Expander finds the equivalents of a query word or phrase in another
// language, so that a query in one language also finds passages in the
// other (the bilingual glossary of package themes is one).
type Expander interface {
	// Expand returns the wordings of term in language lang ("en", "it"),
	// not counting term itself, or nil when it knows none.
	Expand(term, lang string) []string
}

// PhraseExpander is an Expander that also knows multi-word terms: given a
// run of consecutive query words, it returns the wordings in language lang
// of the phrases among them, so that "artificial intelligence" also finds
// "AI" and "intelligenza artificiale" without quotes.
type PhraseExpander interface {
	ExpandPhrases(words, lang string) []string
}

// ThemeMatcher is an Expander that also knows the themes a query names,
// so that the passages tagged with them rank higher among the hits.
type ThemeMatcher interface {
	QueryThemes(text string) []string
}

// themeWeight is the boost of a hit tagged with a theme the query names.
const themeWeight = 0.5

// rankThemes adds to main, when the expander is a ThemeMatcher, an optional
// clause on the themes the query's words name: it finds nothing by itself
// but ranks the passages about those themes first among the hits.
func (tr translator) rankThemes(pq *parsedQuery, main query.Query) query.Query {
	tm, ok := tr.expander.(ThemeMatcher)
	if !ok {
		return main
	}
	var words []string
	for _, t := range pq.terms {
		if t.occur != occurMustNot && !t.prefix {
			words = append(words, t.text)
		}
	}
	ids := tm.QueryThemes(strings.Join(words, " "))
	if len(ids) == 0 {
		return main
	}
	tq := keywordQuery(fieldThemes, ids)
	if b, ok := tq.(query.BoostableQuery); ok {
		b.SetBoost(themeWeight)
	}
	return query.NewBooleanQuery([]query.Query{main}, []query.Query{tq}, nil)
}

// analyzerSet resolves the analyzers of the language fields.
type analyzerSet map[string]analysis.Analyzer

// translator turns a parsed query into a Bleve query.
type translator struct {
	analyzers analyzerSet
	expander  Expander // nil: no cross-language expansion
}

// branchLang is the language whose wordings an Expander is asked for when
// searching a text field; the neutral field gets no expansion.
var branchLang = map[string]string{fieldTextEN: "en", fieldTextIT: "it"}

// build returns the Bleve query for pq restricted by the filters of q. The
// words are searched in every language field with that field's analyzer:
// the query is a disjunction of one boolean query per language, so a word
// that is a stop word in one language is ignored there instead of failing
// the whole query.
func (tr translator) build(pq *parsedQuery, q Query) query.Query {
	var branches []query.Query
	for _, b := range langBranches {
		if bq := tr.branch(pq, b.field, b.analyzer); bq != nil {
			branches = append(branches, bq)
		}
	}
	var main query.Query
	if pq.listing() {
		main = tr.listing(pq)
	} else if len(branches) == 0 {
		main = query.NewMatchNoneQuery()
	} else if len(branches) == 1 {
		main = branches[0]
	} else {
		main = query.NewDisjunctionQuery(branches)
	}
	main = tr.rankThemes(pq, main)

	filters := map[string][]string{}
	for k, v := range pq.filters {
		filters[k] = append(filters[k], v...)
	}
	for k, v := range map[string]string{"lang": strings.ToLower(q.Lang), "doc": q.Doc, "theme": q.Theme} {
		if v != "" {
			filters[k] = append(filters[k], v)
		}
	}
	var must, mustNot []query.Query
	for _, name := range filterNames {
		if vs := filters[name]; len(vs) > 0 {
			must = append(must, keywordQuery(filterField(name), vs))
		}
		if vs := pq.exclude[name]; len(vs) > 0 {
			mustNot = append(mustNot, keywordQuery(filterField(name), vs))
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return main
	}
	filter := query.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		filter.AddMust(must...)
	}
	if len(mustNot) > 0 {
		filter.AddMustNot(mustNot...)
	}
	top := query.NewBooleanQuery([]query.Query{main}, nil, nil)
	top.AddFilter(filter)
	return top
}

// listing is the query of a listing (see parsedQuery.listing): every
// passage but those with an excluded word in any language.
func (tr translator) listing(pq *parsedQuery) query.Query {
	var not []query.Query
	for _, t := range pq.terms {
		for _, b := range langBranches {
			if c := tr.clause(t, b.field, tr.analyzers[b.analyzer]); c != nil {
				not = append(not, c)
			}
		}
	}
	if len(not) == 0 {
		return query.NewMatchAllQuery()
	}
	return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, not)
}

// filterField is the index field a filter applies to.
func filterField(name string) string {
	if name == "theme" {
		return fieldThemes
	}
	return name
}

// keywordQuery matches any of values in a keyword field.
func keywordQuery(field string, values []string) query.Query {
	qs := make([]query.Query, 0, len(values))
	for _, v := range values {
		tq := query.NewTermQuery(v)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// branch builds the query for one language field, or nil when no positive
// term means anything in that language.
func (tr translator) branch(pq *parsedQuery, field, analyzer string) query.Query {
	an := tr.analyzers[analyzer]
	var must, should, mustNot []query.Query
	for _, t := range pq.terms {
		c := tr.clause(t, field, an)
		if c == nil {
			continue
		}
		switch t.occur {
		case occurMust:
			must = append(must, c)
		case occurShould:
			should = append(should, c)
		case occurMustNot:
			mustNot = append(mustNot, c)
		}
	}
	if len(must) == 0 && len(should) == 0 {
		return nil
	}
	should = append(should, tr.phrases(pq, field, an)...)
	bq := query.NewBooleanQuery(nil, nil, nil)
	if len(must) > 0 {
		bq.AddMust(must...)
	}
	if len(should) > 0 {
		bq.AddShould(should...)
	}
	if len(mustNot) > 0 {
		bq.AddMustNot(mustNot...)
	}
	return bq
}

// phrases returns, when the expander is a PhraseExpander, one optional
// clause per run of two or more plain words of the query matching the
// multi-word terms it knows among them, weighted as expansions.
func (tr translator) phrases(pq *parsedQuery, field string, an analysis.Analyzer) []query.Query {
	pe, ok := tr.expander.(PhraseExpander)
	lang := branchLang[field]
	if !ok || lang == "" {
		return nil
	}
	var out []query.Query
	var run []string
	plain := translator{analyzers: tr.analyzers} // the phrases' own wordings, not expanded again
	flush := func() {
		defer func() { run = nil }()
		if len(run) < 2 {
			return
		}
		var qs []query.Query
		for _, alt := range pe.ExpandPhrases(strings.Join(run, " "), lang) {
			if c := plain.clause(queryTerm{text: alt}, field, an); c != nil {
				qs = append(qs, c)
			}
		}
		// Boosted by their number, for the reason given in clause.
		for _, q := range qs {
			if b, ok := q.(query.BoostableQuery); ok {
				b.SetBoost(expansionWeight * float64(len(qs)))
			}
		}
		switch len(qs) {
		case 0:
		case 1:
			out = append(out, qs[0])
		default:
			out = append(out, query.NewDisjunctionQuery(qs))
		}
	}
	for _, t := range pq.terms {
		if t.occur == occurShould && !t.phrase && !t.prefix {
			run = append(run, t.text)
			continue
		}
		flush()
	}
	flush()
	return out
}

// clause is the query for one term in one language field, with its
// cross-language equivalents; nil when the term has no words there (stop
// words, punctuation).
func (tr translator) clause(t queryTerm, field string, an analysis.Analyzer) query.Query {
	if t.prefix {
		pq := query.NewPrefixQuery(strings.ToLower(t.text))
		pq.SetField(field)
		return pq
	}
	alts := []string{t.text}
	if lang := branchLang[field]; tr.expander != nil && lang != "" && t.occur != occurMustNot {
		alts = append(alts, tr.expander.Expand(t.text, lang)...)
	}
	var qs []query.BoostableQuery
	var weights []float64
	seen := map[string]bool{}
	for i, alt := range alts {
		tokens := an.Analyze([]byte(alt))
		if len(tokens) == 0 {
			continue
		}
		var q query.BoostableQuery
		if len(tokens) == 1 {
			term := string(tokens[0].Term)
			if seen[term] {
				continue
			}
			seen[term] = true
			tq := query.NewTermQuery(term)
			tq.SetField(field)
			q = tq
		} else {
			mq := query.NewMatchPhraseQuery(alt)
			mq.SetField(field)
			q = mq
		}
		w := expansionWeight
		if i == 0 {
			w = 1
		}
		qs = append(qs, q)
		weights = append(weights, w)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		qs[0].SetBoost(weights[0])
		return qs[0]
	}
	// Bleve scores a disjunction by the sum of its matching clauses times
	// the share of clauses that match, which would make a word count less
	// the more equivalents it has. Boosting every clause by their number
	// undoes that: a passage matching one wording scores as if it were the
	// only one, an expansion at expansionWeight of the word as typed.
	out := make([]query.Query, len(qs))
	for i, q := range qs {
		q.SetBoost(weights[i] * float64(len(qs)))
		out[i] = q
	}
	return query.NewDisjunctionQuery(out)
}

// expansionWeight is the weight of a word's cross-language equivalents
// and synonyms relative to the word as typed: a bit lower, so that a
// passage in the query's own wording ranks first among equals, yet high
// enough that the other language's passages rank with them.
const expansionWeight = 0.8
