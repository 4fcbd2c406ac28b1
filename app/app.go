// Package app is Attaché's window: search, reader and brief side by side.
//
// It holds no domain logic: searching is package index's, briefs are
// package briefing's, and package bridge joins the two.
package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	_ "attache/app/locale" // before Fyne reads the locale
	"attache/assets"
	"attache/briefing"
	"attache/index"
	"attache/index/team"
)

// Metadata is the app's identity, as in FyneApp.toml (go build does not
// read that file; the fyne tool does).
var metadata = fyne.AppMetadata{
	ID:         "eu.attache.app",
	Name:       "Attaché",
	Version:    "0.1.0",
	Build:      1,
	Migrations: map[string]bool{"fyneDo": true},
}

// queryEnv names an environment variable whose value is typed into the
// search field at start (used by scripts/screenshots.sh).
const queryEnv = "ATTACHE_QUERY"

// Run opens the window on the library folder (empty for the default) and
// returns when it is closed. args may name a brief to open.
func Run(library string, args []string) error {
	metadata.Icon = fyne.NewStaticResource("icon.png", assets.Icon)
	fyneapp.SetMetadata(metadata)
	a := fyneapp.NewWithID(metadata.ID)
	loadTranslations(a.Preferences().String(prefLanguage))
	a.SetIcon(metadata.Icon)
	a.Settings().SetTheme(newReadableTheme())
	w := a.NewWindow("Attaché")
	u := newUI(a, w)
	w.SetContent(u.layout())
	w.SetMainMenu(u.buildMenu())
	u.addShortcuts()
	w.Resize(u.windowSize(fyne.Size{}))
	a.Lifecycle().SetOnStarted(func() {
		// The screen is known once the driver runs.
		if s, ok := screenSize(w); ok {
			w.Resize(u.windowSize(s))
			w.CenterOnScreen()
		}
	})
	w.SetCloseIntercept(u.quit)
	w.SetOnDropped(u.onDropped)
	w.SetMaster()

	brief := ""
	for _, arg := range args {
		if strings.HasSuffix(arg, briefing.Extension) {
			brief = arg
		}
	}
	b, _ := newBriefFrom("briefing-note", "")
	u.setBrief(b, "")
	u.start(brief)
	if q := os.Getenv(queryEnv); q != "" {
		u.search.query.SetText(q)
	}
	w.Canvas().Focus(u.search.query)

	u.libraryAt = library
	if !team.IsURL(library) {
		u.localDir = library
	}
	opened := u.openLibrary(library)
	withoutDepthBuffers()
	w.ShowAndRun()
	// Let an index build finish cleanly before the process ends.
	select {
	case lib := <-opened:
		if lib != nil {
			lib.Close()
		}
	case <-time.After(30 * time.Second):
	}
	return nil
}

// openLibrary opens the library off the UI goroutine and hands it to the
// panes when ready; the channel gets the library (or nil) when done.
func (u *ui) openLibrary(dir string) <-chan index.Library {
	done := make(chan index.Library, 1)
	u.setStatus(lang.L("Opening the library…"), true)
	go func() {
		lib, err := openIndex(dir, func(msg string) {
			fyne.Do(func() { u.setStatus(msg, true) })
		})
		var docs docTable
		var derr error
		if err == nil {
			docs, derr = readDocTable(lib)
		}
		done <- lib
		settleMemoryLater(lib)
		fyne.Do(func() {
			if err != nil && team.IsURL(dir) {
				u.libraryFailed(dir, err)
				return
			}
			if err != nil {
				msg := lang.L("The library could not be opened: {{.Err}}", map[string]any{"Err": oneLine(err.Error())})
				u.setStatus(msg, false)
				u.search.message.SetText(msg)
				u.search.message.Importance = widget.DangerImportance
				u.search.message.Refresh()
				return
			}
			if derr != nil {
				u.setStatus(lang.L("The library could not be read: {{.Err}}", map[string]any{"Err": oneLine(derr.Error())}), false)
				return
			}
			u.setLibrary(lib, docs)
			u.setStatus(u.libraryStatus(), false)
		})
	}()
	return done
}

// libraryStatus summarises the library for the status line.
func (u *ui) libraryStatus() string {
	n := u.docs.passages()
	if s := u.teamStatus(u.docs.len(), n); s != "" {
		return s
	}
	return fmt.Sprintf(lang.L("Library: %d documents, %d passages"), u.docs.len(), n)
}
