package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"attache/bridge"
	"attache/briefing"
	"attache/index/corpus"
	"attache/index/themes"
)

// loadMatrix builds the themes × documents coverage of the library off the
// UI goroutine and hands it to then on the UI goroutine.
func (u *ui) loadMatrix(then func(*themes.Matrix)) {
	lib := u.lib
	if lib == nil {
		u.showError(errors.New(lang.L("the library is still opening: try again in a moment")))
		return
	}
	ids := u.docs.ids()
	u.background(func() {
		var docs []*corpus.Document
		var err error
		for _, id := range ids {
			var d *corpus.Document
			if d, err = lib.Document(id); err != nil {
				break
			}
			docs = append(docs, d)
		}
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			then(themes.Default().Matrix(docs))
		})
	})
}

// showCoverage opens Library › Theme Coverage: a tap on a cell lists the
// document's passages on the theme in the search pane and reads the first.
func (u *ui) showCoverage() {
	u.loadMatrix(func(m *themes.Matrix) {
		u.showDialog(coverageDialog(u.win, m, uiLang(), u.openCoverageCell))
	})
}

// openCoverageCell sets the search pane's theme and document filters to
// the cell's, so that it lists the document's passages on the theme (the
// cell's passages, in reading order) and reads the first; the user can
// then type to search among them.
func (u *ui) openCoverageCell(theme, doc string, _ []string) {
	u.search.filterBy(theme, doc)
}

// showDraft opens File › Draft from Themes: a new brief with a section per
// chosen theme, filled with representative passages.
func (u *ui) showDraft() {
	u.loadMatrix(func(m *themes.Matrix) {
		u.showDialog(draftDialog(u.win, m, uiLang(), u.draftFromThemes))
	})
}

// draftFromThemes makes the draft brief off the UI goroutine and opens it
// as a new, unsaved brief.
func (u *ui) draftFromThemes(ids []string, perTheme int, title string) {
	lib := u.lib
	h := briefing.Header{Title: title, Lang: uiLang(), Date: time.Now().Format("2006-01-02")}
	u.confirmDiscard(lang.L("Draft from themes"), func() {
		u.setStatus(lang.N("Drafting a brief from {{.N}} themes…", len(ids), map[string]any{"N": len(ids)}), true)
		u.background(func() {
			b, err := bridge.Draft(lib, h, ids, perTheme)
			fyne.Do(func() {
				u.setStatus(u.libraryStatus(), false)
				if err != nil {
					u.showError(err)
					return
				}
				u.setBrief(b, "")
				// A draft is work not yet saved anywhere.
				u.ed.MarkDirty()
			})
		})
	})
}
