package briefing

import "testing"

func TestKeptNotesFollowTheCut(t *testing.T) {
	full := "The Council stresses cooperation. It calls for new partnerships. It asks for funding."
	// marks after "cooperation." (note 2) and "funding." (note 3); note 9's
	// place is unknown
	x := Excerpt{Full: full, Text: full, Notes: []Note{
		{Number: "2", Text: "a", Mark: len([]rune("The Council stresses cooperation."))},
		{Number: "3", Text: "b", Mark: len([]rune(full))},
		{Number: "9", Text: "c"},
	}}
	if got := numbers(x.KeptNotes()); got != "2,3,9" {
		t.Fatalf("untrimmed: notes %s", got)
	}
	text, err := QuoteText(full, []Range{{0, len([]rune("The Council stresses cooperation. It calls for new partnerships."))}})
	if err != nil {
		t.Fatal(err)
	}
	x.Text = text
	if got := numbers(x.KeptNotes()); got != "2,9" {
		t.Errorf("trimmed to %q: notes %s, want 2,9 (note 3's mark was cut away)", text, got)
	}
	x.Text = "It calls for new partnerships. " + Ellipsis
	if got := numbers(x.KeptNotes()); got != "9" {
		t.Errorf("trimmed to %q: notes %s, want 9", x.Text, got)
	}
}

func numbers(ns []Note) string {
	s := ""
	for i, n := range ns {
		if i > 0 {
			s += ","
		}
		s += n.Number
	}
	return s
}
