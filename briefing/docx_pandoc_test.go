package briefing

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDOCXPandoc reads the Word export of examples/sample.brief back with
// pandoc, a reader written independently of Word: it must find the title
// and subtitle, the numbered section headings, the key messages as a
// bullet list, every quotation as a block quote and every note as a
// footnote with its text, in order.
func TestDOCXPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (apt-get install pandoc, or run scripts/deps.sh): the Word file is not read back")
	}
	b, err := Load(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := exportDOCX(t, b, Options{})
	out, err := exec.Command("pandoc", "-f", "docx", "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc could not read the Word file: %v", err)
	}
	var doc struct {
		Meta   map[string]any `json:"meta"`
		Blocks []any          `json:"blocks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	r := &pandocReader{}
	for _, bl := range doc.Blocks {
		r.block(bl, "")
	}
	if got := r.meta(doc.Meta["title"]); got != b.Title {
		t.Errorf("title %q", got)
	}
	if got := r.meta(doc.Meta["subtitle"]); got != b.Subtitle {
		t.Errorf("subtitle %q", got)
	}
	want := []string{"2 Key messages", "2 Contents"}
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
	var quotes []string
	for _, x := range b.Excerpts() {
		quotes = append(quotes, quoteMarks(squash(x.Text)))
	}
	if strings.Join(r.quotes, "|") != strings.Join(quotes, "|") {
		t.Errorf("block quotes:\n got %q\nwant %q", r.quotes, quotes)
	}
	// with +styles pandoc names the paragraph and character styles it
	// reads: the brief's own styles must come through by name
	out, err = exec.Command("pandoc", "-f", "docx+styles", "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc -f docx+styles: %v", err)
	}
	for _, name := range []string{"Brief Purpose", "Title Block Field", "Quote Language", "Quote", "toc 1", "Normal"} {
		if !strings.Contains(string(out), `["custom-style","`+name+`"]`) {
			t.Errorf("pandoc does not see the style %q", name)
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

// pandocReader walks pandoc's JSON AST and keeps what the test checks.
type pandocReader struct {
	headers, bullets, quotes, notes []string
}

func (r *pandocReader) block(v any, in string) {
	m, _ := v.(map[string]any)
	c := m["c"]
	switch m["t"] {
	case "Header":
		a := c.([]any)
		r.headers = append(r.headers, strings.TrimSuffix(strings.TrimSuffix(jsonNumber(a[0]), ".0"), ".00")+" "+r.inlines(a[2]))
	case "BlockQuote":
		r.quotes = append(r.quotes, r.blocksText(c))
	case "BulletList":
		for _, item := range c.([]any) {
			r.bullets = append(r.bullets, r.blocksText(item))
		}
	case "Div":
		for _, bl := range c.([]any)[1].([]any) {
			r.block(bl, in)
		}
	case "Para", "Plain":
		r.inlines(c) // for the notes in it
	}
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// blocksText is the text of a list of blocks, its notes kept apart.
func (r *pandocReader) blocksText(v any) string {
	var parts []string
	for _, bl := range v.([]any) {
		m := bl.(map[string]any)
		switch m["t"] {
		case "Para", "Plain":
			parts = append(parts, r.inlines(m["c"]))
		default:
			r.block(bl, "")
		}
	}
	return strings.Join(parts, " ")
}

// inlines is the plain text of inlines; notes go to r.notes.
func (r *pandocReader) inlines(v any) string {
	var sb strings.Builder
	list, _ := v.([]any)
	for _, in := range list {
		m := in.(map[string]any)
		c := m["c"]
		switch m["t"] {
		case "Str":
			sb.WriteString(c.(string))
		case "Space", "SoftBreak", "LineBreak":
			sb.WriteString(" ")
		case "Emph", "Strong", "Underline", "SmallCaps", "Strikeout":
			sb.WriteString(r.inlines(c))
		case "Superscript":
			// the commas and range dashes between note references
			if t := r.inlines(c); t != "," && t != "–" {
				sb.WriteString(t)
			}
		case "Span":
			sb.WriteString(r.inlines(c.([]any)[1]))
		case "Link":
			sb.WriteString(r.inlines(c.([]any)[1]))
		case "Quoted":
			sb.WriteString(`"` + r.inlines(c.([]any)[1]) + `"`)
		case "Note":
			r.notes = append(r.notes, quoteMarks(squash(r.noteText(c))))
		}
	}
	return quoteMarks(squash(sb.String()))
}

func (r *pandocReader) noteText(v any) string {
	var parts []string
	for _, bl := range v.([]any) {
		m := bl.(map[string]any)
		switch m["t"] {
		case "Para", "Plain":
			parts = append(parts, r.inlines(m["c"]))
		case "BlockQuote": // an ODT note's hanging indent, to pandoc
			parts = append(parts, r.noteText(m["c"]))
		}
	}
	return strings.Join(parts, " ")
}

// meta is the text of a metadata value.
func (r *pandocReader) meta(v any) string {
	m, _ := v.(map[string]any)
	if m == nil {
		return ""
	}
	return r.inlines(m["c"])
}

// quoteMarks makes every quotation mark and apostrophe straight, as
// pandoc's Quoted elements lose which marks the text had.
func quoteMarks(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
}
