package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
	"attache/index"
)

// searchDelay is how long typing must pause before the query runs: short,
// so that the results are on the screen within 100 ms of the last
// keystroke (a search takes a few milliseconds, the list's update and the
// frame some more); a keystroke cancels the search it made stale, so
// searching while the user types costs little.
const searchDelay = 30 * time.Millisecond

// ui is the window and everything in it. Its fields are touched on the UI
// goroutine only; work that may take time (searching, loading a document,
// opening or exporting a brief) runs through background and comes back
// through fyne.Do.
type ui struct {
	app fyne.App
	win fyne.Window

	// lib is nil until the library has opened.
	lib index.Library
	// libraryAt is where lib is: a folder ("" for the default) or a team
	// library's URL; localDir is the local library folder to go back to
	// (see team_library.go); lastTeam the team library last tried.
	libraryAt, localDir, lastTeam string
	// docs are lib's documents.
	docs docTable

	// background runs f off the UI goroutine; tests run it at once.
	background func(f func())
	// delay is the search debounce; zero runs searches without a timer.
	delay time.Duration

	search  *searchPane
	reader  *readerPane
	brief   *briefPane
	preview *previewPane

	// ed edits the brief on show, read from path ("" until saved).
	ed   *briefing.Editor
	path string
	// file is what the window knows of path's file and of its own
	// autosave copy; made by files on first use.
	file *fileState
	// selfEdit is true while a field's own typing changes the brief.
	selfEdit bool
	// lastSection is the section the last excerpt was added to.
	lastSection string
	// autosaveDelay is how long after a change the autosave copy is
	// written (0: never); autosavePending says a write is waiting.
	autosaveDelay   time.Duration
	autosavePending bool
	// restoreOffered is true while the offer to restore the autosave copy
	// of a run that crashed awaits an answer: the copy is not touched.
	restoreOffered bool

	// dialogs are the open dialogs, the top one last.
	dialogs []dialog.Dialog
	// picker is the document picker opened last (doc_picker.go).
	picker *docPicker

	menu               *fyne.MainMenu
	menuState          string
	undoItem, redoItem *fyne.MenuItem
	// writingItem toggles the writing layout; langItem chooses the
	// interface's language.
	writingItem, langItem *fyne.MenuItem
	// previewItem shows the page preview in place of the reader.
	previewItem *fyne.MenuItem
	recentMenu  *fyne.Menu

	hsplit, rsplit *container.Split
	status         *widget.Label
	progress       *widget.ProgressBarInfinite
}

// newUI builds the window's content on win. It does not show the window.
func newUI(a fyne.App, win fyne.Window) *ui {
	u := &ui{
		app:           a,
		win:           win,
		background:    func(f func()) { go f() },
		delay:         searchDelay,
		autosaveDelay: autosaveEvery,
		status:        widget.NewLabel(lang.L("Opening the library…")),
		progress:      widget.NewProgressBarInfinite(),
	}
	u.search = newSearchPane(u)
	u.reader = newReaderPane(u)
	u.preview = newPreviewPane(u)
	u.brief = newBriefPane(u)
	return u
}

// later runs f off the UI goroutine after the debounce delay and returns a
// function that cancels it if it has not started.
func (u *ui) later(f func()) (cancel func()) {
	if u.delay <= 0 {
		u.background(f)
		return func() {}
	}
	t := time.AfterFunc(u.delay, f)
	return func() { t.Stop() }
}

// setLibrary makes lib, whose documents are docs (readDocTable), the
// library the panes search and read.
func (u *ui) setLibrary(lib index.Library, docs docTable) {
	u.lib = lib
	u.docs = docs
	u.search.libraryReady()
	u.reader.libraryReady()
}

// docName is the short name of a document for lists.
func (u *ui) docName(id string) string {
	d, ok := u.docs.get(id)
	if !ok {
		return id
	}
	if d.ShortTitle != "" {
		return d.ShortTitle
	}
	return d.Title
}

// langName spells out a language code.
func langName(code string) string {
	switch code {
	case "en":
		return lang.L("English")
	case "it":
		return lang.L("Italian")
	case "":
		return "any"
	}
	return code
}

