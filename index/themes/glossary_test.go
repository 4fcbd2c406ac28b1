package themes

import (
	"slices"
	"testing"
)

func TestExpandBothDirections(t *testing.T) {
	g := DefaultGlossary()
	cases := []struct {
		term, lang string
		want       []string
	}{
		{"undersea cables", "it", []string{"cavi sottomarini"}},
		{"submarine cable", "it", []string{"cavi sottomarini"}},
		{"intelligenza artificiale", "en", []string{"artificial intelligence"}},
		{"cavi sottomarini", "en", []string{"undersea cables"}},
		{"cavo sottomarino", "", []string{"undersea cables"}},
		{"digital divide", "it", []string{"divario digitale"}},
		{"divari digitali", "en", []string{"digital divide"}},
		{"cybersecurity", "it", []string{"cibersicurezza", "cibersecurity"}},
		{"human rights", "", []string{"diritti umani"}},
		{"semiconductors", "it", []string{"semiconduttori"}},
		{"undersea cables security", "it", []string{"cavi sottomarini", "sicurezza"}},
		// Words one at a time, as the index asks for unquoted queries.
		{"undersea", "it", []string{"sottomarini"}},
		{"intelligenza", "en", []string{"intelligence"}},
	}
	for _, c := range cases {
		got := g.Expand(c.term, c.lang)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Expand(%q, %q) = %q, want it to contain %q", c.term, c.lang, got, w)
			}
		}
	}
}

func TestExpandPhrasesFirst(t *testing.T) {
	g := DefaultGlossary()
	got := g.Expand("undersea cables", "it")
	if slices.Contains(got, "cavi") {
		t.Errorf("Expand(undersea cables) = %q: the phrase should win over the word", got)
	}
	if got := g.Expand("Global Gateway", "it"); slices.Contains(got, "Global Gateway") {
		t.Errorf("Expand(Global Gateway) = %q: identical wording returned", got)
	}
	if got := g.Expand("zzyzx", ""); len(got) != 0 {
		t.Errorf("Expand(unknown) = %q, want nothing", got)
	}
	if got := g.Expand("cavi sottomarini", "it"); slices.Contains(got, "cavi sottomarini") {
		t.Errorf("Expand(cavi sottomarini, it) = %q: the term itself returned", got)
	}
}

func TestExpandSynonymsInTheSameLanguage(t *testing.T) {
	g := DefaultGlossary()
	if got := g.Expand("cibersicurezza", "it"); !slices.Contains(got, "cibersecurity") || !slices.Contains(got, "cibernsicurezza") {
		t.Errorf("Expand(cibersicurezza, it) = %q, want the seeds' other spellings", got)
	}
	if got := g.Expand("artificial intelligence", "en"); !slices.Contains(got, "AI") {
		t.Errorf("Expand(artificial intelligence, en) = %q, want AI", got)
	}
}

func TestExpandPhrases(t *testing.T) {
	g := DefaultGlossary()
	it := g.ExpandPhrases("artificial intelligence governance", "it")
	if !slices.Contains(it, "intelligenza artificiale") || !slices.Contains(it, "IA") || slices.Contains(it, "governance") {
		t.Errorf("ExpandPhrases(artificial intelligence governance, it) = %q", it)
	}
	if en := g.ExpandPhrases("intelligenza artificiale", "en"); !slices.Contains(en, "AI") || !slices.Contains(en, "artificial intelligence") {
		t.Errorf("ExpandPhrases(intelligenza artificiale, en) = %q", en)
	}
	if got := g.ExpandPhrases("security of cables", "it"); len(got) != 0 {
		t.Errorf("single words gave phrases: %q", got)
	}
}

