package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// wrapEntry is a multi-line entry that wraps at word boundaries and keeps
// the cursor after what was typed. Fyne's wrapped entry (v2.7.1) can put
// the cursor before a space typed where a line is full, so that the next
// word is typed in front of the space: "twelve thirteen" became
// "twelvethirteen " in a section's text, a lost space the analyst does
// not see at the end of the line.
type wrapEntry struct {
	widget.Entry
}

// newWrapEntry makes a multi-line, word-wrapping entry.
func newWrapEntry() *wrapEntry {
	e := &wrapEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune inserts r and puts the cursor right after it.
func (e *wrapEntry) TypedRune(r rune) {
	selected := e.SelectedText() != ""
	want := e.CursorTextOffset() + 1
	e.Entry.TypedRune(r)
	if selected || e.Disabled() {
		return
	}
	// The cursor stands before the space typed at the end of a full
	// line, where no key can move it past (the next line does not exist
	// yet): one column on is right after it.
	if e.CursorTextOffset() == want-1 {
		e.CursorColumn++
		if e.CursorTextOffset() != want {
			e.CursorColumn--
		}
	}
}