// Preference keys of the window's geometry.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefSplitLeft  = "split.left"
	prefSplitRight = "split.right"
	prefWriting    = "layout.writing"
	prefPreview    = "layout.preview"
)

// layout puts the three panes side by side in resizable splits, with the
// status line under them.
func (u *ui) layout() fyne.CanvasObject {
	prefs := u.app.Preferences()
	u.rsplit = container.NewHSplit(u.reader.content, u.brief.content)
	u.rsplit.Offset = prefs.FloatWithFallback(prefSplitRight, 0.5)
	u.hsplit = container.NewHSplit(u.search.content, u.rsplit)
	u.hsplit.Offset = prefs.FloatWithFallback(prefSplitLeft, 0.35)
	u.status.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, nil, u.progress, u.status)
	if prefs.Bool(prefWriting) {
		u.search.content.Hide()
	}
	if prefs.Bool(prefPreview) {
		// the page preview was open when the window last closed
		u.preview.shown = false
		u.preview.toggle()
	}
	return container.NewBorder(nil, bar, nil, nil, u.hsplit)
}

// writing reports whether the writing layout is on: the search pane
// hidden, the reader and the brief sharing the window.
func (u *ui) writing() bool { return !u.search.content.Visible() }

// toggleWriting hides the search pane to give the brief room, or shows it
// again (View › Writing Layout, Ctrl+Shift+F).
func (u *ui) toggleWriting() {
	if u.writing() {
		u.search.content.Show()
		u.win.Canvas().Focus(u.search.query)
	} else {
		u.search.content.Hide()
	}
	u.hsplit.Refresh()
	u.app.Preferences().SetBool(prefWriting, u.writing())
	if u.writingItem != nil {
		u.writingItem.Checked = u.writing()
		u.menu.Refresh()
	}
}

// savePrefs remembers the window's size and split positions.
func (u *ui) savePrefs() {
	prefs := u.app.Preferences()
	size := u.win.Canvas().Size()
	if size.Width > 100 && size.Height > 100 {
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
	}
	if u.hsplit != nil {
		prefs.SetFloat(prefSplitLeft, u.hsplit.Offset)
		prefs.SetFloat(prefSplitRight, u.rsplit.Offset)
	}
}

// Bounds of the first window: a share of the screen, no larger than a
// comfortable desk size, and what it is when the screen is not known.
const (
	screenShare = 0.9
	firstMaxW   = 1680
	firstMaxH   = 1050
	fallbackW   = 1200
	fallbackH   = 680
)

// windowSize is the size to open the window at on a screen of the given
// size (zero when not known): the size it had when last closed, or at the
// first start 90 % of the screen; never more than 90 % of the screen.
func (u *ui) windowSize(screen fyne.Size) fyne.Size {
	prefs := u.app.Preferences()
	w, h := float32(prefs.Float(prefWidth)), float32(prefs.Float(prefHeight))
	if w <= 100 || h <= 100 {
		w, h = fallbackW, fallbackH
		if screen.Width > 0 && screen.Height > 0 {
			w, h = min(screen.Width*screenShare, firstMaxW), min(screen.Height*screenShare, firstMaxH)
		}
	}
	if screen.Width > 0 && screen.Height > 0 {
		w, h = min(w, screen.Width*screenShare), min(h, screen.Height*screenShare)
	}
	return fyne.NewSize(w, h)
}

// setStatus shows a message in the status line, with the progress bar
// running while busy.
func (u *ui) setStatus(msg string, busy bool) {
	u.status.SetText(msg)
	if busy {
		u.progress.Show()
		u.progress.Start()
	} else {
		u.progress.Stop()
		u.progress.Hide()
	}
}

// quit closes the window, first offering to save unsaved changes.
func (u *ui) quit() {
	u.confirmDiscard(lang.L("Quit"), func() {
		if !u.restoreOffered && u.ed != nil && !u.ed.Dirty() {
			// changes undone back to the file: the copy is out of date
			u.removeAutosave()
		}
		u.savePrefs()
		u.win.Close()
	})
}
