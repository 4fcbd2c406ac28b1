package briefing

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPlantedLinksPrintAsText checks that a received brief whose source
// address is javascript: and whose note cites a file: address exports
// neither as a live link: no /URI action in the PDF, no autolink in the
// Markdown; both addresses still print, as text. Before the fix both were
// live links.
func TestPlantedLinksPrintAsText(t *testing.T) {
	b := sampleBrief(t)
	xs := b.Excerpts()
	xs[0].Source.URL = "javascript:app.alert(1)"
	xs[0].Notes = append(xs[0].Notes, Note{Number: "9", Text: "See the file.", URLs: []string{"file:///etc/passwd", "mailto:desk@example.org"}})
	dir := t.TempDir()

	pdf := filepath.Join(dir, "x.pdf")
	if _, err := Export(pdf, b, PDF, Options{}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(pdf)
	for _, m := range regexp.MustCompile(`/URI \(((?:[^)\\]|\\.)*)\)`).FindAllSubmatch(data, -1) {
		if u := regexp.MustCompile(`\\(.)`).ReplaceAllString(string(m[1]), "$1"); !LiveLink(u) {
			t.Errorf("PDF has a live link to %q", u)
		}
	}
	if !bytes.Contains(data, []byte("/URI (mailto:desk@example.org)")) {
		t.Error("PDF lost its good link")
	}
	txt := poppler(t, "pdftotext", pdf, "-")
	flat := strings.Join(strings.Fields(txt), " ")
	for _, want := range []string{"javascript:app.alert(1)", "file:///etc/passwd"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF does not print %q as text", want)
		}
	}

	md := filepath.Join(dir, "x.md")
	if _, err := Export(md, b, Markdown, Options{}); err != nil {
		t.Fatal(err)
	}
	mdText, _ := os.ReadFile(md)
	if m := regexp.MustCompile(`(?:^|[^\\])<(?:javascript|file):`).Find(mdText); m != nil {
		t.Errorf("Markdown makes a live link: %q in\n%s", m, mdText)
	}
	for _, want := range []string{`\<javascript:app.alert(1)\>`, `\<file:///etc/passwd\>`} {
		if !bytes.Contains(mdText, []byte(want)) {
			t.Errorf("Markdown does not print %q as text:\n%s", want, mdText)
		}
	}
}

// TestMarkdownTextMakesNoLinks checks that a note or quotation holding
// Markdown link syntax prints it as text: "[x](javascript:…)" was a live
// link in the exported Markdown.
func TestMarkdownTextMakesNoLinks(t *testing.T) {
	b := sampleBrief(t)
	xs := b.Excerpts()
	xs[0].Notes = append(xs[0].Notes, Note{Number: "9", Text: "[click](javascript:alert(1)) and ![i](file:///x)"})
	var buf bytes.Buffer
	if _, err := WriteMarkdown(&buf, b, Options{}); err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`(?:^|[^\\])\[(?:click|i)\]\(`).MatchString(buf.String()) {
		t.Errorf("Markdown link syntax from a note is live:\n%s", buf.String())
	}
}
