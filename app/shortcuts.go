package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcutList is what Help › Keyboard Shortcuts lists, in the interface's
// language.
func shortcutList() [][2]string {
	return [][2]string{
		{"Ctrl+F", lang.L("Find in the library (focus the search field)")},
		{lang.L("Up / Down in the search field"), lang.L("Select the previous / next result")},
		{lang.L("Ctrl+Enter"), lang.L("Add the selected passage to the brief")},
		{lang.L("Double-click a result"), lang.L("Add it to the brief")},
		{"Ctrl+Shift+C", lang.L("Copy the citation of the passage in the reader")},
		{lang.L("Up / Down"), lang.L("Previous / next passage in the reader (click the reader first)")},
		{lang.L("Drag an outline row"), lang.L("Move the section or excerpt onto another row")},
		{"Ctrl+I", lang.L("Add documents to the library (or drop files on the window)")},
		{"Ctrl+N", lang.L("New brief from a template")},
		{"Ctrl+Shift+N", lang.L("New section in the brief")},
		{"Ctrl+O", lang.L("Open a brief")},
		{"Ctrl+S", lang.L("Save the brief")},
		{"Ctrl+Shift+S", lang.L("Save the brief as…")},
		{"Ctrl+E", lang.L("Export to PDF, Word or Markdown")},
		{"Ctrl+Z", lang.L("Undo the last change to the brief")},
		{"Ctrl+Shift+Z", lang.L("Redo")},
		{lang.L("Ctrl+/ or F1"), lang.L("This list")},
		{lang.L("Escape"), lang.L("Close a dialog; in the search field, clear it")},
		{"Ctrl+Shift+F", lang.L("Writing layout: hide the search pane, or show it again")},
		{"Ctrl+Q", lang.L("Quit")},
	}
}

// addShortcuts registers on the canvas the shortcuts the menu cannot carry:
// Ctrl+Enter from the keypad, Ctrl+Y for redo. Up and Down step through the
// reader when nothing has the focus.
func (u *ui) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if len(u.dialogs) == 0 {
			u.addSelected()
		}
	})
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() })
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyUp:
			u.reader.step(-1)
		case fyne.KeyDown:
			u.reader.step(1)
		case fyne.KeyEscape:
			u.closeTopDialog()
		case fyne.KeyF1:
			u.showShortcuts()
		}
	})
}

// showShortcuts opens the Help › Keyboard Shortcuts window.
func (u *ui) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, s := range shortcutList() {
		grid.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(s[1]))
	}
	w := u.app.NewWindow(lang.L("Keyboard Shortcuts — Attaché"))
	w.SetContent(container.NewPadded(grid))
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			w.Close()
		}
	})
	w.Show()
}

// showAbout says what the app is.
func (u *ui) showAbout() {
	m := u.app.Metadata()
	u.showInfo(lang.L("About Attaché"),
		"Attaché "+m.Version+"\n"+lang.L("Search official texts offline and compose cited briefs."))
}
