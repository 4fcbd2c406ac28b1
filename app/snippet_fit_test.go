package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

func TestFitSegmentsKeepsTheFirstMatch(t *testing.T) {
	long := strings.Repeat("word ", 100) + "<mark>cable</mark> " + strings.Repeat("tail ", 100)
	segs := fitSegments(snippetSegments(markedSnippet(long)), 120)
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	got := b.String()
	if n := len([]rune(got)); n > 125 {
		t.Errorf("fitted snippet has %d runes, want about 120", n)
	}
	if !strings.Contains(got, "cable") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("fitted snippet %q lost the match or the cut marks", got)
	}
}

func TestFitSegmentsCutsAtWords(t *testing.T) {
	long := strings.Repeat("developed ", 40) + "<mark>cable</mark> " + strings.Repeat("networking ", 40)
	for n := 60; n < 90; n++ {
		var b strings.Builder
		for _, s := range fitSegments(snippetSegments(markedSnippet(long)), n) {
			b.WriteString(s.(*widget.TextSegment).Text)
		}
		got := strings.TrimSuffix(strings.TrimPrefix(b.String(), "…"), "…")
		for _, w := range strings.Fields(got) {
			if w != "developed" && w != "networking" && w != "cable" {
				t.Fatalf("n=%d: snippet %q has a cut word %q", n, b.String(), w)
			}
		}
	}
}

func TestFitLocatorKeepsThePinpoint(t *testing.T) {
	loc := `§ 4, "Safe, secure and trustworthy, deployment and use of AI systems in the public sector", para. 3`
	for _, c := range []struct {
		n    int
		want string
	}{
		{200, loc},
		{60, `§ 4, "Safe, secure and trustworthy, deployment an…", para. 3`},
		{25, `§ 4, "Safe, se…", para. 3`},
		{10, loc},
	} {
		if got := fitLocator(loc, runesAtMost(c.n)); got != c.want {
			t.Errorf("n=%d: got %q, want %q", c.n, got, c.want)
		}
	}
	if got := fitLocator("para. 12(c), p. 7", runesAtMost(5)); got != "para. 12(c), p. 7" {
		t.Errorf("a locator without a heading became %q", got)
	}
}
