package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// rowLines is the most lines of heading an outline row shows.
const rowLines = 2

// lineHeight is the height of a line of text.
func lineHeight() float32 {
	return fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
}

// rowsLines is how many lines the outline's rows get: one while every
// heading and quotation fits on one line of the tree's width, so that more
// rows show, else two. The tree's rows all have one height.
func (o *outline) rowsLines() int {
	if o.lines < 1 {
		return rowLines
	}
	return o.lines
}

// neededLines is how many lines the rows need at the tree's width w.
func (o *outline) neededLines(w float32) int {
	if w <= 0 || o.u.ed == nil {
		return rowLines
	}
	icon, pad, inner := theme.IconInlineSize(), theme.Padding(), theme.InnerPadding()
	fits := func(uid string, depth int) bool {
		avail := w - pad - float32(depth)*(icon+pad) - icon - pad - 2*inner - theme.ScrollBarSize()
		if c := o.nodeCaption(uid); c != "" {
			avail -= fyne.MeasureText(c, theme.CaptionTextSize(), fyne.TextStyle{}).Width + pad
		}
		style := fyne.TextStyle{Bold: strings.HasPrefix(uid, secNode)}
		return fyne.MeasureText(o.nodeLabel(uid), theme.TextSize(), style).Width <= avail
	}
	for _, s := range o.children("") {
		if !fits(s, 1) {
			return rowLines
		}
		for _, x := range o.children(s) {
			if !fits(x, 2) {
				return rowLines
			}
		}
	}
	return 1
}

// fitRows gives the rows the lines they need at width w, redrawing the
// tree when that changes.
func (o *outline) fitRows(w float32) {
	if w <= 0 {
		return
	}
	o.treeWidth = w
	if n := o.neededLines(w); n != o.rowsLines() {
		o.lines = n
		o.tree.Refresh()
	}
}

// widthWatch lays its one object out over its whole size and tells
// changed the new width when it changes.
type widthWatch struct {
	width   float32
	changed func(float32)
}

// Layout fills the size with the object and reports a new width.
func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.width {
		l.width = size.Width
		l.changed(size.Width)
	}
}

// MinSize is the object's.
func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
