package team

import (
	"fmt"
	"strings"
	"unicode"

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
	// literals and equivalents are the wordings of literal and
	// expansions, each with the check a passage it is found in by its
	// stems must also pass for it to count (see wordingSQL).
	literals, equivalents []wordingSQL
	// collapsed: the clause is a quoted phrase this configuration's
	// analyzer reduces to one word or none ("AI governance" is
	// "governance" to the Italian one): it is not searched here by what
	// is left, only by its equivalents, as in the local library.
	collapsed bool
	// known: the term has glossary equivalents (in any language), so it
	// is a content word even where it is only stop words ("AI" is the
	// Italian "ai"): it must be found there too.
	known bool
}

// wordingSQL is one wording of a clause in one configuration, and what a
// passage found by its stems must also hold for the wording to be there
// as typed, as the local library reads it: a word an inflection of the
// typed one (regex, see inflectionRegexp: not "governments" for
// "governance"), or a phrase's words each as typed or inflected, in order
// (typed, see typedQuery: not "Digital Government" for "digital
// governance").
type wordingSQL struct {
	tsq   string
	regex string
	typed string
	// plain and adjacent: see normal; the typed check is skipped where
	// plain holds
	plain    string
	adjacent bool
}

// textCond is the condition that a passage p holds the wording in its
// own text.
func (w wordingSQL) textCond(a *args) string {
	cond := "p.tsv @@ " + a.tsq(inText(w.tsq))
	if w.regex != "" {
		cond += " AND p.text ~* " + a.add(w.regex)
	}
	if w.typed != "" {
		cond += " AND to_tsvector('simple', p.text) @@ " + a.tsq(w.typed)
		if w.plain != "" {
			// most passages holding a phrase hold it plainly: no need to
			// parse their text again
			shortcut := "p.tsv @@ " + a.tsq(inText(w.plain))
			if !w.adjacent {
				shortcut += " AND strpos(p.text, chr(39)) = 0 AND strpos(p.text, chr(8217)) = 0"
			}
			cond = "(" + shortcut + ") OR (" + cond + ")"
		}
	}
	return cond
}

// anyCond is the condition that a passage holds one of ws in its text
// (context false) or its list context (the context checks only a word's
// inflection: a phrase holds only in the text); the wordings without a
// check in one tsquery.
func anyCond(ws []wordingSQL, context bool, a *args) string {
	var plain, conds []string
	for _, w := range ws {
		if context {
			if w.regex == "" {
				plain = append(plain, w.tsq)
				continue
			}
			conds = append(conds, "p.tsv @@ "+a.tsq(inContext(w.tsq))+" AND p.context ~* "+a.add(w.regex))
			continue
		}
		if w.regex == "" && w.typed == "" {
			plain = append(plain, w.tsq)
			continue
		}
		conds = append(conds, w.textCond(a))
	}
	if q := or(plain...); q != "" {
		if context {
			conds = append([]string{"p.tsv @@ " + a.tsq(inContext(q))}, conds...)
		} else {
			conds = append([]string{"p.tsv @@ " + a.tsq(inText(q))}, conds...)
		}
	}
	if len(conds) == 0 {
		return ""
	}
	return "(" + strings.Join(conds, ") OR (") + ")"
}

// collapsedWording reports whether a wording of several words is reduced
// by a configuration's analyzer to one word or none (tsq being what is
// left): as a phrase it is not one of that language's.
func collapsedWording(text, tsq string) bool {
	ws, ps := lexemes(tsq)
	return len(strings.Fields(text)) > 1 && len(ws)+len(ps) < 2
}

