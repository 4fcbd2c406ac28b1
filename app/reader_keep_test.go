package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"attache/briefing"
)

// TestKeepTheSelectedWords is the case in the window: the Council's
// 330-word paragraph 7 (source notes 2 and 3) is read in the reader, the
// words up to note 2's mark are selected with Shift and the arrows, and
// Keep makes them the quotation, which drops note 3 with the words cut.
// Typing and deleting in the selectable text change nothing.
func TestKeepTheSelectedWords(t *testing.T) {
	u := newTestUI(t)
	doc, err := testLib.Document("council-2023")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	var mark int
	for _, p := range doc.Passages {
		if p.Locator == "para. 7" {
			id, mark = p.ID, p.Notes[0].Mark
		}
	}
	u.reader.showPassage("council-2023", id)
	k := u.reader.keep
	k.switchMode()
	if !k.on || !k.entry.Visible() || k.entry.Text == "" {
		t.Fatal("the reader did not show the passage as selectable text")
	}
	// the text cannot be changed
	text := k.entry.Text
	k.entry.TypedRune('x')
	k.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	k.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: u.app.Clipboard()})
	if k.entry.Text != text {
		t.Fatal("the selectable text was changed")
	}
	if err := k.keepSelection(); err == nil {
		t.Error("Keep with nothing selected did not complain")
	}
	// select from the start three rows down, ending inside a word
	k.entry.CursorRow, k.entry.CursorColumn = 0, 0
	k.entry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < 3; i++ {
		k.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	k.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	k.entry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	sel := k.entry.SelectedText()
	if len(sel) < 40 || len([]rune(sel)) >= mark {
		t.Fatalf("selected %q: the test wants a few rows before note 2's mark", sel)
	}
	if err := k.keepSelection(); err != nil {
		t.Fatal(err)
	}
	b := u.ed.Brief()
	xs := b.Excerpts()
	if len(xs) != 1 {
		t.Fatalf("%d excerpts, want the passage added and trimmed", len(xs))
	}
	x := xs[0]
	kept := strings.TrimSuffix(x.Text, " "+briefing.Ellipsis)
	if kept == x.Text || !strings.HasPrefix(x.Text, "L'UE è pronta") || !strings.HasPrefix(sel, kept[:len(kept)-12]) || !strings.Contains(x.Full, kept+" ") {
		t.Errorf("selected %q, quotation %q: want the selected words, whole", sel, x.Text)
	}
	if notes := x.KeptNotes(); len(notes) != 0 || len(x.Notes) != 2 {
		t.Errorf("kept notes %+v: notes 2 and 3 stood in the words cut away", notes)
	}
	if c := briefing.Cite(b); len(c.Notes) != 1 {
		t.Errorf("%d notes printed, want the citation alone", len(c.Notes))
	}
	if k.on || u.brief.outline.sel != exNode+x.ID {
		t.Error("after Keep the reader should leave the selection mode and the outline show the excerpt")
	}
	// the outline shows a quotation's start only: the status line says
	// what Keep did
	if want := fmt.Sprintf("Quotation trimmed to the %d words selected", len(strings.Fields(kept))); u.status.Text != want {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
	// Undo brings the whole passage back
	u.undo()
	if x := u.ed.Brief().Excerpts()[0]; x.Text != x.Full {
		t.Errorf("undo: %q", x.Text)
	}
}

// TestKeepModeShowsTheWholePassage checks that the selectable text shows
// the whole passage (the Council's 330-word paragraph 7), not three lines,
// and that the reader is no wider in the selection mode, so that the
// search pane beside it keeps its layout.
func TestKeepModeShowsTheWholePassage(t *testing.T) {
	u := newTestUI(t)
	doc, err := testLib.Document("council-2023")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, p := range doc.Passages {
		if p.Locator == "para. 7" {
			id = p.ID
		}
	}
	u.reader.showPassage("council-2023", id)
	textHeight := u.reader.text.Size().Height
	width := u.reader.content.MinSize().Width
	k := u.reader.keep
	k.switchMode()
	if h := k.entry.MinSize().Height; h < textHeight {
		t.Errorf("the selectable text is %.0f high, the passage %.0f: part of it is hidden", h, textHeight)
	}
	if w := u.reader.content.MinSize().Width; w > width {
		t.Errorf("the reader needs %.0f wide in the selection mode, %.0f before", w, width)
	}
	k.switchMode()
	if !u.reader.copyCite.Visible() {
		t.Error("Copy citation did not come back after the selection mode")
	}
}

// TestScissorsWaitForAPassage checks that the scissors, like the reader's
// other commands, are off until a passage is shown: they did nothing.
func TestScissorsWaitForAPassage(t *testing.T) {
	u := newTestUI(t)
	if !u.reader.keep.toggle.Disabled() {
		t.Error("the scissors are on with no passage shown")
	}
	search(t, u, "cables")
	u.search.list.Select(0)
	if u.reader.keep.toggle.Disabled() {
		t.Error("the scissors are off with a passage shown")
	}
}
