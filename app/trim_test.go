package app

import (
	"strings"
	"testing"

	"attache/briefing"
)

func TestTrimToCutsTheQuote(t *testing.T) {
	u := newTestUI(t)
	full := "The Union will, in cooperation with partners, support secure undersea cables, including in Africa."
	var id string
	err := u.edit(func(ed *briefing.Editor) error {
		sec, err := ed.AddSection("Cables", -1)
		if err != nil {
			return err
		}
		id, err = ed.AddExcerpt(sec, briefing.Excerpt{PassageID: "p1", Source: briefing.Source{DocID: "x", Title: "X"}, Full: full, Text: full}, -1)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := trimTo(u, id, full, "support secure undersea cables"); err != nil {
		t.Fatal(err)
	}
	x, _, _ := u.ed.Brief().Excerpt(id)
	if x == nil || x.Text != "[…] support secure undersea cables […]" {
		t.Fatalf("trimmed excerpt = %+v", x)
	}
	if err := trimTo(u, id, full, "The Union shall support"); err == nil {
		t.Error("a reworded quote was accepted")
	}
	x, _, _ = u.ed.Brief().Excerpt(id)
	showTrimDialog(u, x)
	if e, ok := u.win.Canvas().Focused().(*escEntry); !ok || !strings.Contains(e.Text, "support secure undersea cables") {
		t.Errorf("the trim dialog focuses %T, not the quotation", u.win.Canvas().Focused())
	}
}

// BenchmarkTrimDialog opens the trim dialog on a long quotation (it took
// seconds when the text went into the entry before it had its width).
func BenchmarkTrimDialog(b *testing.B) {
	u := newTestUI(b)
	u.search.query.SetText("digital")
	u.search.list.Select(0)
	u.addSelected()
	x := u.ed.Brief().Sections[0].Excerpts[0]
	x.Text = strings.Repeat(x.Text+" ", 3)
	for b.Loop() {
		showTrimDialog(u, &x)
		u.closeTopDialog()
	}
}
