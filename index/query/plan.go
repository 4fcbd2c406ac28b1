package query

import (
	"strings"
)

// Weights of the alternatives of a clause, relative to the term as typed.
const (
	// ExpansionWeight is the most a word's glossary equivalent weighs, for
	// the rarest wording; Options.Rarity scales it down for common ones.
	ExpansionWeight = 0.7
	// PhraseEquivalentWeight is the weight of a whole-phrase equivalent of
	// a quoted phrase in the other language: a faithful translation.
	PhraseEquivalentWeight = 0.9
	// RunPhraseWeight is the weight of a glossary term found in a run of
	// plain words.
	RunPhraseWeight = 0.8
	// ContextWeight is how much a match in a list item's lead-in sentence
	// and section heading counts against a match in its own text.
	ContextWeight = 0.3
	// CommonRarity is the rarity under which a word is common: a hit
	// matching one common word of several is weak.
	CommonRarity = 0.45
	// ThemeBoost is how much more a hit tagged with a theme the query names
	// scores within its tier (see ThemeFactor).
	ThemeBoost = 0.15
)

// Expander finds the equivalents of a query word in another language (the
// bilingual glossary of package themes is one).
type Expander interface {
	// Expand returns the wordings of a word in language lang ("en", "it"):
	// its translations and synonyms, not the word itself; nil when none.
	Expand(term, lang string) []string
}

// PhraseExpander is an Expander that knows multi-word terms as wholes.
type PhraseExpander interface {
	// Equivalents returns the wordings in lang of the glossary entries
	// that are exactly the whole of phrase, read in another language, and
	// with synonyms also in lang itself; nil when no entry is the phrase.
	Equivalents(phrase, lang string, synonyms bool) []string
	// IsTerm reports whether phrase is the whole of a multi-word glossary
	// term, in either language.
	IsTerm(phrase string) bool
}

// ThemeMatcher is an Expander that also knows the themes a query names.
type ThemeMatcher interface {
	QueryThemes(text string) []string
}

// Lang is one language field an engine searches.
type Lang struct {
	// Code is the language code ("en", "it"), or any other code for a
	// neutral field without stemming (the engine's choice).
	Code string
	// Expand is true when glossary equivalents are looked up in it.
	Expand bool
}

// Options says what a plan is made for.
type Options struct {
	// Langs are the language fields to search.
	Langs []Lang
	// Expander gives cross-language equivalents; nil for none (the
	// same-language mode).
	Expander Expander
	// Rarity, if set, returns how specific a wording is in the library's
	// passages of a language, from 0 (in every passage) to 1 (in one or
	// none), for instance an inverse document frequency scaled by its
	// largest value. Nil treats every wording as rare.
	Rarity func(lang, text string) float64
}

// Plan is what to search for, engine-neutral: see the package doc.
type Plan struct {
	// Listing is true when the query has no words to search for, only
	// filters (and perhaps words to exclude).
	Listing bool
	// Clauses are the query's terms with their alternatives, in the order
	// typed.
	Clauses []Clause
	// Runs are the optional glossary terms found in runs of plain words.
	Runs []RunPhrase
	// Filters and Exclude are the query's filters (see Query).
	Filters map[string][]string
	Exclude map[string][]string
	// Themes are the themes the query's words name (see ThemeFactor).
	Themes []string
}

// Clause is one term of the query and the wordings that satisfy it.
type Clause struct {
	Term Term
	// Alts are the alternatives, literal ones first.
	Alts []Alt
	// Common is true when the term is common in the library, in the language
	// where it is commonest (Options.Rarity under CommonRarity): matching it
	// alone, out of several terms, is a weak match.
	Common bool
	// CommonIn says, per language code, whether the clause is common in
	// that language's passages: whether one of its wordings there (the
	// term or an equivalent) is. A passage matching "members" only through
	// "membri", in the Italian passages' "Stati membri" everywhere, matches
	// weakly. See TierIn.
	CommonIn map[string]bool
}

// Alt is one wording to match in one language's text.
type Alt struct {
	// Lang is the language field's code.
	Lang string
	// Text is a word, a phrase (several words, matched in order) or a
	// prefix without its *.
	Text string
	// Phrase is true when Text is to be matched as a phrase (it has
	// several words); Prefix when it is a prefix.
	Phrase bool
	Prefix bool
	// Literal is true for the term as typed; false for an equivalent.
	Literal bool
	// Weight is the alternative's weight against the literal's 1.
	Weight float64
}

// RunPhrase is a glossary term found in consecutive plain words of the
// query (clauses First to Last), in one of its wordings: the words as typed
// next to each other (Alt.Literal), their synonyms or their translations.
// It is an optional clause that ranks passages holding the term higher;
// when it matches, it covers those clauses; when none of a run's wordings
// matches, its words were found scattered, not as the term, and count at
// most as matched through expansion (see Tier).
type RunPhrase struct {
	First, Last int
	Alt         Alt
}

