package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// collapsingBar lays out a row of buttons as an HBox does, showing the
// buttons' labels where the row has room for them; where it has not, the
// labels go one by one from the left (the main command, last, keeps its
// label longest) until the row fits. Its least width is the icons' row, so
// a pane with such a toolbar keeps all its commands when narrow (Italian
// labels are long) and does not take width from the panes beside it.
type collapsingBar struct {
	// labelled are the buttons that have an icon and a label, left to
	// right, and labels their labels.
	labelled []*widget.Button
	labels   []string
	// hidden is how many of labelled show their icon only now.
	hidden int
	// box is the container the bar lays out.
	box *fyne.Container
	// widths are the buttons' widths as measured, by label and theme size:
	// measuring makes a button, whose renderer (and decoded icon) Fyne
	// keeps for a minute, and the bar is measured on every frame.
	widths map[buttonLook]float32
}

// buttonLook is what a button's width depends on.
type buttonLook struct {
	text     string
	icon     fyne.Resource
	textSize float32
	padding  float32
}

// newCollapsingBar makes a toolbar of objects (buttons, spacers).
func newCollapsingBar(objects ...fyne.CanvasObject) *fyne.Container {
	b := &collapsingBar{}
	for _, o := range objects {
		if btn, ok := o.(*widget.Button); ok && btn.Icon != nil && btn.Text != "" {
			b.labelled = append(b.labelled, btn)
			b.labels = append(b.labels, btn.Text)
		}
	}
	b.box = container.New(b, objects...)
	return b.box
}

// width is the row's width with the labels of the first hidden labelled
// buttons hidden.
func (b *collapsingBar) width(objects []fyne.CanvasObject, hidden int) float32 {
	var w float32
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		n++
		if btn, ok := o.(*widget.Button); ok {
			if i := b.index(btn); i >= 0 {
				text := b.labels[i]
				if i < hidden {
					text = ""
				}
				w += b.buttonWidth(text, btn.Icon)
				continue
			}
		}
		w += o.MinSize().Width
	}
	if n > 1 {
		w += float32(n-1) * theme.Padding()
	}
	return w
}

// buttonWidth is the width of a button with text and icon, measured once.
func (b *collapsingBar) buttonWidth(text string, icon fyne.Resource) float32 {
	look := buttonLook{text, icon, theme.TextSize(), theme.InnerPadding()}
	if w, ok := b.widths[look]; ok {
		return w
	}
	if b.widths == nil {
		b.widths = map[buttonLook]float32{}
	}
	w := widget.NewButtonWithIcon(text, icon, nil).MinSize().Width
	b.widths[look] = w
	return w
}

// relabel changes the label of btn, one of the bar's labelled buttons,
// shown at once if the bar shows btn's label now.
func (b *collapsingBar) relabel(btn *widget.Button, text string) {
	i := b.index(btn)
	if i < 0 {
		btn.SetText(text)
		return
	}
	b.labels[i] = text
	if i >= b.hidden {
		btn.SetText(text)
	}
	b.box.Refresh() // lay out again: the label may now fit, or not
}

// index is btn's place among the labelled buttons, or -1.
func (b *collapsingBar) index(btn *widget.Button) int {
	for i, l := range b.labelled {
		if l == btn {
			return i
		}
	}
	return -1
}

// MinSize is the row of icons.
func (b *collapsingBar) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(b.width(objects, len(b.labelled)), h)
}

// Layout hides as few labels as make the row fit in size, then lays out
// as an HBox.
func (b *collapsingBar) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	hidden := 0
	for hidden < len(b.labelled) && b.width(objects, hidden) > size.Width {
		hidden++
	}
	if hidden != b.hidden {
		b.hidden = hidden
		for i, btn := range b.labelled {
			if i < hidden {
				btn.SetText("")
			} else {
				btn.SetText(b.labels[i])
			}
		}
	}
	layout.NewHBoxLayout().Layout(objects, size)
}
