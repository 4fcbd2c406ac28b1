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
	if len(branches) == 0 {
		main = query.NewMatchNoneQuery()
	} else if len(branches) == 1 {
		main = branches[0]
	} else {
		main = query.NewDisjunctionQuery(branches)
	}

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
	var qs []query.Query
	seen := map[string]bool{}
	for _, alt := range alts {
		tokens := an.Analyze([]byte(alt))
		if len(tokens) == 0 {
			continue
		}
		var q query.Query
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
		qs = append(qs, q)
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}
