package themes

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// minCoverage is how often a word or a two-word term must occur in one
// language's seeds to need an equivalent in the glossary.
const minCoverage = 3

// glossaryGaps is testdata/glossary-uncovered.json: per language, the
// frequent words and two-word terms the glossary leaves out on purpose,
// each with its reason.
type glossaryGaps struct {
	Description string                       `json:"description"`
	Reasons     map[string]string            `json:"reasons"`
	Uncovered   map[string]map[string]string `json:"uncovered"`
}

// frequentTerms counts, per language, the seeds' folded stems and pairs of
// neighbouring stems (stop words between them left out), with a surface
// form of each for reading.
func frequentTerms(t *testing.T) (counts map[string]map[string]int, surface map[string]string) {
	counts = map[string]map[string]int{"en": {}, "it": {}}
	surface = map[string]string{}
	for _, d := range taggedSeeds(t) {
		for _, p := range d.Passages {
			lang := langOf(d.Lang)
			var prev, prevSurf string
			prevPos := -10
			for _, tk := range analyzerFor(lang).Analyze([]byte(p.Text)) {
				s := fold(string(tk.Term), lang)
				surf := p.Text[tk.Start:tk.End]
				counts[lang][s]++
				if _, ok := surface[lang+" "+s]; !ok {
					surface[lang+" "+s] = surf
				}
				if prev != "" && tk.Position-prevPos <= 2 {
					b := prev + " " + s
					counts[lang][b]++
					if _, ok := surface[lang+" "+b]; !ok {
						surface[lang+" "+b] = prevSurf + " " + surf
					}
				}
				prev, prevSurf, prevPos = s, surf, tk.Position
			}
		}
	}
	return counts, surface
}

// TestGlossaryCoverage lists the content words and two-word terms that
// occur at least three times in one language's seeds and have neither a
// glossary entry (a two-word term is also covered when both its words
// are) nor a recorded reason in testdata/glossary-uncovered.json.
func TestGlossaryCoverage(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/glossary-uncovered.json")
	if err != nil {
		t.Fatal(err)
	}
	var gaps glossaryGaps
	if err := json.Unmarshal(raw, &gaps); err != nil {
		t.Fatal(err)
	}
	g := DefaultGlossary()
	counts, surface := frequentTerms(t)
	covered := func(lang, k string) bool { es, _ := g.lookup(lang, k); return len(es) > 0 }
	var missing []string
	total, byGlossary, byReason := 0, 0, 0
	for _, lang := range []string{"en", "it"} {
		for k, n := range counts[lang] {
			if n < minCoverage || !hasLetter(k) && !strings.Contains(k, " ") {
				continue
			}
			total++
			words := strings.Split(k, " ")
			switch {
			case covered(lang, k), len(words) == 2 && covered(lang, words[0]) && covered(lang, words[1]):
				byGlossary++
			case gaps.Uncovered[lang][k] != "" || len(words) == 2 && reasoned(gaps, lang, words):
				if _, ok := gaps.Reasons[gaps.Uncovered[lang][k]]; !ok && gaps.Uncovered[lang][k] != "" {
					t.Errorf("%s %q: reason %q is not one of the recorded reasons", lang, k, gaps.Uncovered[lang][k])
				}
				byReason++
			default:
				missing = append(missing, fmt.Sprintf("%s %q (%s, %d times)", lang, k, surface[lang+" "+k], n))
			}
		}
	}
	sort.Strings(missing)
	t.Logf("glossary coverage: %d frequent words and two-word terms, %d covered by the glossary, %d left out with a reason, %d neither", total, byGlossary, byReason, len(missing))
	for _, m := range missing {
		t.Errorf("no glossary entry and no recorded reason: %s", m)
	}
}

// reasoned reports whether a two-word term is left out for a reason: one
// of its words has one, and the other is covered or has one too.
func reasoned(gaps glossaryGaps, lang string, words []string) bool {
	g := DefaultGlossary()
	ok := func(w string) bool { es, _ := g.lookup(lang, w); return len(es) > 0 || gaps.Uncovered[lang][w] != "" }
	return ok(words[0]) && ok(words[1])
}

// hasLetter reports whether s has a letter (numbers need no equivalent).
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
