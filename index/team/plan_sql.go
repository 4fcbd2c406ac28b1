package team

import (
	"fmt"
	"strings"

	"attache/index/query"
)

// clauseSQL is one clause of a plan in one configuration, as tsqueries
// (canonical text; "" for none).
type clauseSQL struct {
	literal    string  // the term as typed
	expansions string  // its equivalents
	expWeight  float64 // the weight of the best of them
	rarity     float64 // of the literal wording
	vacuous    bool    // the literal is only stop words here: it counts as matched
	// stopSomewhere: the literal is only stop words in English or
	// Italian, so a passage lacking it still has it "literally" (as the
	// local library ranks "per" or "with" in a query of the other
	// language).
	stopSomewhere bool
}

// branch is a plan translated for the passages of one configuration.
type branch struct {
	cfg     string
	code    string
	clauses []clauseSQL
	runs    []string // per plan run: its wording's tsquery, or ""
	main    string   // what a passage must match; "" with listing means all
	not     string   // what no passage may match
	found   bool     // the branch can find anything at all
	marks   []markQuery
	scoring []scoreClause // how its candidates' text is scored (see textScoreSQL)
}

// markQuery is a positive wording's tsquery, for highlighting: a phrase's
// words are marked only where they stand together.
type markQuery struct {
	tsq    string
	phrase bool
}

// newBranch translates plan for configuration cfg (language code code),
// with the wordings' normal forms from nm.
func newBranch(plan *query.Plan, code string, nm map[wording]normal) branch {
	b := branch{cfg: cfgOf(code), code: code, clauses: make([]clauseSQL, len(plan.Clauses)), runs: make([]string, len(plan.Runs))}
	var must, should, not []string
	for i, c := range plan.Clauses {
		cs := &b.clauses[i]
		var lits, exps []string
		hasLiteral := false
		sc := scoreClause{must: c.Term.Occur == query.Must}
		seen := map[string]bool{}
		for _, a := range c.Alts {
			if a.Lang != code {
				continue
			}
			n := nm[wording{cfg: b.cfg, text: a.Text, prefix: a.Prefix}]
			if c.Term.Occur != query.MustNot && n.tsq != "" && !seen[n.tsq] {
				seen[n.tsq] = true
				tsq := n.tsq
				if c.Term.Phrase {
					tsq = inText(tsq)
				}
				sc.qs = append(sc.qs, scoreQueries(n, tsq, a.Weight, !a.Prefix && !c.Term.Phrase)...)
			}
			if c.Term.Phrase && n.tsq != "" {
				// a quoted phrase holds only in the passage's own text
				n.tsq = inText(n.tsq)
			}
			if a.Literal {
				hasLiteral = true
				cs.rarity = n.rarity
				lits = append(lits, n.tsq)
				if c.Term.Occur != query.MustNot {
					b.marks = append(b.marks, markQuery{n.tsq, a.Phrase})
				}
			} else if n.tsq != "" {
				exps = append(exps, n.tsq)
				b.marks = append(b.marks, markQuery{n.tsq, a.Phrase})
				cs.expWeight = max(cs.expWeight, a.Weight)
			}
		}
		if c.Term.Occur != query.MustNot {
			b.scoring = append(b.scoring, sc)
		}
		cs.literal, cs.expansions = or(lits...), or(exps...)
		if cs.rarity == 0 {
			cs.rarity = 1
		}
		cs.vacuous = hasLiteral && cs.literal == ""
		for _, a := range c.Alts {
			if a.Literal && !a.Prefix && (a.Lang == "en" || a.Lang == "it") && nm[wording{cfg: cfgOf(a.Lang), text: a.Text}].tsq == "" {
				cs.stopSomewhere = true
			}
		}
		all := or(cs.literal, cs.expansions)
		switch c.Term.Occur {
		case query.Must:
			must = append(must, all)
		case query.Should:
			should = append(should, all)
		case query.MustNot:
			not = append(not, cs.literal)
		}
	}
	for k, r := range plan.Runs {
		if r.Alt.Lang == code {
			n := nm[wording{cfg: b.cfg, text: r.Alt.Text}]
			b.runs[k] = n.tsq
			b.scoring = append(b.scoring, scoreClause{qs: scoreQueries(n, n.tsq, query.RunPhraseWeight, false)})
			b.marks = append(b.marks, markQuery{b.runs[k], r.Alt.Phrase})
			should = append(should, b.runs[k])
		}
	}
	b.not = or(not...)
	if plan.Listing {
		b.found = true
		return b
	}
	if m := and(must...); m != "" {
		b.main = m
	} else {
		b.main = or(should...)
	}
	b.found = b.main != ""
	return b
}

// args collects the parameters of a statement and names them $1, $2…
type args struct{ values []any }

// add appends a value and returns its placeholder.
func (a *args) add(v any) string {
	a.values = append(a.values, v)
	return fmt.Sprintf("$%d", len(a.values))
}

// tsq appends a tsquery (canonical text) and returns its placeholder,
// cast.
func (a *args) tsq(q string) string { return a.add(q) + "::tsquery" }

