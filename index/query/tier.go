package query

// Match says how one clause of a plan matched a hit.
type Match int

const (
	// Unmatched: the hit does not have the clause's term.
	Unmatched Match = iota
	// InContext: only the list item's lead-in or heading has it.
	InContext
	// ByExpansion: the hit's text has one of the term's equivalents.
	ByExpansion
	// Literally: the hit's text has the term as typed.
	Literally
)

// Tier is a hit's rank class: a hit of a higher tier ranks above every hit
// of a lower one, whatever their text scores.
type Tier int

const (
	// TierNone: a required term (a quoted phrase, a +word) is not in the
	// hit as typed, only words that share its stems: no hit at all.
	TierNone Tier = iota - 1
	// TierWeak: one common word of several, nothing of the rest; one
	// term found only in a list item's context; or none of the terms,
	// only words that share their stems.
	TierWeak
	// TierPartial: some of the terms.
	TierPartial
	// TierCovered: every term, some only through equivalents or context.
	TierCovered
	// TierLiteral: every term as typed, in the passage's own text.
	TierLiteral
)

// Tier returns the tier of a hit whose clauses matched as m says (m[i] for
// Clauses[i]; excluded clauses are ignored). runs[k] true says Runs[k]
// matched: it covers the clauses of its run by expansion.
func (p *Plan) Tier(m []Match, runs []bool) Tier { return p.TierIn("", m, runs) }

// TierIn is Tier for a hit in language lang: a clause it matched counts
// as common when it is common in that language (Clause.CommonIn), or, with
// lang empty, where it is commonest (Common).
func (p *Plan) TierIn(lang string, m []Match, runs []bool) Tier {
	got := make([]Match, len(m))
	copy(got, m)
	// A run's words found scattered, not as the term they make, count at
	// most as an expansion; the term as typed, literally; one of its
	// other wordings, as an expansion.
	held := map[[2]int]Match{}
	for k, r := range p.Runs {
		span := [2]int{r.First, r.Last}
		if _, ok := held[span]; !ok {
			held[span] = Unmatched
		}
		if k < len(runs) && runs[k] {
			if r.Alt.Literal {
				held[span] = Literally
			} else {
				held[span] = max(held[span], ByExpansion)
			}
		}
	}
	// Where spans overlap ("artificial intelligence" and "intelligence
	// governance"), the spans held are applied after those not held, so
	// that a clause one of its terms holds counts as that term matched,
	// whatever the order of the map (the team library's SQL applies them
	// so too).
	for _, heldPass := range []bool{false, true} {
		for span, how := range held {
			if (how != Unmatched) != heldPass {
				continue
			}
			for i := span[0]; i <= span[1] && i < len(got); i++ {
				if how == Unmatched {
					got[i] = min(got[i], ByExpansion)
				} else {
					got[i] = max(got[i], how)
				}
			}
		}
	}
	n, matched, literal, common, context := 0, 0, 0, false, false
	for i, c := range p.Clauses {
		if !p.Positive(i) || i >= len(got) {
			continue
		}
		n++
		if got[i] == Unmatched {
			if c.Term.Occur == Must {
				return TierNone
			}
			continue
		}
		matched++
		common = c.Common
		if c.CommonIn != nil && lang != "" {
			common = c.CommonIn[lang]
		}
		context = got[i] == InContext
		if got[i] == Literally {
			literal++
		}
	}
	switch {
	case n > 0 && literal == n:
		return TierLiteral
	case matched == n && !(n == 1 && context):
		return TierCovered
	case matched == 0:
		return TierWeak // only words sharing a stem with the query's
	case matched == 1 && (context || n >= 2 && common):
		return TierWeak
	}
	return TierPartial
}

// ThemeFactor is the factor of a hit's text score for its themes: 1 +
// ThemeBoost when it is tagged with a theme the query names, else 1. It
// only reorders hits within a tier.
func (p *Plan) ThemeFactor(themes []string) float64 {
	for _, t := range themes {
		for _, q := range p.Themes {
			if t == q {
				return 1 + ThemeBoost
			}
		}
	}
	return 1
}
