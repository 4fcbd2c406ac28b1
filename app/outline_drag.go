package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// nodeRow is one row of the outline tree. Dragging it onto another row
// moves its section or excerpt there (Fyne has no drag and drop between
// widgets, so the row finds the target under the pointer itself); the
// move up/down and "Move to…" commands do the same from the keyboard.
type nodeRow struct {
	widget.BaseWidget
	o     *outline
	uid   string
	label *widget.Label
	// caption is dim text after the label: a section's theme.
	caption *widget.RichText
	box     *fyne.Container
	// start is where the drag began, in the row; moved is how far the
	// pointer has gone since.
	start    fyne.Position
	moved    fyne.Delta
	dragging bool
}

func newNodeRow(o *outline) *nodeRow {
	r := &nodeRow{o: o, label: widget.NewLabel("node"), caption: widget.NewRichText()}
	// A heading wraps onto a second line rather than being cut; only a
	// longer one ends in an ellipsis.
	r.label.Wrapping = fyne.TextWrapWord
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.caption.Hide()
	lines := canvas.NewRectangle(nil)
	lines.SetMinSize(fyne.NewSize(40, float32(o.rowsLines())*lineHeight()+2*theme.InnerPadding()))
	r.box = container.NewBorder(nil, nil, nil, r.caption, container.NewStack(lines, r.label))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the label, and the caption at the row's end.
func (r *nodeRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.box)
}

// setCaption shows text as the row's caption, or hides it when text is "".
func (r *nodeRow) setCaption(text string) {
	if text == "" {
		r.caption.Segments = nil
		r.caption.Hide()
	} else {
		r.caption.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: captionStyle, Text: text}}
		r.caption.Show()
		r.caption.Refresh()
	}
	// The caption changes the label's width: lay the row out again.
	r.box.Layout.Layout(r.box.Objects, r.box.Size())
}

// Dragged follows the pointer.
func (r *nodeRow) Dragged(e *fyne.DragEvent) {
	if !r.dragging {
		r.dragging = true
		r.start = e.Position
		r.moved = fyne.Delta{}
		r.o.u.setStatus(lang.L("Drop on a section or an excerpt to move {{.Name}} there", map[string]any{"Name": quoted(r.label.Text)}), false)
	}
	r.moved.DX += e.Dragged.DX
	r.moved.DY += e.Dragged.DY
}

// DragEnd moves the row's node to the row under the pointer.
func (r *nodeRow) DragEnd() {
	r.dragging = false
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(r).Add(r.start).Add(r.moved)
	for _, t := range r.o.rows {
		if t == r || t.uid == "" || !t.Visible() || d.CanvasForObject(t) == nil {
			continue
		}
		pos, size := d.AbsolutePositionForObject(t), t.Size()
		if at.X >= pos.X && at.X < pos.X+size.Width && at.Y >= pos.Y && at.Y < pos.Y+size.Height {
			r.o.drop(r.uid, t.uid)
			return
		}
	}
	r.o.u.setStatus(lang.L("Nothing moved: drop on a row of the outline"), false)
}

// drop moves node from onto node to: a section before another section; an
// excerpt before another excerpt, or to the end of a section.
func (o *outline) drop(from, to string) {
	if from == to || o.u.ed == nil {
		return
	}
	b := o.u.ed.Brief()
	switch {
	case strings.HasPrefix(from, secNode) && strings.HasPrefix(to, secNode):
		id := strings.TrimPrefix(from, secNode)
		_, i := b.Section(strings.TrimPrefix(to, secNode))
		if i < 0 {
			return
		}
		o.u.edit(func(ed *briefing.Editor) error { return ed.MoveSection(id, i) })
	case strings.HasPrefix(from, exNode) && strings.HasPrefix(to, secNode):
		o.moveExcerptTo(strings.TrimPrefix(from, exNode), strings.TrimPrefix(to, secNode))
	case strings.HasPrefix(from, exNode) && strings.HasPrefix(to, exNode):
		id := strings.TrimPrefix(from, exNode)
		_, si, _ := b.Excerpt(id)
		_, ti, tj := b.Excerpt(strings.TrimPrefix(to, exNode))
		if si < 0 || ti < 0 {
			return
		}
		sec := b.Sections[ti].ID
		o.u.edit(func(ed *briefing.Editor) error { return ed.MoveExcerpt(id, sec, tj) })
		o.selectNode(exNode + id)
	default:
		return
	}
	o.u.setStatus(lang.L("Moved in the outline; Ctrl+Z undoes it"), false)
}

// quoted puts a row's label between quotation marks unless it already
// starts with one (an excerpt's label is its quotation).
func quoted(label string) string {
	if strings.HasPrefix(label, "“") || strings.HasPrefix(label, "\"") {
		return label
	}
	return "“" + label + "”"
}