// sql is the SELECT of the branch's candidates: every passage of its
// configuration matching main and not not, with each positive clause's
// match (3 literally, 2 by expansion, 1 in the list context only, 0 not),
// the tier those give (mirroring query.Plan.Tier) and the text score.
func (b branch) sql(plan *query.Plan, a *args, flags string) string {
	var where []string
	where = append(where, "p.cfg = "+a.add(b.cfg)+"::regconfig")
	if b.main != "" {
		where = append(where, "p.tsv @@ "+a.tsq(b.main))
	}
	if b.not != "" {
		where = append(where, "NOT p.tsv @@ "+a.tsq(b.not))
	}
	if plan.Listing {
		return `SELECT p.id, p.doc_id, p.lang, p.themes, p.seq, p.cfg, 3 AS tier, '{}'::int[] AS m, ` + flags + `
			FROM passages p WHERE ` + strings.Join(where, " AND ")
	}
	// m_i: how clause i matched: in the text (weight A), or in the list
	// context only.
	var ms []string
	var positives []int
	for i := range plan.Clauses {
		if !plan.Positive(i) {
			continue
		}
		positives = append(positives, i)
		c := b.clauses[i]
		var m string
		if c.vacuous {
			m = "3"
		} else {
			var whens []string
			if c.literal != "" {
				whens = append(whens, "WHEN p.tsv @@ "+a.tsq(inText(c.literal))+" THEN 3")
			}
			if c.expansions != "" {
				whens = append(whens, "WHEN p.tsv @@ "+a.tsq(inText(c.expansions))+" THEN 2")
			}
			if all := or(c.literal, c.expansions); all != "" {
				whens = append(whens, "WHEN p.tsv @@ "+a.tsq(all)+" THEN 1")
			}
			unmatched := "0"
			if c.stopSomewhere {
				unmatched = "3"
			}
			m = unmatched
			if len(whens) > 0 {
				m = "CASE " + strings.Join(whens, " ") + " ELSE " + unmatched + " END"
			}
		}
		ms = append(ms, m)
	}
	// r_k: whether run k's wording is in the text (only this branch's
	// runs can be).
	var rs []string
	var branchRuns []int
	for k := range plan.Runs {
		if b.runs[k] != "" {
			branchRuns = append(branchRuns, k)
			rs = append(rs, "(p.tsv @@ "+a.tsq(inText(b.runs[k]))+")::int")
		}
	}
	marr := "'{}'::int[]"
	if len(ms) > 0 {
		marr = "ARRAY[" + strings.Join(ms, ", ") + "]"
	}
	rarr := "'{}'::int[]"
	if len(rs) > 0 {
		rarr = "ARRAY[" + strings.Join(rs, ", ") + "]"
	}
	return `SELECT p.id, p.doc_id, p.lang, p.themes, p.seq, p.cfg, ` + b.tierSQL(plan, positives, branchRuns, a) + ` AS tier, y.m, ` + flags + `
		FROM passages p
		CROSS JOIN LATERAL (SELECT ` + marr + ` AS m, ` + rarr + ` AS r) y
		WHERE ` + strings.Join(where, " AND ")
}

// maxTierTable is the largest table of tiers tierSQL passes to the
// server: one entry per way the clauses and runs can match.
const maxTierTable = 1 << 14

// tierSQL is the tier of a candidate, from how its positive clauses
// matched (y.m: 0 to 3, as query.Match) and which of the branch's runs it
// holds (y.r): query.Plan.Tier itself, computed in Go for every
// combination beforehand and passed as a table the candidate's
// combination indexes, so that both libraries rank by the same rules.
// A query too long for the table (more than 7 terms or so) falls back to
// tierMirror.
func (b branch) tierSQL(plan *query.Plan, positives, branchRuns []int, a *args) string {
	n, nr := len(positives), len(branchRuns)
	if n == 0 {
		return "1"
	}
	size := 1 << (2*n + nr)
	if size > maxTierTable {
		return tierMirror(plan, positives)
	}
	tiers := make([]int32, size)
	m := make([]query.Match, len(plan.Clauses))
	runs := make([]bool, len(plan.Runs))
	for key := 0; key < size; key++ {
		for k, i := range positives {
			m[i] = query.Match(key >> (2 * k) & 3)
		}
		for k, r := range branchRuns {
			runs[r] = key>>(2*n+k)&1 == 1
		}
		tiers[key] = int32(plan.Tier(m, runs))
	}
	var terms []string
	for k := range positives {
		terms = append(terms, fmt.Sprintf("y.m[%d] * %d", k+1, 1<<(2*k)))
	}
	for k := range branchRuns {
		terms = append(terms, fmt.Sprintf("y.r[%d] * %d", k+1, 1<<(2*n+k)))
	}
	return "(" + a.add(tiers) + "::int[])[" + strings.Join(terms, " + ") + " + 1]"
}

// tierMirror approximates query.Plan.Tier in SQL over the match array
// y.m of the positive clauses, for queries too long for tierSQL's table:
// 3 every clause literally, 2 every clause somehow, 0 one common clause of
// several alone, 1 otherwise (runs left out).
func tierMirror(plan *query.Plan, positives []int) string {
	n := len(positives)
	if n == 0 {
		return "1"
	}
	var matched, literal, weak []string
	for k, i := range positives {
		matched = append(matched, fmt.Sprintf("(y.m[%d] > 0)::int", k+1))
		literal = append(literal, fmt.Sprintf("(y.m[%d] = 3)::int", k+1))
		if plan.Clauses[i].Common {
			weak = append(weak, fmt.Sprintf("y.m[%d] > 0", k+1))
		}
	}
	weakCase := ""
	if n >= 2 && len(weak) > 0 {
		weakCase = fmt.Sprintf(" WHEN %s = 1 AND (%s) THEN 0", strings.Join(matched, " + "), strings.Join(weak, " OR "))
	}
	return fmt.Sprintf("CASE WHEN %s = %d THEN 3 WHEN %s = %d THEN 2%s ELSE 1 END",
		strings.Join(literal, " + "), n, strings.Join(matched, " + "), n, weakCase)
}
