package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"attache/briefing"
)

// warnLinks warns once, as the brief b is opened, when some of its
// addresses are not http, https or mailto (see briefing.Brief.LinkWarning):
// exports print them as text, not as links. A brief from a colleague may
// carry such addresses; nothing is changed in it.
func (u *ui) warnLinks(b *briefing.Brief) {
	if b.LinkWarning() == "" {
		return
	}
	// The warning is the dialog's only: in the status bar the library's
	// status, arriving as the window starts, wrote over it at once.
	msg := linkWarningText(b)
	d := dialog.NewCustomWithoutButtons(lang.L("Addresses printed as text"), wrappingLabel(msg, fyne.TextStyle{}), u.win)
	ok := newEnterButton(lang.L("OK"), func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{ok})
	fitDialog(d, 520, 400)
	u.showDialog(d)
	u.win.Canvas().Focus(ok)
}

// linkWarningText is briefing's LinkWarning in the interface's language:
// how many addresses are not http, https or mailto, and the first.
func linkWarningText(b *briefing.Brief) string {
	var bad []string
	seen := map[string]bool{}
	add := func(a string) {
		if a != "" && !briefing.LiveLink(a) && !seen[a] {
			seen[a] = true
			bad = append(bad, a)
		}
	}
	for _, x := range b.Excerpts() {
		add(x.Source.URL)
		for _, n := range x.Notes {
			for _, a := range n.URLs {
				add(a)
			}
		}
	}
	if len(bad) == 0 {
		return b.LinkWarning()
	}
	first := bad[0]
	if r := []rune(first); len(r) > 60 {
		first = string(r[:60]) + "…"
	}
	first = fmt.Sprintf("%q", first)
	if len(bad) == 1 {
		return lang.L("This brief has an address that is not http, https or mailto ({{.First}}): it will print as text, not as a link.", map[string]any{"First": first})
	}
	return lang.L("This brief has {{.N}} addresses that are not http, https or mailto (the first {{.First}}): they will print as text, not as links.", map[string]any{"N": len(bad), "First": first})
}