// typedWord is a word as typed, lower case, without the punctuation
// around it ("Robert');" is "robert").
func typedWord(text string) string {
	return strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
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
	lost := false
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
			if a.Phrase && !a.Prefix && collapsedWording(a.Text, n.exact) {
				// not a phrase of this language: searching what is left
				// of it would find every passage on its one word
				if a.Literal && c.Term.Phrase {
					cs.collapsed = true
				}
				continue
			}
			if c.Term.Occur != query.MustNot && n.tsq != "" && !seen[n.tsq] {
				seen[n.tsq] = true
				tsq := n.tsq
				if c.Term.Phrase {
					tsq = inText(tsq)
				}
				sc.qs = append(sc.qs, scoreQueries(n, tsq, a.Weight, !a.Prefix && !c.Term.Phrase)...)
			}
			if (c.Term.Phrase || a.Prefix) && n.tsq != "" {
				// a quoted phrase holds only in the passage's own text;
				// a prefix is looked for there only, as the local library
				// looks for it
				n.tsq = inText(n.tsq)
			}
			w := wordingSQL{tsq: n.tsq}
			if !a.Prefix {
				w.typed, w.plain, w.adjacent = n.typed, n.plain, n.adjacent
			}
			if a.Literal {
				hasLiteral = true
				cs.rarity = n.rarity
				if typed := typedWord(a.Text); !a.Prefix && !a.Phrase && !strings.Contains(a.Text, " ") && len(n.lexemes) == 1 &&
					!strings.ContainsAny(n.tsq, "<&|") && typed != "" && !strings.HasPrefix(n.lexemes[0], inflectionPrefix(typed)) {
					// (when the stem starts with the letters an inflection
					// must share, every word of that stem is one: no
					// check, which costs a regular expression a passage)
					w.regex = inflectionRegexp(typed)
				}
				lits = append(lits, n.tsq)
				if n.tsq != "" {
					cs.literals = append(cs.literals, w)
				}
				if c.Term.Occur != query.MustNot {
					b.marks = append(b.marks, markQuery{n.exact, a.Phrase})
				}
			} else if n.tsq != "" {
				exps = append(exps, n.tsq)
				cs.equivalents = append(cs.equivalents, w)
				b.marks = append(b.marks, markQuery{n.exact, a.Phrase})
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
		cs.vacuous = hasLiteral && cs.literal == "" && !cs.collapsed
		for _, a := range c.Alts {
			if !a.Literal {
				cs.known = true
			}
		}
		for _, a := range c.Alts {
			if a.Literal && !a.Prefix && (a.Lang == "en" || a.Lang == "it") && nm[wording{cfg: cfgOf(a.Lang), text: a.Text}].tsq == "" {
				cs.stopSomewhere = true
			}
		}
		if cs.collapsed {
			cs.stopSomewhere = false
		}
		all := or(cs.literal, cs.expansions)
		switch c.Term.Occur {
		case query.Must:
			if all == "" && cs.collapsed {
				lost = true // no passage here can hold the phrase
			}
			must = append(must, all)
		case query.Should:
			should = append(should, all)
		case query.MustNot:
			// as locally, a word is excluded where the text has it, not
			// where only a list item's lead-in or heading does
			not = append(not, inText(cs.literal))
		}
	}
	for k, r := range plan.Runs {
		if r.Alt.Lang == code {
			n := nm[wording{cfg: b.cfg, text: r.Alt.Text}]
			if r.Alt.Phrase && collapsedWording(r.Alt.Text, n.exact) {
				continue
			}
			b.runs[k] = n.tsq
			b.scoring = append(b.scoring, scoreClause{qs: scoreQueries(n, n.tsq, query.RunPhraseWeight, false)})
			b.marks = append(b.marks, markQuery{n.exact, r.Alt.Phrase})
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
	b.found = b.main != "" && !lost
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
		if c.vacuous && !c.known {
			m = "3"
		} else {
			var whens []string
			if cond := anyCond(c.literals, false, a); cond != "" {
				whens = append(whens, "WHEN "+cond+" THEN 3")
			}
			if cond := anyCond(c.equivalents, false, a); cond != "" {
				whens = append(whens, "WHEN "+cond+" THEN 2")
			}
			if !plan.Clauses[i].Term.Phrase {
				// a word found in the list context only through its stem
				// ("governments" in a lead-in, for "governance") is not
				// found there either
				if cond := anyCond(append(append([]wordingSQL(nil), c.literals...), c.equivalents...), true, a); cond != "" {
					whens = append(whens, "WHEN "+cond+" THEN 1")
				}
			}
			// 4: unmatched, but only stop words in the other language (and
			// no glossary word): it counts as typed for the tier (see
			// tierSQL), not as found for the weak count
			unmatched := "0"
			if c.stopSomewhere && !c.known {
				unmatched = "4"
			}
			m = unmatched
			if len(whens) > 0 {
				m = "CASE " + strings.Join(whens, " ") + " ELSE " + unmatched + " END"
			}
		}
		ms = append(ms, m)
	}
	// r_j: how the runs of span j (the glossary terms found in the same
	// words of the query; only this branch's runs can be in its
	// passages) are in the text: 2 one as typed, 1 only another wording,
	// 0 none. That is all query.Plan.TierIn reads of them, and it keeps
	// the table of tiers small (see tierSQL).
	spans := b.runSpans(plan)
	var rs []string
	for _, sp := range spans {
		var ors []string
		for _, k := range sp.runs {
			v := "1"
			if plan.Runs[k].Alt.Literal {
				v = "2"
			}
			ors = append(ors, "(p.tsv @@ "+a.tsq(inText(b.runs[k]))+")::int * "+v)
		}
		if len(ors) == 1 {
			rs = append(rs, ors[0])
		} else {
			rs = append(rs, "greatest("+strings.Join(ors, ", ")+")")
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
	return `SELECT p.id, p.doc_id, p.lang, p.themes, p.seq, p.cfg, ` + b.tierSQL(plan, positives, spans, a) + ` AS tier, y.m, ` + flags + `
		FROM passages p
		CROSS JOIN LATERAL (SELECT ` + marr + ` AS m, ` + rarr + ` AS r) y
		WHERE ` + strings.Join(where, " AND ")
}

// runSpan is the runs of a branch over the same clauses of a query.
type runSpan struct {
	first, last int
	runs        []int // indices in plan.Runs
	literal     int   // one of them as typed, or -1
	other       int   // one of them in another wording, or -1
}

// runSpans groups the branch's runs by the clauses they cover.
func (b branch) runSpans(plan *query.Plan) []runSpan {
	var out []runSpan
	at := map[[2]int]int{}
	for k, r := range plan.Runs {
		if b.runs[k] == "" {
			continue
		}
		key := [2]int{r.First, r.Last}
		j, ok := at[key]
		if !ok {
			j = len(out)
			at[key] = j
			out = append(out, runSpan{first: r.First, last: r.Last, literal: -1, other: -1})
		}
		out[j].runs = append(out[j].runs, k)
		if r.Alt.Literal {
			out[j].literal = k
		} else {
			out[j].other = k
		}
	}
	return out
}

// maxTierTable is the largest table of tiers tierSQL passes to the
// server: one entry per way the clauses and runs can match.
const maxTierTable = 1 << 16

// tierSQL is the tier of a candidate, from how its positive clauses
// matched (y.m: 0 to 3, as query.Match; 4 counts as 3) and how it holds
// the branch's runs, span by span (y.r: 0 to 2): query.Plan.TierIn itself,
// computed in Go for every combination beforehand and passed as a table
// the candidate's combination indexes, so that both libraries rank by the
// same rules. A query too long for the table (more than 8 terms or so)
// falls back to spanTierSQL.
func (b branch) tierSQL(plan *query.Plan, positives []int, spans []runSpan, a *args) string {
	n, ns := len(positives), len(spans)
	if n == 0 {
		return "1"
	}
	size := 1 << (2*n + 2*ns)
	if size > maxTierTable {
		return b.spanTierSQL(plan, positives, spans, a)
	}
	tiers := make([]int32, size)
	m := make([]query.Match, len(plan.Clauses))
	runs := make([]bool, len(plan.Runs))
	for key := 0; key < size; key++ {
		for k, i := range positives {
			m[i] = query.Match(key >> (2 * k) & 3)
		}
		for i := range runs {
			runs[i] = false
		}
		for j, sp := range spans {
			switch key >> (2*n + 2*j) & 3 {
			case 1:
				if sp.other >= 0 {
					runs[sp.other] = true
				}
			case 2, 3:
				if sp.literal >= 0 {
					runs[sp.literal] = true
				}
			}
		}
		tiers[key] = int32(plan.TierIn(b.code, m, runs))
	}
	var terms []string
	for k := range positives {
		terms = append(terms, fmt.Sprintf("least(y.m[%d], 3) * %d", k+1, 1<<(2*k)))
	}
	for j := range spans {
		terms = append(terms, fmt.Sprintf("y.r[%d] * %d", j+1, 1<<(2*n+2*j)))
	}
	return "(" + a.add(tiers) + "::int[])[" + strings.Join(terms, " + ") + " + 1]"
}

// inflectionRegexp is the regular expression (PostgreSQL's, used
// case-insensitively) of the words of a text that count as a typed word
// or an inflection of it, as the local library's rule has it: a word
// agreeing with the typed one but for its last three letters ("cables"
// for "cable", "digitali" for "digitale", not "governments" for
// "governance"), an elided article or preposition before it ("dell'")
// left aside.
func inflectionRegexp(typed string) string {
	var b strings.Builder
	b.WriteString(`\m`)
	for _, r := range inflectionPrefix(typed) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inflectionPrefix is the letters a word must begin with to count as the
// typed word or an inflection of it (see inflectionRegexp), in lower case.
func inflectionPrefix(typed string) string {
	w := []rune(strings.ToLower(typed))
	if i := strings.LastIndexAny(string(w), "'’"); i >= 0 {
		w = []rune(string(w)[i:])[1:]
	}
	k := min(len(w), max(len(w)-3, 3))
	return string(w[:k])
}

// spanTierSQL is tierSQL for a query with too many runs for the table:
// it applies the runs to the clauses in SQL, as query.Plan.TierIn does
// (a clause of a span none of whose runs is in the text counts at most as
// matched by expansion; one whose run is, as that run matched), then
// looks the tier up in the table of the plan without its runs, which
// TierIn computes from the clauses alone. Where spans overlap, those
// that matched are applied last.
func (b branch) spanTierSQL(plan *query.Plan, positives []int, spans []runSpan, a *args) string {
	n := len(positives)
	if 2*n > 16 {
		return "1" // more than eight terms: all partial, ordered by the text score
	}
	runless := *plan
	runless.Runs = nil
	size := 1 << (2 * n)
	tiers := make([]int32, size)
	m := make([]query.Match, len(plan.Clauses))
	for key := 0; key < size; key++ {
		for k, i := range positives {
			m[i] = query.Match(key >> (2 * k) & 3)
		}
		tiers[key] = int32(runless.TierIn(b.code, m, nil))
	}
	var terms []string
	for k, i := range positives {
		e := fmt.Sprintf("least(y.m[%d], 3)", k+1)
		var unheld, held []string
		for j, sp := range spans {
			if sp.first <= i && i <= sp.last {
				unheld = append(unheld, fmt.Sprintf("y.r[%d] = 0", j+1))
				held = append(held, fmt.Sprintf("CASE y.r[%d] WHEN 2 THEN 3 WHEN 1 THEN 2 ELSE 0 END", j+1))
			}
		}
		if len(unheld) > 0 {
			e = fmt.Sprintf("greatest(CASE WHEN %s THEN least(%s, 2) ELSE %s END, %s)", strings.Join(unheld, " OR "), e, e, strings.Join(held, ", "))
		}
		terms = append(terms, fmt.Sprintf("%s * %d", e, 1<<(2*k)))
	}
	return "(" + a.add(tiers) + "::int[])[" + strings.Join(terms, " + ") + " + 1]"
}
