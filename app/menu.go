package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// ctrl is a Ctrl (Cmd on macOS) shortcut.
func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// ctrlShift is a Ctrl+Shift shortcut.
func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// item makes a menu item with a shortcut.
func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// buildMenu makes the main menu. Its items carry the window's shortcuts:
// the driver tries them before the focused widget, so Ctrl+S saves and
// Ctrl+Z undoes a brief edit even while typing in a field.
func (u *ui) buildMenu() *fyne.MainMenu {
	u.recentMenu = fyne.NewMenu("Open Recent")
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = u.recentMenu
	quit := item("Quit", ctrl(fyne.KeyQ), u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New…", ctrl(fyne.KeyN), u.askNew),
		fyne.NewMenuItem("Draft from Themes…", u.showDraft),
		item("Open…", ctrl(fyne.KeyO), u.askOpen),
		recent,
		fyne.NewMenuItemSeparator(),
		item("Save", ctrl(fyne.KeyS), func() { u.save(nil) }),
		item("Save As…", ctrlShift(fyne.KeyS), func() { u.saveAs(nil) }),
		item("Export…", ctrl(fyne.KeyE), u.showExport),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	u.undoItem = item("Undo", &fyne.ShortcutUndo{}, u.undo)
	u.redoItem = item("Redo", ctrlShift(fyne.KeyZ), u.redo)
	edit := fyne.NewMenu("Edit",
		u.undoItem, u.redoItem,
		fyne.NewMenuItemSeparator(),
		item("Add to Brief", ctrl(fyne.KeyReturn), u.addSelected),
		item("New Section…", ctrlShift(fyne.KeyN), u.brief.outline.addSection),
	)
	library := fyne.NewMenu("Library",
		item("Find in Library", ctrl(fyne.KeyF), u.focusSearch),
		fyne.NewMenuItem("Theme Coverage…", u.showCoverage),
		fyne.NewMenuItemSeparator(),
		item("Add Documents…", ctrl(fyne.KeyI), u.showAddDocuments),
		fyne.NewMenuItem("Edit Document Details…", func() { u.withReaderDoc("Edit document", u.showEditDocument) }),
		fyne.NewMenuItem("Remove Document…", func() { u.withReaderDoc("Remove document", u.confirmRemoveDocument) }),
	)
	help := fyne.NewMenu("Help",
		item("Keyboard Shortcuts", ctrl(fyne.KeySlash), u.showShortcuts),
		fyne.NewMenuItem("About Attaché", u.showAbout),
	)
	u.menu = fyne.NewMainMenu(file, edit, library, help)
	for _, m := range u.menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Action != nil && !it.IsQuit {
				it.Action = u.unlessDialog(it.Shortcut, it.Action)
			}
		}
	}
	u.updateMenus()
	return u.menu
}

// unlessDialog wraps the action of a menu item with shortcut sc: while a
// dialog is open the shortcut goes to the dialog's focused field instead
// (Ctrl+Z undoes typing in the field, not a brief edit behind the dialog;
// Ctrl+Enter adds nothing behind it).
func (u *ui) unlessDialog(sc fyne.Shortcut, action func()) func() {
	return func() {
		if len(u.dialogs) == 0 {
			action()
			return
		}
		if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(sc)
		}
	}
}

// updateMenus follows the brief's history and the recent files.
func (u *ui) updateMenus() {
	if u.menu == nil {
		return
	}
	u.undoItem.Label, u.redoItem.Label = "Undo", "Redo"
	u.undoItem.Disabled, u.redoItem.Disabled = true, true
	if u.ed != nil {
		if l := u.ed.UndoLabel(); l != "" {
			u.undoItem.Label = "Undo " + l
			u.undoItem.Disabled = false
		}
		if l := u.ed.RedoLabel(); l != "" {
			u.redoItem.Label = "Redo " + l
			u.redoItem.Disabled = false
		}
	}
	u.recentMenu.Items = nil
	for _, p := range u.recent() {
		path := p
		u.recentMenu.Items = append(u.recentMenu.Items, fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() {
			u.confirmDiscard("Open brief", func() { u.openPath(path) })
		}))
	}
	if len(u.recentMenu.Items) == 0 {
		none := fyne.NewMenuItem("No recent briefs", nil)
		none.Disabled = true
		u.recentMenu.Items = append(u.recentMenu.Items, none)
	}
	// Refreshing the menu bar rebuilds it: do it only when it changed.
	state := fmt.Sprint(u.undoItem.Label, u.undoItem.Disabled, u.redoItem.Label, u.redoItem.Disabled, u.recent())
	if state != u.menuState {
		u.menuState = state
		u.menu.Refresh()
	}
}

// menuAction finds the action of the menu item with the given shortcut.
func (u *ui) menuAction(sc fyne.Shortcut) func() {
	for _, m := range u.menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it.Action
			}
		}
	}
	return nil
}

// withReaderDoc runs f on the document shown in the reader.
func (u *ui) withReaderDoc(title string, f func(id string)) {
	if u.reader.doc == nil {
		u.showInfo(title, "Open the document in the reader first: select one of its passages, or browse to it.")
		return
	}
	f(u.reader.doc.ID)
}

// undo undoes the last brief edit.
func (u *ui) undo() {
	if u.ed != nil {
		u.ed.Undo()
	}
}

// redo redoes the last undone brief edit.
func (u *ui) redo() {
	if u.ed != nil {
		u.ed.Redo()
	}
}

// focusSearch puts the cursor in the query field, its text selected.
func (u *ui) focusSearch() {
	u.win.Canvas().Focus(u.search.query)
	u.search.query.TypedShortcut(&fyne.ShortcutSelectAll{})
}
