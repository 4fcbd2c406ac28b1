package briefing

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// Reading an export back with pandoc, a reader written independently of
// Word and LibreOffice (docx_pandoc_test.go, odt_pandoc_test.go,
// marks_test.go).

// pandocDoc is pandoc's JSON AST of a file: its metadata and blocks.
type pandocDoc struct {
	Meta   map[string]any `json:"meta"`
	Blocks []any          `json:"blocks"`
}

// readWithPandoc reads the file at path in format ("docx", "odt", or
// "docx+styles") with pandoc and walks its blocks; the test is skipped
// when pandoc is not installed.
func readWithPandoc(t *testing.T, format, path string) (*pandocReader, pandocDoc) {
	t.Helper()
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (apt-get install pandoc, or run scripts/deps.sh): the file is not read back")
	}
	out, err := exec.Command("pandoc", "-f", format, "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc could not read the %s file: %v", format, err)
	}
	var doc pandocDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	r := &pandocReader{}
	for _, bl := range doc.Blocks {
		r.block(bl, "")
	}
	return r, doc
}

// checkNotes checks that pandoc read every note of b, range or not, as a
// note with its text, in order.
func (r *pandocReader) checkNotes(t *testing.T, b *Brief) {
	t.Helper()
	notes := Cite(b).Notes
	if len(r.notes) != len(notes) {
		t.Fatalf("pandoc read %d notes, want %d", len(r.notes), len(notes))
	}
	for i, n := range notes {
		if want := quoteMarks(squash(n.Text())); r.notes[i] != want {
			t.Errorf("note %d:\n got %q\nwant %q", n.Number, r.notes[i], want)
		}
	}
}

// checkHeadings checks the headings pandoc read, as "level text": the
// ones before the sections (lead), each numbered section at level 1, then
// the Sources.
func (r *pandocReader) checkHeadings(t *testing.T, b *Brief, lead ...string) {
	t.Helper()
	want := lead
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
		r.quotes = append(r.quotes, r.blocksText(c, false))
	case "BulletList":
		for _, item := range c.([]any) {
			r.bullets = append(r.bullets, r.blocksText(item, false))
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

// blocksText is the text of a list of blocks, its notes kept apart. The
// other blocks in it are read as blocks, or, inside a note, a BlockQuote
// as more of the note (an ODT note's hanging indent, to pandoc).
func (r *pandocReader) blocksText(v any, inNote bool) string {
	var parts []string
	for _, bl := range v.([]any) {
		m := bl.(map[string]any)
		switch {
		case m["t"] == "Para" || m["t"] == "Plain":
			parts = append(parts, r.inlines(m["c"]))
		case inNote && m["t"] == "BlockQuote":
			parts = append(parts, r.blocksText(m["c"], true))
		case !inNote:
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
			r.notes = append(r.notes, quoteMarks(squash(r.blocksText(c, true))))
		}
	}
	return quoteMarks(squash(sb.String()))
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
