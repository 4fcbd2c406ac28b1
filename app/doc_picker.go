package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docPicker is a dialog for choosing one of the library's documents: a
// field that narrows them by words of their name or ID, and the matching
// documents in a list that draws only the rows on show. A select menu of
// every document built a widget for each (8,224 documents: 42 MB and a
// pause each time it opened) and could not tell apart documents of the
// same name, such as two copies of a manual; the picker shows each one's
// language and ID under its name.
type docPicker struct {
	u      *ui
	filter *widget.Entry
	list   *widget.List
	// hay is each row of u.docs's name and ID in lower case, what the
	// filter's words are looked for in; shown are the rows that match,
	// in order.
	hay    []string
	shown  []int
	chosen func(id string)
	dlg    dialog.Dialog
}

// pickDocument shows a document picker titled title, which calls chosen
// with the ID of the document the user picks.
func (u *ui) pickDocument(title string, chosen func(id string)) {
	p := &docPicker{u: u, chosen: chosen, hay: make([]string, u.docs.len())}
	for i := range p.hay {
		id := u.docs.idAt(i)
		p.hay[i] = strings.ToLower(u.docName(id) + " " + id)
	}
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder(lang.L("Words of the name or ID"))
	p.filter.OnChanged = p.narrow
	p.filter.OnSubmitted = p.pickFirst
	p.list = widget.NewList(p.length, p.newRow, p.updateRow)
	p.list.OnSelected = p.pick
	p.narrow("")
	body := container.NewBorder(p.filter, nil, nil, nil, p.list)
	p.dlg = dialog.NewCustom(title, lang.L("Cancel"), body, u.win)
	p.dlg.Resize(fyne.NewSize(560, 480))
	u.picker = p
	u.showDialog(p.dlg)
	u.win.Canvas().Focus(p.filter)
}

// narrow keeps the documents whose name or ID holds every word of text,
// whatever the case.
func (p *docPicker) narrow(text string) {
	words := strings.Fields(strings.ToLower(text))
	p.shown = p.shown[:0]
	for i, hay := range p.hay {
		all := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				all = false
				break
			}
		}
		if all {
			p.shown = append(p.shown, i)
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
}

// length is the number of documents shown.
func (p *docPicker) length() int { return len(p.shown) }

// newRow is a row of the list: the document's name over its language and
// ID.
func (p *docPicker) newRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.New(layout.NewCustomPaddedVBoxLayout(0), name, detail)
}

// updateRow shows the i-th matching document in row.
func (p *docPicker) updateRow(i widget.ListItemID, row fyne.CanvasObject) {
	labels := row.(*fyne.Container).Objects
	id := p.u.docs.idAt(p.shown[i])
	d, _ := p.u.docs.get(id)
	labels[0].(*widget.Label).SetText(p.u.docName(id))
	detail := id
	if d.Lang != "" {
		detail = langName(d.Lang) + " · " + id
	}
	labels[1].(*widget.Label).SetText(detail)
}

// pick chooses the i-th matching document.
func (p *docPicker) pick(i widget.ListItemID) {
	if i < 0 || i >= len(p.shown) {
		return
	}
	id := p.u.docs.idAt(p.shown[i])
	p.dlg.Hide()
	p.chosen(id)
}

// pickFirst chooses the first matching document (Enter in the field).
func (p *docPicker) pickFirst(string) {
	if len(p.shown) > 0 {
		p.pick(0)
	}
}
