package bridge

import (
	"strings"
	"testing"

	"attache/briefing"
)

// The case: the 330-word Council paragraph 7 carries source notes 2
// and 3; trimmed to its first part, note 3's mark ("Global Gateway") is cut
// away and the note must leave the quotation, the numbers following.
func TestTrimDropsNotesWhoseMarksWereCut(t *testing.T) {
	lib := openSeeds(t)
	doc, err := lib.Document("council-2023")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, p := range doc.Passages {
		if p.Locator == "para. 7" {
			id = p.ID
		}
	}
	x, err := Excerpt(lib, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Notes) != 2 || x.Notes[0].Mark == 0 || x.Notes[1].Mark == 0 {
		t.Fatalf("para. 7 notes %+v, want 2 and 3 with their marks", x.Notes)
	}
	full := []rune(x.Full)
	if got := string(full[:x.Notes[0].Mark]); !strings.HasSuffix(got, "resiliente") {
		t.Errorf("note 2's mark stands after %q, want after \"resiliente\"", got[max(0, len(got)-30):])
	}
	b, _ := briefing.New(briefing.Header{Title: "t", Lang: "it"}, "briefing-note")
	xid, err := b.AddExcerpt(b.Sections[0].ID, x, -1)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(briefing.Cite(b).Notes); n != 3 {
		t.Fatalf("untrimmed: %d notes, want 3 (citation, source notes 2 and 3)", n)
	}
	// keep the words up to just after note 2's mark, as the reader's Keep does
	if err := b.TrimExcerpt(xid, 0, x.Notes[0].Mark+1); err != nil {
		t.Fatal(err)
	}
	// a second excerpt after it: its citation's number follows the cut
	if _, err := b.AddExcerpt(b.Sections[0].ID, x, -1); err != nil {
		t.Fatal(err)
	}
	c := briefing.Cite(b)
	var texts []string
	for _, n := range c.Notes {
		texts = append(texts, n.Text())
	}
	// source note 2's mark stands inside the quotation: it is note 1, in
	// reading order, and the citation at the end note 2
	if len(c.Notes) != 5 || !strings.Contains(texts[0], "Nota 2 della fonte") || c.Marks[xid][0] != 2 || c.Marks[xid][1] != 1 || c.Notes[2].ExcerptID == xid {
		t.Errorf("trimmed: notes %q, marks %v: want source note 2 and the citation only, the next excerpt's notes numbered from 3", texts, c.Marks)
	}
}
