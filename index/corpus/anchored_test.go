package corpus

import (
	"slices"
	"strings"
	"testing"
)

// anchoredPatterns are the anchored patterns of the package, each with
// its name, for the tests.
func anchoredPatterns() map[string]*anchoredRegexp {
	m := map[string]*anchoredRegexp{
		"reATX": reATX, "reListStart": reListStart, "reSeparator": reSeparator, "reRule": reRule,
		"reQuote": reQuote, "reMDNoteDef": reMDNoteDef, "reSupNoteDef": reSupNoteDef,
		"rePlainNote": rePlainNote, "reURLLineOnly": reURLLineOnly, "reBullet": reBullet,
		"reLettered": reLettered, "reNumDot": reNumDot, "reNumMulti": reNumMulti,
		"reNumParen": reNumParen, "reHeadNum": reHeadNum, "rePageNumber": rePageNumber,
	}
	for i, r := range boilerplateLines {
		m[r.what+" "+string(rune('a'+i))] = r.re
	}
	for i, r := range boilerplateTails {
		m[r.what+" "+string(rune('a'+i))] = r.re
	}
	return m
}

// anchoredProbes are lines that start with every kind of first byte the
// patterns care about.
var anchoredProbes = []string{
	"", " ", "# Heading", "###### Six", "####### Seven", "- item", "* item", "• item", "– item", "1. item", "12) item",
	"a) point", "(c) point", "(12) item", "_____", "----------", "- - -", "***", "===", "> quote", ">> deep",
	"[^1]: note", "¹ note", "²³ note", "12 plain note", "<https://example.eu>", "http://x.eu/a", "4.1 Sub-heading",
	"4.1. Sub", "Privacy", "PRIVACY POLICY", "privacy", "cookie policy", "Informativa sulla privacy", "Accessibilità",
	"Follow us on X", "ſhare", "Share:", "Was this page helpful?", "Questa pagina ti è stata utile?", "Yes / No", "sì",
	"Back to top", "Torna all'inizio", "Skip to main content", "Vai al contenuto principale", "Website:", "E-mail",
	"Tel.", "Fax:", "Page 3 of 9", "pag. 3", "p. 4", "- 3 -", "3", "12/40", "Press office: +32 2 123 45 67",
	"Tel. +39 06 1234 5678", "report_final_v2", "annex.pdf (1.2 MB)", "Contacts:", "ufficio stampa", "\uFFFD x",
	"K-menu", "Kontakt", "ǅ", "İstanbul", "\u00a0x", "\tx", "x", "9", "(", ")", "[", "<", "›", "«x»", "“x”",
}

func TestAnchoredPatternsAnswerAsTheirRegexps(t *testing.T) {
	// The first-byte check never turns down a text the pattern matches,
	// on probes and on the seeds' lines, and each probe's answer is the
	// regular expression's own.
	lines := withSeedLines(t, anchoredProbes, func(p Passage) []string {
		return append([]string{p.Text, p.Locator}, strings.Fields(p.Text)...)
	})
	for name, re := range anchoredPatterns() {
		for _, s := range lines {
			inEveryCase(s, func(v string) {
				if re.MatchString(v) != re.Regexp.MatchString(v) {
					t.Errorf("%s on %q: %v, the regexp says %v", name, v, re.MatchString(v), re.Regexp.MatchString(v))
				}
			})
		}
	}
}

func TestFirstBytes(t *testing.T) {
	for _, c := range []struct {
		pattern string
		any     bool
		yes, no string
	}{
		{`^#+ `, false, "#", "a -"},
		{`^(?i)k`, false, "kK\xe2", "a"}, // U+212A KELVIN SIGN starts with 0xE2
		{`^(?i)s`, false, "sS\xc5", "a"}, // U+017F LONG S starts with 0xC5
		{`^[à-ü]`, false, "\xc3", "a\xc4"},
		{`^\p{L}`, false, "aZ\xc3\xe4", "1 "},
		{`^a?`, true, "", ""},
		{`(?m)^a`, true, "", ""},
		{`a`, true, "", ""},
		{`^a|b`, true, "", ""},
		{`^(?:\d|x)*y`, false, "09xy", "a"},
	} {
		anyMatch, first := firstBytes(c.pattern)
		if anyMatch != c.any {
			t.Errorf("%s: any %v, want %v", c.pattern, anyMatch, c.any)
			continue
		}
		for _, b := range []byte(c.yes) {
			if !first[b] {
				t.Errorf("%s: byte %q left out", c.pattern, b)
			}
		}
		for _, b := range []byte(c.no) {
			if first[b] {
				t.Errorf("%s: byte %q taken", c.pattern, b)
			}
		}
	}
}

func FuzzAnchoredPatterns(f *testing.F) {
	for _, s := range anchoredProbes {
		f.Add(s)
	}
	pats := anchoredPatterns()
	f.Fuzz(func(t *testing.T, s string) {
		for name, re := range pats {
			if re.MatchString(s) != re.Regexp.MatchString(s) {
				t.Fatalf("%s on %q: %v, the regexp says %v", name, s, re.MatchString(s), re.Regexp.MatchString(s))
			}
		}
	})
}

// atxProbes are lines near the edges of a Markdown heading.
var atxProbes = []string{
	"#", "# ", "#a", "# a", "##  a  ##  ", "###### six", "####### seven", "#\ta", "# a # b ##", "# ##", "#  ##  ",
	"# a#", "# a\n", "# a\nb", "#\n", "# é ", "#\fa\r", "#\va", " # a", "# #a# ", "# a \t#\t ",
}

func TestATXIsItsPattern(t *testing.T) {
	testProbes(t, atxProbes, checkATX)
}

func FuzzATX(f *testing.F) {
	fuzzProbes(f, atxProbes, checkATX)
}

func checkATX(t *testing.T, s string) {
	if got, want := isATX(s), reATX.Regexp.MatchString(s); got != want {
		t.Fatalf("isATX(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := atxSubmatch(s), reATX.Regexp.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Fatalf("atxSubmatch(%q) = %q, the pattern says %q", s, got, want)
	}
}
