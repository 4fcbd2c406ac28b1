package briefing

import (
	"strings"
	"testing"
)

func TestPrintLeversRoundTrip(t *testing.T) {
	b, err := New(Header{Title: "Undersea cables", Lang: "en"}, "briefing-note")
	if err != nil {
		t.Fatal(err)
	}
	if b.PageBudget() != 2 || b.ContentsMode() != ContentsAuto || !b.SourcesList() || b.TranslationLayout() != TranslationInText {
		t.Fatalf("briefing note: budget %d, contents %s, sources %v, translation %s", b.PageBudget(), b.ContentsMode(), b.SourcesList(), b.TranslationLayout())
	}
	h := b.Header
	h.PageLimit, h.Contents, h.Sources = 3, ContentsOff, SourcesOff
	if err := b.SetHeader(h); err != nil {
		t.Fatal(err)
	}
	id, err := b.AddExcerpt(b.Sections[0].ID, Excerpt{PassageID: "p1", Full: "Testo originale.", Source: Source{Lang: "it"}}, -1)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.SetTranslation(id, "  Original   text. "); err != nil {
		t.Fatal(err)
	}
	data, err := Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(data, "x.brief")
	if err != nil {
		t.Fatal(err)
	}
	x, _, _ := c.Excerpt(id)
	if c.PageBudget() != 3 || c.ContentsMode() != ContentsOff || c.SourcesList() || x.Translation != "Original text." {
		t.Errorf("after a round trip: budget %d, contents %s, sources %v, translation %q", c.PageBudget(), c.ContentsMode(), c.SourcesList(), x.Translation)
	}
	if len(c.Extra) != 0 || len(x.Extra) != 0 {
		t.Errorf("known fields kept as unknown: %v %v", c.Extra, x.Extra)
	}
	for _, bad := range []Header{{Title: "t", Contents: "maybe"}, {Title: "t", Sources: "yes"}, {Title: "t", PageLimit: -1}} {
		if err := b.SetHeader(bad); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("SetHeader(%+v) = %v, want a one-line error", bad, err)
		}
	}
}

func TestTranslationInTextCitesTheOriginal(t *testing.T) {
	b, _ := New(Header{Title: "t", Lang: "en"}, "briefing-note")
	id, _ := b.AddExcerpt(b.Sections[0].ID, Excerpt{PassageID: "p1", Full: "Il Consiglio sottolinea.", Source: Source{Title: "Conclusioni", Lang: "it"}}, -1)
	_ = b.SetTranslation(id, "The Council stresses.")
	c := Cite(b)
	if len(c.Notes) != 2 || !c.Notes[1].Original || !strings.Contains(c.Notes[1].Text(), "Original (Italian): «Il Consiglio sottolinea.»") {
		t.Errorf("notes %+v, want the citation then the original", c.Notes)
	}
}
