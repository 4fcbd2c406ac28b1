package briefing

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestODTPandoc reads the ODT export of examples/sample.brief (its
// contents and Sources lists on) back with
// pandoc's ODT reader: it must find the numbered section headings and the
// Sources heading, the key messages as a bullet list, every quotation's
// text and every note as a footnote with its text, in order.
func TestODTPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (apt-get install pandoc, or run scripts/deps.sh): the ODT file is not read back")
	}
	b := exampleWithEveryPart(t)
	path, _ := exportODT(t, b, Options{})
	out, err := exec.Command("pandoc", "-f", "odt", "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc could not read the ODT file: %v", err)
	}
	var doc struct {
		Blocks []any `json:"blocks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	r := &pandocReader{}
	var text []string
	for _, bl := range doc.Blocks {
		r.block(bl, "")
		text = append(text, odtPandocText(r, bl))
	}
	var want []string
	for i, s := range b.Sections {
		want = append(want, "1 "+RenderedSection{Number: i + 1, Heading: s.Heading}.Numbered())
	}
	want = append(want, "1 Sources")
	if strings.Join(r.headers, "|") != strings.Join(want, "|") {
		t.Errorf("headings:\n got %q\nwant %q", r.headers, want)
	}
	if strings.Join(r.bullets, "|") != quoteMarks(strings.Join(b.KeyMessages, "|")) {
		t.Errorf("key messages as a bullet list:\n got %q\nwant %q", r.bullets, b.KeyMessages)
	}
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
	notes := Cite(b).Notes
	if len(r.notes) != len(notes) {
		t.Fatalf("pandoc read %d footnotes, want %d", len(r.notes), len(notes))
	}
	for i, n := range notes {
		if r.notes[i] != quoteMarks(squash(n.Text())) {
			t.Errorf("footnote %d:\n got %q\nwant %q", n.Number, r.notes[i], quoteMarks(squash(n.Text())))
		}
	}
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
