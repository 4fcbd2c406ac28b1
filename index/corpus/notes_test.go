package corpus

import "testing"

func TestGluedMarkNeedsTheNextFootnote(t *testing.T) {
	notes := newNoteTable()
	notes.add("1", "First note.", 0, true)
	notes.add("2", "Second note.", 0, true)
	text, refs, _ := notes.takeMarks("In the G7 of 2023 the members agreed1. The year 20222, and 5G.")
	if text != "In the G7 of 2023 the members agreed. The year 2022, and 5G." {
		t.Errorf("text %q", text)
	}
	if len(refs) != 2 || refs[0].Number != "1" || refs[1].Number != "2" {
		t.Errorf("refs %v", refs)
	}
	// With no footnote 3, a glued 3 is part of the text.
	text, refs, _ = notes.takeMarks("Article 3 and table A3.")
	if text != "Article 3 and table A3." || len(refs) != 0 {
		t.Errorf("%q %v", text, refs)
	}
}

func TestSuperscriptMarkNeedsAFootnoteNearby(t *testing.T) {
	notes := newNoteTable()
	notes.add("1", "One.", 0, false)
	notes.add("2", "Two.", 0, false)
	text, refs, _ := notes.takeMarks("Draghi¹ and IRIS² and the m² unit² ¹")
	// ² after IRIS is taken as note 2 (it is the next one); later ones are
	// not marks: a footnote is referred to once, no 3 exists, and a mark must
	// follow a word.
	if text != "Draghi and IRIS and the m² unit² ¹" || len(refs) != 2 {
		t.Errorf("%q %d", text, len(refs))
	}
	notes = newNoteTable()
	notes.add("40", "Forty.", 0, false)
	if text, refs, _ := notes.takeMarks("IRIS⁴⁰ is far from the last mark"); text != "IRIS⁴⁰ is far from the last mark" || len(refs) != 0 {
		t.Errorf("a mark far ahead was taken: %q", text)
	}
}

func TestMarkdownReferences(t *testing.T) {
	notes := newNoteTable()
	notes.add("a", "Named note.", 0, false)
	text, refs, _ := notes.takeMarks("Text[^a] and a dangling one[^zz].")
	if text != "Text and a dangling one." || len(refs) != 1 || refs[0].Number != "a" {
		t.Errorf("%q %v", text, refs)
	}
}

func TestSuperscriptValue(t *testing.T) {
	for in, want := range map[string]string{"¹": "1", "²³": "23", "⁴⁰": "40", "¹⁰": "10", "⁹⁸⁷⁶⁵": "98765"} {
		if got := superscriptValue(in); got != want {
			t.Errorf("%s → %s, want %s", in, got, want)
		}
	}
}

// TestNoteURLsKeepBalancedParentheses checks that an address ending in a
// parenthesis of its own keeps it, and one closed by the text's
// parenthesis does not. Before the fix the first lost its ")".
func TestNoteURLsKeepBalancedParentheses(t *testing.T) {
	for text, want := range map[string]string{
		"See https://en.wikipedia.org/wiki/Digital_divide_(disambiguation).":   "https://en.wikipedia.org/wiki/Digital_divide_(disambiguation)",
		"(see https://en.wikipedia.org/wiki/Digital_divide_(disambiguation))":  "https://en.wikipedia.org/wiki/Digital_divide_(disambiguation)",
		"(see https://example.org/page), then":                                 "https://example.org/page",
		"See [the page](https://en.wikipedia.org/wiki/Digital_divide_(test)).": "https://en.wikipedia.org/wiki/Digital_divide_(test)",
		"At https://example.org/a_(b)_c.":                                      "https://example.org/a_(b)_c",
	} {
		raw := "Body text with a note.[^1]\n\n[^1]: " + text + "\n"
		d, err := Parse(Meta{ID: "n", Lang: "en"}, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Passages) != 1 || len(d.Passages[0].Notes) != 1 {
			t.Fatalf("%q: passages %+v", text, d.Passages)
		}
		if got := d.Passages[0].Notes[0].URLs; len(got) != 1 || got[0] != want {
			t.Errorf("%q: URLs %q, want %q", text, got, want)
		}
	}
}

func TestMarksKeepTheirPlaces(t *testing.T) {
	notes := newNoteTable()
	notes.add("1", "One.", 0, false)
	notes.add("2", "Two.", 0, false)
	notes.add("b", "Bee.", 0, false)
	text, refs, marks := notes.takeMarks("Più resiliente¹, poi Draghi² e là [^b] fine.")
	if text != "Più resiliente, poi Draghi e là fine." || len(refs) != 3 {
		t.Fatalf("%q %d", text, len(refs))
	}
	rs := []rune(text)
	at := map[string]string{}
	for i, n := range refs {
		at[n.Number] = string(rs[:marks[i]])
	}
	if at["1"] != "Più resiliente" || at["2"] != "Più resiliente, poi Draghi" || at["b"] != "Più resiliente, poi Draghi e là" {
		t.Errorf("marks stand after %q", at)
	}
}
