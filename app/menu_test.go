package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestShortcutsWaitForTheOpenDialog(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "cables")
	u.search.list.Select(0)
	count := func() int { return len(u.ed.Brief().Excerpts()) }
	before, sections := count(), len(u.ed.Brief().Sections)

	u.brief.outline.addSection()
	e, ok := u.win.Canvas().Focused().(*escEntry)
	if !ok || len(u.dialogs) != 1 {
		t.Fatalf("Add section: focused %T, %d dialogs", u.win.Canvas().Focused(), len(u.dialogs))
	}
	// Ctrl+Enter behind the dialog adds nothing.
	u.menuAction(ctrl(fyne.KeyReturn))()
	if count() != before {
		t.Fatal("Ctrl+Enter added a passage behind the Add section dialog")
	}
	// Ctrl+Z goes to the field, not to the brief's history.
	test.Type(e, "Risks")
	undoLabel := u.ed.UndoLabel()
	u.menuAction(&fyne.ShortcutUndo{})()
	if u.ed.UndoLabel() != undoLabel || len(u.ed.Brief().Sections) != sections {
		t.Fatal("Ctrl+Z in the dialog undid a brief edit")
	}
	// Enter in the field answers OK.
	e.SetText("Risks")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(u.dialogs) != 0 {
		t.Fatal("Enter did not close the Add section dialog")
	}
	if got := len(u.ed.Brief().Sections); got != sections+1 {
		t.Fatalf("%d sections after Enter, want %d", got, sections+1)
	}
	// With the dialog gone, Ctrl+Enter adds again.
	u.menuAction(ctrl(fyne.KeyReturn))()
	if count() != before+1 {
		t.Errorf("Ctrl+Enter after the dialog: %d excerpts, want %d", count(), before+1)
	}
}
