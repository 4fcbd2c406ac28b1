package briefing

import (
	"fmt"
	"strings"
	"testing"
)

// TestRender checks the resolved brief every export reads: the title
// block in the label language, the blocks of each section with their
// languages and labels, the notes and their languages, the properties.
func TestRender(t *testing.T) {
	b := sampleBrief(t)
	b.Classification = "  RESTRICTED \n UE "
	r := Render(b, Options{})
	if r.LangTag != "en-GB" || r.Marking != "RESTRICTED UE" || r.Purpose != "For decision" || len(r.Fields) != 3 || r.Fields[1].Label != "From" {
		t.Errorf("title block: %q %q %q %+v", r.LangTag, r.Marking, r.Purpose, r.Fields)
	}
	if Render(b, Options{Paper: "letter"}).LangTag != "en-US" {
		t.Error("an English brief on Letter is not American English")
	}
	if len(r.Sections) != 5 || r.Sections[2].Numbered() != "3. Background" {
		t.Fatalf("sections %+v", r.Sections)
	}
	var kinds []string
	for _, bl := range r.Sections[2].Blocks {
		kinds = append(kinds, fmt.Sprintf("%d/%s/%s", bl.Kind, bl.Lang, bl.Label))
	}
	want := fmt.Sprintf("%d/it-IT/In Italian %d/it-IT/In Italian %d/en-GB/", Quotation, Quotation, Comment)
	if strings.Join(kinds, " ") != want {
		t.Errorf("Background blocks %q, want %q", strings.Join(kinds, " "), want)
	}
	q := r.Sections[2].Blocks[0]
	if len(q.Pieces) == 0 || q.Pieces[len(q.Pieces)-1].Marks[0] != q.Marks[0] {
		t.Errorf("the citation's mark is not after the quotation: %+v", q.Pieces)
	}
	joined := ""
	for _, p := range q.Pieces {
		joined += p.Text
	}
	if joined != q.Text {
		t.Errorf("the pieces do not make the quotation: %q", joined)
	}
	c := Cite(b)
	if len(r.Notes) != len(c.Notes) || r.NoteLang(q.Marks[0]) != "it-IT" || r.NoteLang(999) != "en-GB" {
		t.Errorf("notes %d, note language %q", len(r.Notes), r.NoteLang(q.Marks[0]))
	}
	if r.SourceLang("tech7-2024") != "en-GB" || r.SourceLang("join-2025-140") != "it-IT" {
		t.Error("source languages")
	}
	if p := r.Properties; p.Title != b.Title || p.Author != "A. Rossi, Policy Planning Unit" || p.Keywords[0] != "RESTRICTED UE" {
		t.Errorf("properties %+v", p)
	}
	if r.Pages == 0 || len(r.SectionPages) != 5 {
		t.Errorf("pages %d, section pages %v", r.Pages, r.SectionPages)
	}
	b.Sources = SourcesOff
	if len(Render(b, Options{}).Sources) != 0 {
		t.Error("Sources off still lists sources")
	}
	for code, tag := range map[string]string{"it": "it-IT", "fr": "fr-FR", "": "", "xx": "xx"} {
		if got := langTag(code, "a4"); got != tag {
			t.Errorf("langTag(%q) = %q", code, got)
		}
	}
}
