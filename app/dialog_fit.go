package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
)

// fitDialog sizes d to the width w and to the height its content needs at
// that width, wrapped labels included, but at most maxH. Each of scrolls
// (inside the content) asks for its whole content's height, less what
// does not fit under maxH: a short list shows whole, a long one scrolls.
func fitDialog(d *dialog.CustomDialog, w, maxH float32, scrolls ...*container.Scroll) {
	// Laying the dialog out at its width first wraps the labels, so their
	// heights are the ones at that width.
	d.Resize(fyne.NewSize(w, maxH))
	for _, s := range scrolls {
		s.SetMinSize(fyne.NewSize(0, s.Content.MinSize().Height))
	}
	h := d.MinSize().Height
	if over := h - maxH; over > 0 {
		for _, s := range scrolls {
			cut := min(over, s.MinSize().Height-scrollFloor)
			if cut > 0 {
				s.SetMinSize(fyne.NewSize(0, s.MinSize().Height-cut))
				over -= cut
			}
		}
		h = d.MinSize().Height
	}
	d.Resize(fyne.NewSize(w, h))
}

// scrollFloor is the least height fitDialog leaves a scroll: some lines.
const scrollFloor = 80
