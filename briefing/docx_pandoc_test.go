package briefing

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDOCXPandoc reads the Word export of examples/sample.brief (its
// contents and Sources lists on) back with pandoc: it must find the title
// and subtitle, the numbered section headings, the key messages as a
// bullet list, every quotation as a block quote and every note as a
// footnote with its text, in order.
func TestDOCXPandoc(t *testing.T) {
	b := exampleWithEveryPart(t)
	path, _ := exportDOCX(t, b, Options{})
	r, doc := readWithPandoc(t, "docx", path)
	if got := r.meta(doc.Meta["title"]); got != b.Title {
		t.Errorf("title %q", got)
	}
	if got := r.meta(doc.Meta["subtitle"]); got != b.Subtitle {
		t.Errorf("subtitle %q", got)
	}
	r.checkHeadings(t, b, "2 Key messages", "2 Contents")
	var quotes []string
	for _, q := range printedQuotes(b) {
		quotes = append(quotes, quoteMarks(squash(q)))
	}
	if strings.Join(r.quotes, "|") != strings.Join(quotes, "|") {
		t.Errorf("block quotes:\n got %q\nwant %q", r.quotes, quotes)
	}
	// with +styles pandoc names the paragraph and character styles it
	// reads: the brief's own styles must come through by name
	out, err := exec.Command("pandoc", "-f", "docx+styles", "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc -f docx+styles: %v", err)
	}
	for _, name := range []string{"Brief Purpose", "Title Block Field", "Quote Language", "Quote", "toc 1", "Normal"} {
		if !strings.Contains(string(out), `["custom-style","`+name+`"]`) {
			t.Errorf("pandoc does not see the style %q", name)
		}
	}
	r.checkNotes(t, b)
}
