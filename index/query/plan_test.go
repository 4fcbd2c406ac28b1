package query

import (
	"strings"
	"testing"
)

// fakeGlossary is a tiny glossary for the plan's tests: single words, one
// whole phrase, one synonym.
type fakeGlossary struct{}

func (fakeGlossary) Expand(term, lang string) []string {
	words := map[string]map[string][]string{
		"it": {"digital": {"digitale"}, "divide": {"divario"}, "cable": {"cavo"}},
		"en": {"digitale": {"digital"}, "cavo": {"cable"}, "ai": {"artificial intelligence"}},
	}
	return words[lang][strings.ToLower(term)]
}

func (fakeGlossary) Equivalents(phrase, lang string, synonyms bool) []string {
	switch strings.ToLower(phrase) {
	case "digital divide":
		if lang == "it" {
			return []string{"divario digitale"}
		}
		if synonyms {
			return []string{"digital gap"}
		}
	}
	return nil
}

func (fakeGlossary) IsTerm(phrase string) bool { return strings.EqualFold(phrase, "digital divide") }

func (fakeGlossary) QueryThemes(text string) []string {
	if strings.Contains(text, "divide") {
		return []string{"digital-skills-divide"}
	}
	return nil
}

var langs = []Lang{{Code: "en", Expand: true}, {Code: "it", Expand: true}, {Code: "xx"}}

func plan(t *testing.T, text string, rarity func(string, string) float64) *Plan {
	t.Helper()
	q, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return NewPlan(q, Options{Langs: langs, Expander: fakeGlossary{}, Rarity: rarity})
}

func TestPlanPhraseContract(t *testing.T) {
	p := plan(t, `"digital divide"`, nil)
	if len(p.Clauses) != 1 {
		t.Fatalf("clauses %+v", p.Clauses)
	}
	c := p.Clauses[0]
	if c.Term.Occur != Must {
		t.Errorf("a quoted phrase is required, got occur %d", c.Term.Occur)
	}
	var alts []string
	for _, a := range c.Alts {
		alts = append(alts, a.Lang+":"+a.Text)
		if !a.Literal && !a.Phrase {
			t.Errorf("equivalent %q of a phrase is not matched as a phrase", a.Text)
		}
	}
	got := strings.Join(alts, ", ")
	if got != "en:digital divide, it:digital divide, xx:digital divide, it:divario digitale" {
		t.Errorf("alternatives %s: want the phrase in every language and its whole-phrase translation only (no single words, no synonyms)", got)
	}
}

func TestPlanWordsExpandWeighedByRarity(t *testing.T) {
	rarity := func(lang, text string) float64 {
		if strings.HasPrefix(text, "digital") {
			return 0.2 // common
		}
		return 0.9
	}
	p := plan(t, "digital cable -robot", rarity)
	for _, c := range p.Clauses {
		for _, a := range c.Alts {
			switch {
			case a.Literal && a.Weight != 1:
				t.Errorf("literal %q weighs %.2f", a.Text, a.Weight)
			case a.Text == "digitale" && a.Weight > 0.2*ExpansionWeight+1e-9:
				t.Errorf("a common equivalent weighs %.2f", a.Weight)
			case a.Text == "cavo" && a.Weight < 0.9*ExpansionWeight-1e-9:
				t.Errorf("a rare equivalent weighs %.2f", a.Weight)
			}
		}
		if c.Term.Text == "robot" && len(c.Alts) != len(langs) {
			t.Errorf("an excluded word is not expanded: %+v", c.Alts)
		}
	}
	if !p.Clauses[0].Common || p.Clauses[1].Common {
		t.Errorf("common: digital %v, cable %v", p.Clauses[0].Common, p.Clauses[1].Common)
	}
}

func TestPlanRunsAndTiers(t *testing.T) {
	p := plan(t, "digital divide", nil)
	if len(p.Runs) == 0 || p.Themes[0] != "digital-skills-divide" {
		t.Fatalf("runs %+v themes %v", p.Runs, p.Themes)
	}
	literalRun := -1
	for k, r := range p.Runs {
		if r.Alt.Literal && r.Alt.Lang == "en" {
			literalRun = k
		}
	}
	runs := make([]bool, len(p.Runs))
	both := []Match{Literally, Literally}
	if got := p.Tier(both, runs); got != TierCovered {
		t.Errorf("the term's words scattered: tier %d, want covered (%d)", got, TierCovered)
	}
	runs[literalRun] = true
	if got := p.Tier(both, runs); got != TierLiteral {
		t.Errorf("the term as typed: tier %d, want literal", got)
	}
	q := plan(t, "digital cable", func(string, string) float64 { return 0.1 })
	if got := q.Tier([]Match{Literally, Unmatched}, nil); got != TierWeak {
		t.Errorf("one common word of two: tier %d, want weak", got)
	}
	q.Clauses[0].CommonIn = map[string]bool{"en": true}
	if got := q.TierIn("it", []Match{ByExpansion, Unmatched}, nil); got != TierPartial {
		t.Errorf("one word of two, not common in the hit's language: tier %d, want partial", got)
	}
	if got := q.TierIn("en", []Match{Literally, Unmatched}, nil); got != TierWeak {
		t.Errorf("one word of two, common in the hit's language: tier %d, want weak", got)
	}
	if got := q.Tier([]Match{ByExpansion, ByExpansion}, nil); got != TierCovered {
		t.Errorf("both through equivalents: tier %d", got)
	}
	if got := q.TierIn("it", []Match{Unmatched, Unmatched}, nil); got != TierWeak {
		t.Errorf("no term, only words sharing their stems: tier %d, want weak", got)
	}
	r := plan(t, `+digital "cable"`, nil)
	if got := r.Tier([]Match{Literally, Unmatched}, nil); got != TierNone {
		t.Errorf("a required phrase not held: tier %d, want none (%d)", got, TierNone)
	}
	if q.ThemeFactor([]string{"x"}) != 1 || p.ThemeFactor([]string{"digital-skills-divide"}) <= 1 {
		t.Errorf("theme factor")
	}
}

// TestTierOverlappingRuns: where terms of the glossary overlap in the
// query's words, some held and some not, a shared word counts as the held
// term matched it, every time (TierIn applied them in map order: the tier
// changed from one call to the next).
func TestTierOverlappingRuns(t *testing.T) {
	p := &Plan{}
	for _, w := range []string{"a", "b", "c", "d"} {
		p.Clauses = append(p.Clauses, Clause{Term: Term{Text: w, Occur: Should}})
	}
	for _, s := range [][2]int{{0, 1}, {1, 2}, {2, 3}} {
		text := p.Clauses[s[0]].Term.Text + " " + p.Clauses[s[1]].Term.Text
		p.Runs = append(p.Runs, RunPhrase{First: s[0], Last: s[1], Alt: Alt{Lang: "en", Text: text, Phrase: true, Literal: true}})
	}
	// "a b" and "c d" held as typed, "b c" not: every word is in a term
	// held as typed.
	m := []Match{Literally, Literally, Literally, Literally}
	for k := 0; k < 100; k++ {
		if got := p.TierIn("en", m, []bool{true, false, true}); got != TierLiteral {
			t.Fatalf("try %d: tier %d, want literal (each word in a term held as typed)", k, got)
		}
	}
	if got := p.TierIn("en", m, []bool{false, false, true}); got != TierCovered {
		t.Errorf("a b scattered: tier %d, want covered", got)
	}
}