// NewPlan makes the plan of a parsed query.
func NewPlan(q *Query, opt Options) *Plan {
	p := &Plan{Listing: q.Listing(), Filters: copyFilters(q.Filters), Exclude: copyFilters(q.Exclude)}
	rarity := opt.Rarity
	if rarity == nil {
		rarity = func(string, string) float64 { return 1 }
	}
	for _, t := range q.Terms {
		if t.Phrase && t.Occur == Should {
			t.Occur = Must // a quoted phrase is what the user asked for
		}
		c := Clause{Term: t}
		least := 1.0 // the term's rarity where it is commonest
		for _, l := range opt.Langs {
			alt := Alt{Lang: l.Code, Text: t.Text, Phrase: t.Phrase && strings.Contains(t.Text, " "), Prefix: t.Prefix, Literal: true, Weight: 1}
			c.Alts = append(c.Alts, alt)
			if !t.Prefix {
				least = min(least, rarity(l.Code, t.Text))
			}
		}
		c.Common = least < CommonRarity && !t.Prefix
		if opt.Expander != nil && t.Occur != MustNot && !t.Prefix {
			c.Alts = append(c.Alts, expansions(t, opt, rarity)...)
		}
		if !t.Prefix {
			c.CommonIn = map[string]bool{}
			for _, a := range c.Alts {
				if rarity(a.Lang, a.Text) < CommonRarity {
					c.CommonIn[a.Lang] = true
				}
			}
		}
		p.Clauses = append(p.Clauses, c)
	}
	if opt.Expander != nil {
		p.Runs = runs(p.Clauses, opt)
	}
	if tm, ok := opt.Expander.(ThemeMatcher); ok {
		var words []string
		for _, t := range q.Terms {
			if t.Occur != MustNot && !t.Prefix {
				words = append(words, t.Text)
			}
		}
		if len(words) > 0 {
			p.Themes = tm.QueryThemes(strings.Join(words, " "))
		}
	}
	return p
}

// expansions returns the equivalents of a word or a quoted phrase in every
// language that expands.
func expansions(t Term, opt Options, rarity func(string, string) float64) []Alt {
	var out []Alt
	for _, l := range opt.Langs {
		if !l.Expand {
			continue
		}
		seen := map[string]bool{strings.ToLower(t.Text): true}
		if t.Phrase {
			pe, ok := opt.Expander.(PhraseExpander)
			if !ok {
				continue
			}
			for _, w := range pe.Equivalents(t.Text, l.Code, false) {
				if k := strings.ToLower(w); !seen[k] {
					seen[k] = true
					out = append(out, Alt{Lang: l.Code, Text: w, Phrase: strings.Contains(w, " "), Weight: PhraseEquivalentWeight})
				}
			}
			continue
		}
		for _, w := range opt.Expander.Expand(t.Text, l.Code) {
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				out = append(out, Alt{Lang: l.Code, Text: w, Phrase: strings.Contains(w, " "), Weight: ExpansionWeight * rarity(l.Code, w)})
			}
		}
	}
	return out
}

// maxRun is the most words a glossary term found in a run may have.
const maxRun = 4

// runs finds the glossary terms among consecutive plain words.
func runs(cs []Clause, opt Options) []RunPhrase {
	pe, ok := opt.Expander.(PhraseExpander)
	if !ok {
		return nil
	}
	var out []RunPhrase
	plain := func(i int) bool {
		t := cs[i].Term
		return t.Occur == Should && !t.Phrase && !t.Prefix
	}
	for i := range cs {
		for j := i + 1; j < len(cs) && j < i+maxRun; j++ {
			if !plain(j) || !plain(i) {
				break
			}
			words := make([]string, 0, j-i+1)
			for k := i; k <= j; k++ {
				words = append(words, cs[k].Term.Text)
			}
			phrase := strings.Join(words, " ")
			if !pe.IsTerm(phrase) {
				continue
			}
			for _, l := range opt.Langs {
				out = append(out, RunPhrase{First: i, Last: j, Alt: Alt{Lang: l.Code, Text: phrase, Phrase: true, Literal: true, Weight: RunPhraseWeight}})
				if !l.Expand {
					continue
				}
				for _, w := range pe.Equivalents(phrase, l.Code, true) {
					out = append(out, RunPhrase{First: i, Last: j, Alt: Alt{Lang: l.Code, Text: w, Phrase: strings.Contains(w, " "), Weight: RunPhraseWeight}})
				}
			}
		}
	}
	return out
}

// copyFilters copies a filter map.
func copyFilters(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// AddFilter adds a filter value, as the query's own lang:, doc: and theme:
// do (Query.Lang and the like, set outside the text).
func (p *Plan) AddFilter(name, value string) {
	if value == "" {
		return
	}
	if name == "lang" {
		value = strings.ToLower(value)
	}
	p.Filters[name] = append(p.Filters[name], value)
}

// Positive reports whether clause i is one a hit is found by (not
// excluded).
func (p *Plan) Positive(i int) bool { return p.Clauses[i].Term.Occur != MustNot }
