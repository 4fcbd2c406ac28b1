package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// keyCatcher wraps content so that a tap on it takes the keyboard focus,
// and hands the keys it then receives to onKey.
type keyCatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onKey   func(fyne.KeyName) bool
}

func newKeyCatcher(content fyne.CanvasObject, onKey func(fyne.KeyName) bool) *keyCatcher {
	k := &keyCatcher{content: content, onKey: onKey}
	k.ExtendBaseWidget(k)
	return k
}

// Tapped focuses the catcher.
func (k *keyCatcher) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(k); c != nil {
		c.Focus(k)
	}
}

// FocusGained is part of fyne.Focusable.
func (k *keyCatcher) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (k *keyCatcher) FocusLost() {}

// TypedRune is part of fyne.Focusable.
func (k *keyCatcher) TypedRune(rune) {}

// TypedKey hands the key to onKey.
func (k *keyCatcher) TypedKey(e *fyne.KeyEvent) { k.onKey(e.Name) }

// CreateRenderer draws the content.
func (k *keyCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.content)
}

// layoutSpacer fills the space between the items of a box.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// showDialog shows d and keeps it on the stack of open dialogs, so that
// Escape closes the top one.
func (u *ui) showDialog(d dialog.Dialog) { u.showDialogThen(d, nil) }

// showDialogThen shows d as showDialog does and runs closed (if not nil)
// once it is closed, however.
func (u *ui) showDialogThen(d dialog.Dialog, closed func()) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		for i, o := range u.dialogs {
			if o == d {
				u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
				break
			}
		}
		if closed != nil {
			closed()
		}
	})
	d.Show()
}

// closeTopDialog dismisses the dialog shown last, as Cancel would, and
// reports whether there was one.
func (u *ui) closeTopDialog() bool {
	if len(u.dialogs) == 0 {
		return false
	}
	u.dialogs[len(u.dialogs)-1].Hide()
	return true
}

// showError shows an error in a dialog.
func (u *ui) showError(err error) { u.showDialog(dialog.NewError(err, u.win)) }

// showInfo shows a message in a dialog.
func (u *ui) showInfo(title, msg string) { u.showDialog(dialog.NewInformation(title, msg, u.win)) }

// escEntry is an entry for dialogs: Escape closes the dialog it is in.
type escEntry struct {
	widget.Entry
	u *ui
}

func newEscEntry(u *ui, multiLine bool) *escEntry {
	e := &escEntry{u: u}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Escape and types other keys.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.u.closeTopDialog() {
		return
	}
	e.Entry.TypedKey(k)
}

// wrappingLabel is a label in style that wraps its text at word ends.
func wrappingLabel(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrappingRichText is an empty rich text that wraps at word ends.
func wrappingRichText() *widget.RichText {
	t := widget.NewRichText()
	t.Wrapping = fyne.TextWrapWord
	return t
}

// oneLine folds runs of white space, newlines included, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// enterButton is a button that Enter presses when it has the focus, as
// Space does: a dialog's buttons answer the key people press.
type enterButton struct {
	widget.Button
}

// newEnterButton makes a button labelled label that runs tapped.
func newEnterButton(label string, tapped func()) *enterButton {
	b := &enterButton{}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter or Return; Escape closes the
// dialog it is in.
func (b *enterButton) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	// A focused button would swallow Escape: the window's own handler
	// closes the dialog the button is in, as it does with no focus.
	if e.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(e)
			return
		}
	}
	b.Button.TypedKey(e)
}
