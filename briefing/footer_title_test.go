package briefing

import (
	"strings"
	"testing"
)

func TestCutAtWord(t *testing.T) {
	for _, c := range []struct {
		title string
		room  float64
		want  string
	}{
		{"Short title", 70, "Short title"},
		{"  Spaced \n title ", 70, "Spaced title"},
		{"one two three four", 13, "one two…"},
		{"one two, three four", 13, "one two…"},
		{"one two three", 13, "one two three"},
		{"unbreakablewordthatistoolong", 10, ""},
		{"", 10, ""},
	} {
		if got := cutAtWord(c.title, c.room, runeWidth); got != c.want {
			t.Errorf("cutAtWord(%q, %v) = %q, want %q", c.title, c.room, got, c.want)
		}
	}
}

// TestFooterTitleCut exports a brief with a title too long for the page
// foot: the PDF prints it cut after a word with "…" beside "Page X of Y",
// and the Word file's footer prints the same words.
func TestFooterTitleCut(t *testing.T) {
	b := sampleBrief(t)
	b.Title = "EU digital diplomacy: the international digital strategy and what it asks of the Italian Presidency of the G7 in the year ahead"
	path, _ := exportPDF(t, b, Options{})
	raw := poppler(t, "pdftotext", "-layout", "-f", "1", "-l", "1", path, "-")
	var foot string
	for _, ln := range strings.Split(raw, "\n") {
		if strings.Contains(ln, "Page 1 of") {
			foot = strings.TrimSpace(ln[:strings.Index(ln, "Page 1 of")])
		}
	}
	if !strings.HasSuffix(foot, "…") || !strings.HasPrefix(b.Title, strings.TrimSuffix(foot, "…")) || len(foot) < 40 {
		t.Fatalf("the PDF's footer title is %q, want the title cut after a word with …", foot)
	}
	if next := b.Title[len(strings.TrimSuffix(foot, "…"))]; next != ' ' {
		t.Errorf("the PDF's footer title %q is cut inside a word", foot)
	}
	r := Render(b, Options{})
	if r.FooterTitle != foot {
		t.Errorf("Render's footer title %q, the PDF prints %q", r.FooterTitle, foot)
	}
	d := readOffice(t, mustExportDOCX(t, b))
	if f := paragraphs(d.part(t, "word/footer1.xml")); len(f) == 0 || !strings.HasPrefix(f[0].text, foot+"\t") {
		t.Errorf("Word footer %+v, want it to start with %q", f, foot)
	}
}

func mustExportDOCX(t *testing.T, b *Brief) string {
	p, _ := exportDOCX(t, b, Options{})
	return p
}
