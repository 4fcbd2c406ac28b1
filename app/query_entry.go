package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// queryEntry is the query field; Up and Down in it move through the
// results, so that the keyboard alone can search, pick and add.
type queryEntry struct {
	widget.Entry
	p *searchPane
}

func newQueryEntry(p *searchPane) *queryEntry {
	e := &queryEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the results on Up and Down, and clears the query
// on Escape.
func (e *queryEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.step(1)
	case fyne.KeyUp:
		e.p.step(-1)
	case fyne.KeyEscape:
		if !e.p.u.closeTopDialog() {
			e.SetText("")
		}
	default:
		e.Entry.TypedKey(k)
	}
}
