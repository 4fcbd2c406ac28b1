package briefing

import (
	"strings"
	"testing"
)

func TestLiveLink(t *testing.T) {
	for u, want := range map[string]bool{
		"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52023DC0001": true,
		"http://www.governo.it/it/articolo":                                     true,
		"HTTPS://Example.org/":                                                  true,
		"mailto:desk@example.org":                                               true,
		"javascript:app.alert(1)":                                               false,
		"JavaScript:alert(1)":                                                   false,
		"file:///etc/passwd":                                                    false,
		"data:text/html;base64,PHNjcmlwdD4=":                                    false,
		"vbscript:msgbox":                                                       false,
		"ftp://ftp.example.org/x":                                               false,
		"http:evil":                                                             false,
		"https://":                                                              false,
		"mailto:":                                                               false,
		" javascript:alert(1)":                                                  false,
		"https://example.org/\nx":                                               false,
		"/relative/path":                                                        false,
		"":                                                                      false,
	} {
		if got := LiveLink(u); got != want {
			t.Errorf("LiveLink(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestLinkWarning(t *testing.T) {
	b := sampleBrief(t)
	if w := b.LinkWarning(); w != "" {
		t.Errorf("sample brief warns: %q", w)
	}
	xs := b.Excerpts()
	xs[0].Source.URL = "javascript:app.alert(1)"
	if w := b.LinkWarning(); !strings.Contains(w, `"javascript:app.alert(1)"`) || strings.Contains(w, "\n") {
		t.Errorf("one bad address: %q", w)
	}
	xs[0].Notes = append(xs[0].Notes, Note{Number: "9", Text: "see", URLs: []string{"file:///etc/passwd"}})
	if w := b.LinkWarning(); !strings.HasPrefix(w, "brief has 2 addresses") {
		t.Errorf("two bad addresses: %q", w)
	}
}

// TestLinkifyKeepsBalancedParentheses checks that an address in a note's
// text ending in a parenthesis of its own links to the whole address, and
// that the Markdown prints no stray ">)". Before the fix the link went to
// "…(disambiguation" and the Markdown read "…(disambiguation>)".
func TestLinkifyKeepsBalancedParentheses(t *testing.T) {
	const u = "https://en.wikipedia.org/wiki/Digital_divide_(disambiguation)"
	for text, want := range map[string]string{
		"See " + u + ".":             u,
		"(see " + u + ")":            u,
		"(see https://example.org/)": "https://example.org/",
	} {
		var links []string
		for _, r := range linkify(text) {
			if r.URL != "" {
				links = append(links, r.URL)
			}
		}
		if len(links) != 1 || links[0] != want {
			t.Errorf("linkify(%q) links %q, want %q", text, links, want)
		}
		if got := plain(linkify(text)); got != text {
			t.Errorf("linkify(%q) lost text: %q", text, got)
		}
	}
	md := mdRuns(linkify("See " + u + "."))
	if !strings.Contains(md, "<"+u+">.") || strings.Contains(md, ">)") {
		t.Errorf("Markdown %q", md)
	}
}