func TestQueryThemes(t *testing.T) {
	tx := Default()
	cases := map[string]string{
		"undersea cables":          "undersea-cables",
		"cavi sottomarini":         "undersea-cables",
		"intelligenza artificiale": "ai-governance",
		"digital divide":           "digital-skills-divide",
		"Ukraine":                  "ukraine-enlargement",
	}
	for q, want := range cases {
		if got := tx.QueryThemes(q); len(got) == 0 || got[0] != want {
			t.Errorf("QueryThemes(%q) = %v, want %s first", q, got, want)
		}
	}
	if got := tx.QueryThemes("meeting in Verona"); len(got) != 0 {
		t.Errorf("QueryThemes(meeting in Verona) = %v, want none", got)
	}
	if got := DefaultGlossary().QueryThemes("cybersecurity"); !slices.Contains(got, "cybersecurity") {
		t.Errorf("Glossary.QueryThemes(cybersecurity) = %v", got)
	}
}

// A quoted phrase's equivalents are its translations, never the broader or
// narrower wordings a theme is also named by.
func TestPhraseEquivalentsAreTranslations(t *testing.T) {
	g := DefaultGlossary()
	cases := []struct {
		phrase, lang string
		want, never  []string
	}{
		{"digital sovereignty", "it", []string{"sovranità digitale"}, []string{"sovranità", "sovranità digitale e tecnologica"}},
		{"critical infrastructure", "it", []string{"infrastrutture critiche"}, []string{"infrastrutture digitali critiche"}},
		{"tecnologie emergenti", "en", []string{"emerging technologies"}, []string{"new technologies", "frontier technologies", "advanced technologies"}},
		{"digital divide", "it", []string{"divario digitale"}, []string{"digitale", "divario"}},
	}
	for _, c := range cases {
		got := g.Equivalents(c.phrase, c.lang, false)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Equivalents(%q, %q) = %q, want %q", c.phrase, c.lang, got, w)
			}
		}
		for _, w := range c.never {
			if slices.Contains(got, w) {
				t.Errorf("Equivalents(%q, %q) = %q: %q is not a translation of it", c.phrase, c.lang, got, w)
			}
		}
	}
}

// A word the glossary proper translates gives its translations, not the
// other wordings of the themes that name it; a word only a theme knows
// keeps them.
func TestExpandPrefersTranslations(t *testing.T) {
	g := DefaultGlossary()
	cases := []struct {
		term, lang  string
		want, never []string
	}{
		{"satellite", "it", []string{"satellitare"}, []string{"Copernicus", "IRIS²", "Galileo"}},
		{"normazione", "en", []string{"standardisation"}, []string{"5G", "6G"}},
		{"vicinato", "en", []string{"neighbourhood"}, []string{"Southern Neighbourhood"}},
		// Only a theme has it: its wordings are all there is.
		{"reconstruction", "it", []string{"ricostruzione"}, nil},
	}
	for _, c := range cases {
		got := g.Expand(c.term, c.lang)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Expand(%q, %q) = %q, want %q", c.term, c.lang, got, w)
			}
		}
		for _, w := range c.never {
			if slices.Contains(got, w) {
				t.Errorf("Expand(%q, %q) = %q: %q names the theme, it does not translate the word", c.term, c.lang, got, w)
			}
		}
	}
}

// TestGlossaryRemembersEachQuestionApart checks that the glossary's
// remembered answers to one question are not given to another asked
// with the same words: the themes of a text after whether it is a term,
// and whether it is a term after its themes.
func TestGlossaryRemembersEachQuestionApart(t *testing.T) {
	tx := Default()
	for _, text := range []string{"digital divide", "diplomazia digitale", "undersea cables", "cavi sottomarini"} {
		g := NewGlossary(tx, nil)
		term := g.IsTerm(text)
		if got, want := g.QueryThemes(text), tx.QueryThemes(text); !slices.Equal(got, want) {
			t.Errorf("QueryThemes(%q) after IsTerm = %v, the taxonomy says %v", text, got, want)
		}
		g = NewGlossary(tx, nil)
		g.QueryThemes(text)
		if got := g.IsTerm(text); got != term {
			t.Errorf("IsTerm(%q) after QueryThemes = %v, alone %v", text, got, term)
		}
	}
}
