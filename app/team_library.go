package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"attache/index/team"
)

// The team library: Library › Open Team Library… asks for its URL and
// switches the window to it; Library › Open Local Library goes back. The
// status line says which library the window is on. When a team library
// cannot be opened (wrong address or password, server down), the window
// says why in one line and offers to go back to the local library. The
// URL's password is never shown.

// teamStatus is the status line's summary on a team library, or "" on a
// local one.
func (u *ui) teamStatus(docs, passages int) string {
	if !team.IsURL(u.libraryAt) {
		return ""
	}
	return fmt.Sprintf(lang.L("Team library %s: %d documents, %d passages"), team.Label(u.libraryAt), docs, passages)
}

// showOpenTeamLibrary asks for a team library's URL and opens it.
func (u *ui) showOpenTeamLibrary() {
	entry := newEscEntry(u, false)
	entry.SetPlaceHolder("postgres://desk@db.example.org/attache")
	last := u.libraryAt
	if !team.IsURL(last) {
		last = u.lastTeam // the one that did not open, to correct
	}
	if team.IsURL(last) {
		entry.SetText(team.Redact(last))
	}
	help := wrappingLabel(lang.L("The address of the desk's PostgreSQL database, as given by whoever runs it. Keep the password out of it: put it in ~/.pgpass or PGPASSWORD."), fyne.TextStyle{})
	content := container.NewVBox(widget.NewLabel(lang.L("Team library URL")), entry, help)
	var d dialog.Dialog
	open := func() {
		url := strings.TrimSpace(entry.Text)
		if url == team.Redact(last) {
			url = last // the shown form hides the password
		}
		if !team.IsURL(url) {
			u.showInfo(lang.L("Open Team Library"), lang.L("A team library's URL starts with postgres:// or postgresql://."))
			return
		}
		d.Hide()
		u.switchLibrary(url)
	}
	entry.OnSubmitted = func(string) { open() }
	d = dialog.NewCustomConfirm(lang.L("Open Team Library"), lang.L("Open"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			open()
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 220))
	u.showDialog(d)
	u.win.Canvas().Focus(entry)
}

// openLocalLibrary switches the window back to the local library.
func (u *ui) openLocalLibrary() {
	if !team.IsURL(u.libraryAt) && u.lib != nil {
		u.showInfo(lang.L("Open Local Library"), lang.L("The window is on the local library already."))
		return
	}
	u.switchLibrary(u.localDir)
}

// switchLibrary opens the library at where (a folder, "" for the default,
// or a team library's URL) off the UI goroutine and, once open, puts the
// window on it and closes the one it was on.
func (u *ui) switchLibrary(where string) {
	u.setStatus(lang.L("Opening the library…"), true)
	u.background(func() {
		lib, err := openIndex(where, func(msg string) {
			fyne.Do(func() { u.setStatus(msg, true) })
		})
		var docs docTable
		if err == nil {
			if docs, err = readDocTable(lib); err != nil {
				lib.Close()
			} else {
				settleMemoryLater(lib)
			}
		}
		fyne.Do(func() {
			if err != nil {
				u.libraryFailed(where, err)
				return
			}
			old := u.lib
			u.setLibrary(lib, docs)
			u.libraryAt = where
			if !team.IsURL(where) {
				u.localDir = where
			}
			if old != nil && old != lib {
				go old.Close()
			}
			u.setStatus(u.libraryStatus(), false)
		})
	})
}

// libraryFailed says in one line why the library at where did not open;
// for a team library it offers to go back to the local one.
func (u *ui) libraryFailed(where string, err error) {
	msg := oneLine(err.Error())
	if !team.IsURL(where) {
		u.setStatus(lang.L("The library could not be opened: {{.Err}}", map[string]any{"Err": msg}), false)
		return
	}
	u.lastTeam = where
	if u.lib != nil {
		u.setStatus(u.libraryStatus(), false)
	} else {
		u.setStatus(lang.L("The team library could not be opened."), false)
	}
	text := wrappingLabel(msg, fyne.TextStyle{})
	d := dialog.NewCustomConfirm(lang.L("Team library unavailable"), lang.L("Use the Local Library"), lang.L("Close"),
		container.NewVBox(text), func(local bool) {
			if local {
				u.switchLibrary(u.localDir)
			}
		}, u.win)
	d.Resize(fyne.NewSize(560, 200))
	u.showDialog(d)
}
