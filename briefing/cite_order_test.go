package briefing

import (
	"fmt"
	"testing"
)

// TestNotesNumberedInReadingOrder checks that a quotation's source notes,
// whose marks stand inside it, are numbered before its citation, whose mark
// is at its end: a reader met them as 4, 5, 3. A note whose place is
// unknown prints at the end, and then the citation leads as before.
func TestNotesNumberedInReadingOrder(t *testing.T) {
	b, err := New(Header{Title: "Cables", Lang: "en", Date: "2026-12-01"}, "briefing-note")
	if err != nil {
		t.Fatal(err)
	}
	sec := b.Sections[0].ID
	full := "The Council stresses cooperation. It calls for new partnerships. It asks for funding."
	add := func(doc string, notes []Note) string {
		id, err := b.AddExcerpt(sec, Excerpt{PassageID: doc + "-p1", Text: full, Full: full, Notes: notes,
			Source: Source{DocID: doc, Title: "Doc " + doc, Issuer: "Council", Date: "2023"}, Locator: "para. 1"}, -1)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	first := add("a", nil)
	second := add("b", []Note{
		{Number: "2", Text: "two", Mark: len([]rune("The Council stresses cooperation."))},
		{Number: "3", Text: "three", Mark: len([]rune("The Council stresses cooperation. It calls for new partnerships."))},
	})
	third := add("c", []Note{{Number: "9", Text: "nine"}})
	c := Cite(b)
	got := map[string]string{}
	for _, id := range []string{first, second, third} {
		got[id] = fmt.Sprint(c.Marks[id])
	}
	// marks: the citation's first, then the source notes'
	if got[first] != "[1]" || got[second] != "[4 2 3]" || got[third] != "[5 6]" {
		t.Errorf("marks %v %v %v, want [1] [4 2 3] [5 6]", got[first], got[second], got[third])
	}
	for i, n := range c.Notes {
		if n.Number != i+1 {
			t.Fatalf("notes listed out of order: %d at %d", n.Number, i+1)
		}
	}
	if !c.Notes[1].FromSource || c.Notes[3].FromSource {
		t.Errorf("notes 2 and 3 are the source's, 4 the citation: %+v", c.Notes)
	}
}
