package corpus

import (
	"context"
	"strings"
	"testing"

	"attache/seeds"
)

func TestMeasureTellsDoubleSpacedExtractions(t *testing.T) {
	for name, want := range map[string]bool{
		"000_fea732852672aab9.txt": false,
		"001_2fc69bc64bb88772.txt": false,
		"002_2851658771870aa1.txt": true,
		"003_e68c56b7d9ccb62f.txt": false,
	} {
		raw, err := seeds.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		double, width := measure(strings.Split(string(raw), "\n"))
		if double != want {
			t.Errorf("%s: double-spaced %v, want %v (width %d)", name, double, want, width)
		}
		if want && (width < 90 || width > 105) {
			t.Errorf("%s: line width %d", name, width)
		}
	}
}

func TestFootnoteBlockAfterSeparator(t *testing.T) {
	// The form of 002: a line of spaces, numbered notes, a note going on on
	// a second line, a URL cut at a hyphen, then the page's link targets.
	text := "Running text that ends here.\n" +
		"                                                 \n" +
		"2 Cfr.: first note \n\nsecond line of it \n" +
		"3 Another note \n\nhttps://example.org/a-long-\n\nname \n\n" +
		"https://example.org/for-note-two\nhttps://example.org/a-long-name\n" +
		" 8. Next page starts.\n"
	notes := newNoteTable()
	blocks := scanLines(text, notes, &stopCheck{ctx: context.Background()})
	notes.finish()
	if len(blocks) != 2 || !blocks[1].afterBreak || blocks[1].lines[0] != "8. Next page starts." {
		t.Fatalf("blocks %+v", blocks)
	}
	if len(notes.order) != 2 {
		t.Fatalf("notes %+v", notes.order)
	}
	two, three := notes.order[0], notes.order[1]
	if two.Text != "Cfr.: first note second line of it" || strings.Join(two.URLs, " ") != "https://example.org/for-note-two" {
		t.Errorf("note 2: %q %v", two.Text, two.URLs)
	}
	if three.Text != "Another note" || strings.Join(three.URLs, " ") != "https://example.org/a-long-name" {
		t.Errorf("note 3: %q %v", three.Text, three.URLs)
	}
}

func TestHeadingLineAboveItsParagraph(t *testing.T) {
	if !headingLine("Digital Government Systems", "A robust digital public infrastructure facilitates an easy access.") {
		t.Error("G7 sub-heading not seen")
	}
	for _, line := range []string{"This paragraph runs on to the next page and", "In linea con la strategia ProtectEU,", "Esempi di azioni future:"} {
		if looksLikeHeading(line) {
			t.Errorf("%q taken for a heading", line)
		}
	}
}
