package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// showTrimDialog lets the user cut words out of an excerpt's quotation: the
// entry holds the quotation, the user deletes what to leave out, and the
// parts kept become the quotation with […] where text was cut.
func showTrimDialog(u *ui, x *briefing.Excerpt) {
	id := x.ID
	full := x.Full
	e := newEscEntry(u, true)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(10)
	msg := wrappingLabel(lang.L("Delete the words to leave out; the cuts are marked […]. Wording cannot be changed."), fyne.TextStyle{})
	var d dialog.Dialog
	d = dialog.NewForm(lang.L("Trim quotation"), lang.L("Trim"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem("", msg), widget.NewFormItem(lang.L("Quotation"), e)},
		func(ok bool) {
			if !ok {
				return
			}
			if err := trimTo(u, id, full, e.Text); err != nil {
				u.showError(err)
			}
		}, u.win)
	d.Resize(fyne.NewSize(640, 420))
	u.showDialog(d)
	// The text goes in once the entry has its width: set before, it
	// would be wrapped at the entry's minimum width first, a line per
	// word or less, which took seconds on a long quotation.
	e.SetText(strings.ReplaceAll(x.Text, briefing.Ellipsis, " "+briefing.Ellipsis+" "))
	// The quotation has the focus: deleting words is all there is to do.
	u.win.Canvas().Focus(e)
}

// trimTo makes excerpt id quote only the parts of full that edited keeps.
func trimTo(u *ui, id, full, edited string) error {
	ranges, err := briefing.KeptRanges(full, edited)
	if err != nil {
		return err
	}
	return u.edit(func(ed *briefing.Editor) error { return ed.TrimExcerptRanges(id, ranges) })
}
