package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
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
	u.recentMenu = fyne.NewMenu(lang.L("Open Recent"))
	recent := fyne.NewMenuItem(lang.L("Open Recent"), nil)
	recent.ChildMenu = u.recentMenu
	quit := item(lang.L("Quit"), ctrl(fyne.KeyQ), u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New…"), ctrl(fyne.KeyN), u.askNew),
		fyne.NewMenuItem(lang.L("Draft from Themes…"), u.showDraft),
		item(lang.L("Open…"), ctrl(fyne.KeyO), u.askOpen),
		recent,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Save"), ctrl(fyne.KeyS), func() { u.save(nil) }),
		item(lang.L("Save As…"), ctrlShift(fyne.KeyS), func() { u.saveAs(nil) }),
		item(lang.L("Export…"), ctrl(fyne.KeyE), u.showExport),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	u.undoItem = item(lang.L("Undo"), &fyne.ShortcutUndo{}, u.undo)
	u.redoItem = item(lang.L("Redo"), ctrlShift(fyne.KeyZ), u.redo)
	edit := fyne.NewMenu(lang.L("Edit"),
		u.undoItem, u.redoItem,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Add to Brief"), ctrl(fyne.KeyReturn), u.addSelected),
		item(lang.L("Copy Citation"), ctrlShift(fyne.KeyC), func() { u.reader.copyCitation() }),
		item(lang.L("New Section…"), ctrlShift(fyne.KeyN), u.brief.outline.addSection),
	)
	library := fyne.NewMenu(lang.L("Library"),
		item(lang.L("Find in Library"), ctrl(fyne.KeyF), u.focusSearch),
		fyne.NewMenuItem(lang.L("Theme Coverage…"), u.showCoverage),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Add Documents…"), ctrl(fyne.KeyI), u.showAddDocuments),
		fyne.NewMenuItem(lang.L("Edit Document Details…"), func() { u.withReaderDoc(lang.L("Edit document"), u.showEditDocument) }),
		fyne.NewMenuItem(lang.L("Remove Document…"), func() { u.withReaderDoc(lang.L("Remove document"), u.confirmRemoveDocument) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Open Team Library…"), u.showOpenTeamLibrary),
		fyne.NewMenuItem(lang.L("Open Local Library"), u.openLocalLibrary),
	)
	u.writingItem = item(lang.L("Writing Layout"), ctrlShift(fyne.KeyF), u.toggleWriting)
	u.writingItem.Checked = u.writing()
	u.previewItem = item(lang.L("Page Preview"), ctrlShift(fyne.KeyP), u.preview.toggle)
	u.previewItem.Checked = u.preview.shown
	view := fyne.NewMenu(lang.L("View"), u.writingItem, u.previewItem, fyne.NewMenuItemSeparator(), u.languageMenu())
	help := fyne.NewMenu(lang.L("Help"),
		item(lang.L("Keyboard Shortcuts"), ctrl(fyne.KeySlash), u.showShortcuts),
		fyne.NewMenuItem(lang.L("About Attaché"), u.showAbout),
	)
	u.menu = fyne.NewMainMenu(file, edit, library, view, help)
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
	u.undoItem.Label, u.redoItem.Label = lang.L("Undo"), lang.L("Redo")
	u.undoItem.Disabled, u.redoItem.Disabled = true, true
	if u.ed != nil {
		if l := u.ed.UndoLabel(); l != "" {
			u.undoItem.Label = lang.L("Undo {{.Action}}", map[string]any{"Action": lang.L(l)})
			u.undoItem.Disabled = false
		}
		if l := u.ed.RedoLabel(); l != "" {
			u.redoItem.Label = lang.L("Redo {{.Action}}", map[string]any{"Action": lang.L(l)})
			u.redoItem.Disabled = false
		}
	}
	u.recentMenu.Items = nil
	for _, p := range u.recent() {
		path := p
		u.recentMenu.Items = append(u.recentMenu.Items, fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() {
			u.confirmDiscard(lang.L("Open brief"), func() { u.openPath(path) })
		}))
	}
	if len(u.recentMenu.Items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent briefs"), nil)
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
		u.showInfo(title, lang.L("Open the document in the reader first: select one of its passages, or browse to it."))
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
	if u.writing() {
		u.toggleWriting()
	}
	u.win.Canvas().Focus(u.search.query)
	u.search.query.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// languageMenu is View › Language: the system's language, or one chosen.
func (u *ui) languageMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Language"), nil)
	pref := u.app.Preferences().String(prefLanguage)
	choice := func(label, code string) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, func() { u.setLanguage(code) })
		m.Checked = pref == code
		return m
	}
	items := []*fyne.MenuItem{choice(lang.L("System language"), "")}
	for _, l := range languages {
		items = append(items, choice(l.name, l.code))
	}
	it.ChildMenu = fyne.NewMenu(lang.L("Language"), items...)
	u.langItem = it
	return it
}
