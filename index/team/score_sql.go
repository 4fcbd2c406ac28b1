package team

import (
	"fmt"
	"math"
	"strings"

	"attache/index/query"
)

// The text score of a candidate, within its tier, is the one the local
// library gets from Bleve, computed in SQL from the candidate's tsvector:
// Bleve's tf-idf (a word weighs idf² · √tf / √length, idf = 1 + ln(N /
// (df + 1)), the length being the number of words of the text, or of the
// list context, stop words left out), summed over a phrase's words, each
// clause made, as the local library makes it, of its wordings in the text
// and (at query.ContextWeight) in the list context with Bleve's
// coordination factors, the runs' glossary terms at query.RunPhraseWeight,
// times the theme factor. The document frequencies are those of the
// lexemes table (the text's lexemes per configuration), N the library's
// passages. ts_rank ordered a tier's hits differently (longer paragraphs
// repeating the words first, where Bleve puts the short entries that are
// about them), 0.10 of nDCG@10 under the local library on the GIMP set.

// scoreTerm is one word of a scored wording.
type scoreTerm struct {
	lexeme string
	prefix bool
	idf2   float64
}

// scoreQuery is one of the term or phrase queries a clause is scored by:
// one wording in the text (field "A") or in the list context ("D").
type scoreQuery struct {
	weight float64
	field  string
	terms  []scoreTerm
	test   string // the tsquery a wording of several words must match to score; "" for one word
}

// scoreClause is a clause's queries, or a run's one.
type scoreClause struct {
	must bool
	qs   []scoreQuery
}

// idf2 is Bleve's tf-idf weight of a word in df of total passages.
func idf2(df, total float64) float64 {
	idf := 1 + math.Log(math.Max(total, 1)/(df+1))
	return idf * idf
}

// scoreQueries are the queries of wording n (the tsquery it is matched
// by being tsq) weighing w, in the text and, with context, in the list
// context.
func scoreQueries(n normal, tsq string, w float64, context bool) []scoreQuery {
	if tsq == "" || len(n.lexemes) == 0 {
		return nil
	}
	_, prefixes := lexemes(tsq)
	terms := make([]scoreTerm, len(n.lexemes))
	for i, l := range n.lexemes {
		terms[i] = scoreTerm{lexeme: l, idf2: idf2(n.dfs[i], n.total)}
		if len(prefixes) > 0 {
			terms[i] = scoreTerm{lexeme: l, prefix: true, idf2: 1}
		}
	}
	multi := len(terms) > 1 || strings.Contains(tsq, "<")
	q := scoreQuery{weight: w, field: "A", terms: terms}
	if multi {
		q.test = inText(tsq)
	}
	out := []scoreQuery{q}
	if context {
		c := scoreQuery{weight: w * query.ContextWeight, field: "D", terms: terms}
		if multi {
			c.test = inContext(tsq)
		}
		out = append(out, c)
	}
	return out
}

// scoreColumns names the per-word counts the score reads from a
// candidate's tsvector: s.a<j> and s.d<j> the occurrences of word j in
// the text and in the context, s.la and s.ld the words of each.
type scoreColumns struct {
	index map[scoreTerm]int
	terms []scoreTerm
}

// column is the number of t's columns.
func (sc *scoreColumns) column(t scoreTerm) int {
	k := scoreTerm{lexeme: t.lexeme, prefix: t.prefix}
	if j, ok := sc.index[k]; ok {
		return j
	}
	if sc.index == nil {
		sc.index = map[scoreTerm]int{}
	}
	sc.index[k] = len(sc.terms)
	sc.terms = append(sc.terms, k)
	return len(sc.terms) - 1
}

// lateralSQL is the lateral subquery s counting, in the candidate's
// tsvector p.tsv, the words of the text and of the context and each
// column's word in both.
func (sc *scoreColumns) lateralSQL(a *args) string {
	cols := []string{"count(*) FILTER (WHERE x.w = 'A') AS la", "count(*) FILTER (WHERE x.w = 'D') AS ld"}
	for j, t := range sc.terms {
		p := a.add(t.lexeme)
		match := "u.lexeme = " + p
		if t.prefix {
			match = "starts_with(u.lexeme, " + p + ")"
		}
		cols = append(cols,
			fmt.Sprintf("count(*) FILTER (WHERE %s AND x.w = 'A') AS a%d", match, j),
			fmt.Sprintf("count(*) FILTER (WHERE %s AND x.w = 'D') AS d%d", match, j))
	}
	return `CROSS JOIN LATERAL (SELECT ` + strings.Join(cols, ", ") + `
			FROM unnest(p.tsv) u CROSS JOIN LATERAL unnest(u.weights) AS x(w)) s`
}

// textScoreSQL is the text score of a candidate of the branch (p its
// passage, s its counts): Bleve's, as the package comment says.
func (b branch) textScoreSQL(plan *query.Plan, sc *scoreColumns, a *args) string {
	var must, should, matched []string
	for _, cl := range b.scoring {
		if len(cl.qs) == 0 {
			continue
		}
		var ms, parts []string
		for _, q := range cl.qs {
			f := strings.ToLower(q.field)
			var sum []string
			var m string
			for _, t := range q.terms {
				j := sc.column(t)
				sum = append(sum, fmt.Sprintf("%g * sqrt(s.%s%d)", t.idf2, f, j))
				if m == "" {
					m = fmt.Sprintf("(s.%s%d > 0)::int", f, j)
				}
			}
			if q.test != "" {
				m = "(p.tsv @@ " + a.tsq(q.test) + ")::int"
			}
			ms = append(ms, m)
			parts = append(parts, fmt.Sprintf("%g * %s * (%s) / sqrt(greatest(s.l%s, 1))", q.weight, m, strings.Join(sum, " + "), f))
		}
		score := strings.Join(parts, " + ")
		if len(cl.qs) > 1 {
			// Bleve's disjunction: the sum times the share of its
			// queries that match, the local library boosting each by
			// their number
			score = "(" + strings.Join(ms, " + ") + ") * (" + score + ")"
		}
		if cl.must {
			must = append(must, score)
			continue
		}
		should = append(should, score)
		if len(ms) == 1 {
			matched = append(matched, ms[0])
		} else {
			matched = append(matched, "greatest("+strings.Join(ms, ", ")+")")
		}
	}
	var parts []string
	parts = append(parts, must...)
	if len(should) > 0 {
		// the optional clauses' disjunction: times the share that match
		parts = append(parts, fmt.Sprintf("(%s) * (%s) / %d.0", strings.Join(should, " + "), strings.Join(matched, " + "), len(should)))
	}
	score := "0::float8"
	if len(parts) > 0 {
		score = "(" + strings.Join(parts, " + ") + ")::float8"
	}
	if len(plan.Themes) > 0 {
		score = fmt.Sprintf("%s * CASE WHEN p.themes && %s::text[] THEN %g ELSE 1 END", score, a.add(plan.Themes), 1+query.ThemeBoost)
	}
	return score
}
