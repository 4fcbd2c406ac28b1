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
		{"undersea cables", "en", []string{"cavi sottomarini"}},
		{"submarine cable", "en", []string{"cavi sottomarini"}},
		{"intelligenza artificiale", "it", []string{"artificial intelligence"}},
		{"cavi sottomarini", "it", []string{"undersea cables"}},
		{"cavo sottomarino", "", []string{"undersea cables"}},
		{"digital divide", "en", []string{"divario digitale"}},
		{"divari digitali", "it", []string{"digital divide"}},
		{"cybersecurity", "en", []string{"cibersicurezza", "cibersecurity"}},
		{"human rights", "", []string{"diritti umani"}},
		{"semiconductors", "en", []string{"semiconduttori"}},
		{"undersea cables security", "en", []string{"cavi sottomarini", "sicurezza"}},
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
	got := g.Expand("undersea cables", "en")
	if slices.Contains(got, "cavi") {
		t.Errorf("Expand(undersea cables) = %q: the phrase should win over the word", got)
	}
	if got := g.Expand("Global Gateway", "en"); slices.Contains(got, "Global Gateway") {
		t.Errorf("Expand(Global Gateway) = %q: identical wording returned", got)
	}
	if got := g.Expand("zzyzx", ""); len(got) != 0 {
		t.Errorf("Expand(unknown) = %q, want nothing", got)
	}
}
