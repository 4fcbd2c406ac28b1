package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// askQuestion asks msg with two answers that say what they do (yes and
// no, such as "Restore" and "Discard"). done gets the answer; yes has the
// focus, so Enter gives it, and Enter on no gives no. Closing the dialog
// otherwise (Escape) answers nothing: unanswered runs, if not nil, and
// done does not.
func (u *ui) askQuestion(title, msg, yes, no string, done func(bool), unanswered func()) dialog.Dialog {
	var d *dialog.CustomDialog
	answered := false
	answer := func(ok bool) func() {
		return func() {
			answered = true
			d.Hide()
			done(ok)
		}
	}
	yesBtn := newEnterButton(yes, answer(true))
	yesBtn.Importance = widget.HighImportance
	noBtn := newEnterButton(no, answer(false))
	d = dialog.NewCustomWithoutButtons(title, wrappingLabel(msg, fyne.TextStyle{}), u.win)
	d.SetButtons([]fyne.CanvasObject{noBtn, yesBtn})
	fitDialog(d, 480, 400)
	u.showDialogThen(d, func() {
		if !answered && unanswered != nil {
			unanswered()
		}
	})
	u.win.Canvas().Focus(yesBtn)
	return d
}
