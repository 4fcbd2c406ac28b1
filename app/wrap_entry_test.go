package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// counting is the typed text of the wrap tests: short words, so that at
// many widths a space falls where a line is full.
const counting = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"

// TestWrapEntryKeepsEverySpace types a sentence into the entry at widths
// from 200 to 700 and checks it holds what was typed: Fyne's own wrapped
// entry lost a space at 10 of these 72 widths.
func TestWrapEntryKeepsEverySpace(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newReadableTheme())
	for wd := float32(200); wd < 700; wd += 7 {
		w := a.NewWindow("wrap")
		e := newWrapEntry()
		w.SetContent(e)
		w.Resize(fyne.NewSize(wd, 200))
		w.Canvas().Focus(e)
		for _, r := range counting {
			e.TypedRune(r)
		}
		if e.Text != counting {
			t.Errorf("width %.0f: typed %q, the entry holds %q", wd, counting, e.Text)
		}
		w.Close()
	}
}

// TestSectionTextKeepsEverySpace is the window's case: a paragraph typed
// into a section's text is in the brief as typed.
func TestSectionTextKeepsEverySpace(t *testing.T) {
	u := newTestUI(t)
	o := u.brief.outline
	sec := u.ed.Brief().Sections[0]
	o.tree.Select(secNode + sec.ID)
	for wd := float32(1000); wd < 1400; wd += 13 {
		u.win.Resize(fyne.NewSize(wd, 800))
		o.secText.SetText("")
		u.win.Canvas().Focus(o.secText)
		for _, r := range counting {
			o.secText.TypedRune(r)
		}
		got, _ := u.ed.Brief().Section(sec.ID)
		if len(got.Text) != 1 || got.Text[0] != counting {
			t.Fatalf("window %.0f wide: typed %q, the brief holds %q", wd, counting, got.Text)
		}
	}
}
