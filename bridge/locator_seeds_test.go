package bridge

import (
	"strings"
	"testing"

	"attache/briefing"
	"attache/index/corpus"
	"attache/seeds"
)

// Every locator the real seeds carry prints in Italian in an Italian brief
// (no English word of corpus's left) and unchanged in an English one.
func TestSeedLocatorsInItalian(t *testing.T) {
	docs, err := corpus.LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range docs {
		for _, p := range d.Passages {
			if p.Locator == "" {
				continue
			}
			it := briefing.FormatLocator(p.Locator, "it")
			got[p.Locator] = it
			if en := briefing.FormatLocator(p.Locator, "en"); en != p.Locator {
				t.Errorf("%s: english %q became %q", d.ID, p.Locator, en)
			}
			rest := it
			// quoted headings are the document's own words
			for strings.Count(rest, `"`) >= 2 {
				i := strings.Index(rest, `"`)
				j := strings.Index(rest[i+1:], `"`)
				rest = rest[:i] + rest[i+1+j+1:]
			}
			for _, w := range []string{"para.", "subpara", "point", "nd ", "st ", "rd ", "th "} {
				if strings.Contains(rest, w) {
					t.Errorf("%s: %q prints %q in Italian, with %q", d.ID, p.Locator, it, w)
				}
			}
		}
	}
	for loc, want := range map[string]string{
		"para. 4":               "par. 4",
		"para. 4(c)":            "par. 4, lett. c)",
		"para. 3, 2nd subpara.": "par. 3, secondo comma",
		"§ 1, point (a)":        "§ 1, lett. a)",
		"§ 2, point 1":          "§ 2, punto 1",
		"point 6":               "punto 6",
		"§ 1, para. 2":          "§ 1, par. 2",
	} {
		it, ok := got[loc]
		if !ok {
			t.Errorf("no seed passage has the locator %q", loc)
			continue
		}
		if it != want {
			t.Errorf("%q in Italian is %q, want %q", loc, it, want)
		}
	}
	if testing.Verbose() {
		for loc, it := range got {
			t.Logf("%-50q → %q", loc, it)
		}
	}
}
