package briefing

import (
	"strings"
	"testing"
)

// TestODTPandoc reads the ODT export of examples/sample.brief (its
// contents and Sources lists on) back with pandoc's ODT reader: it must
// find the numbered section headings and the Sources heading, the key messages as a bullet list, every quotation's
// text and every note as a footnote with its text, in order.
func TestODTPandoc(t *testing.T) {
	b := exampleWithEveryPart(t)
	path, _ := exportODT(t, b, Options{})
	r, doc := readWithPandoc(t, "odt", path)
	var text []string
	for _, bl := range doc.Blocks {
		text = append(text, odtPandocText(r, bl))
	}
	r.checkHeadings(t, b)
	all := strings.Join(text, " ")
	for _, want := range []string{b.Title, b.Subtitle} {
		if !strings.Contains(all, quoteMarks(squash(want))) {
			t.Errorf("%q missing", want)
		}
	}
	for _, x := range printedQuotes(b) {
		if q := quoteMarks(squash(x)); !strings.Contains(all, q) {
			t.Errorf("quotation missing: %.60s…", q)
		}
	}
	r.checkNotes(t, b)
}

// odtPandocText is the text of a block of pandoc's AST, without its notes
// (which the reader has counted already).
func odtPandocText(r *pandocReader, v any) string {
	m, _ := v.(map[string]any)
	quiet := &pandocReader{}
	switch m["t"] {
	case "Para", "Plain":
		return quiet.inlines(m["c"])
	case "Header":
		return quiet.inlines(m["c"].([]any)[2])
	case "BlockQuote", "Div":
		var parts []string
		list := m["c"]
		if m["t"] == "Div" {
			list = m["c"].([]any)[1]
		}
		for _, bl := range list.([]any) {
			parts = append(parts, odtPandocText(r, bl))
		}
		return strings.Join(parts, " ")
	}
	return ""
}
