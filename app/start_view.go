package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lastBrief is the brief the last run had open (the first recent brief
// still on disk), or "".
func (u *ui) lastBrief() string {
	for _, p := range u.recent() {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// showStart shows the start view: what Attaché does in two lines, a new
// brief from a template, opening one, and the recent briefs.
func (u *ui) showStart() {
	var d dialog.Dialog
	then := func(f func()) func() {
		return func() {
			d.Hide()
			f()
		}
	}
	how := wrappingLabel(lang.L("Search the library on the left, read passages in context in the middle, and add them to a brief on the right (Ctrl+Enter)."), fyne.TextStyle{})
	how2 := wrappingLabel(lang.L("Write around the quotations and export a cited brief as PDF, Word, OpenDocument or Markdown (Ctrl+E)."), fyne.TextStyle{})
	newBtn := newEnterButton(lang.L("New brief from a template…"), then(u.askNew))
	newBtn.Icon = theme.DocumentCreateIcon()
	newBtn.Importance = widget.HighImportance
	openBtn := newEnterButton(lang.L("Open a brief…"), then(u.askOpen))
	openBtn.Icon = theme.FolderOpenIcon()
	box := container.NewVBox(how, how2, widget.NewSeparator(), newBtn, openBtn)
	if recent := u.recent(); len(recent) > 0 {
		box.Add(widget.NewLabelWithStyle(lang.L("Recent briefs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, p := range recent {
			path := p
			b := newEnterButton(filepath.Base(path)+"  —  "+filepath.Dir(path), then(func() { u.openPath(path) }))
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			box.Add(b)
		}
	}
	d = dialog.NewCustom(lang.L("Welcome to Attaché"), lang.L("Start with an untitled brief"), box, u.win)
	d.Resize(fyne.NewSize(560, box.MinSize().Height+120))
	u.showDialog(d)
}
