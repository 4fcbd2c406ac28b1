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
