package app

import (
	"fyne.io/fyne/v2"
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
