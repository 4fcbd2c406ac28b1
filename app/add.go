package app

import (
	"os"

	"fyne.io/fyne/v2/lang"

	"attache/bridge"
	"attache/briefing"
	"attache/index/corpus"
)

// defaultSection is the heading of the section made for the first excerpt
// of a brief without sections.
func defaultSection() string { return lang.L("Excerpts") }

// addSelected adds the passage on show in the reader to the brief: into the
// selected section (after the selected excerpt), else into the section used
// last, else the first section, else a new one.
func (u *ui) addSelected() {
	if u.ed == nil {
		return
	}
	ps, meta, ok := u.passageToAdd()
	if !ok {
		u.showInfo(lang.L("Add to brief"), lang.L("Select a passage in the results first."))
		return
	}
	sec, at := u.brief.outline.selectedSection()
	b := u.ed.Brief()
	if sec == "" {
		if s, _ := b.Section(u.lastSection); s != nil {
			sec = u.lastSection
		} else if len(b.Sections) > 0 {
			sec = b.Sections[0].ID
		}
	}
	if sec == "" {
		sec = u.brief.outline.addSectionNamed(defaultSection(), -1)
		if sec == "" {
			return
		}
	}
	x := bridge.Snapshot(ps, meta)
	var id string
	if u.edit(func(ed *briefing.Editor) (err error) {
		id, err = ed.AddExcerpt(sec, x, at)
		return err
	}) != nil {
		return
	}
	u.lastSection = sec
	u.brief.outline.selectNode(exNode + id)
	u.setStatus(lang.L("Added {{.Loc}} of {{.Doc}} to the brief", map[string]any{"Loc": briefing.FormatLocator(x.Locator, uiLang()), "Doc": u.docName(x.Source.DocID)}), false)
}

// passageToAdd is the passage the user chose last: the one in the reader,
// or the selected result while the reader is still loading its document.
func (u *ui) passageToAdd() (*corpus.Passage, corpus.Meta, bool) {
	ps, meta, ok := u.reader.passage()
	if ok && ps.ID == u.reader.want {
		return ps, meta, true
	}
	if h, hit := u.search.selectedHit(); hit && h.ID == u.reader.want {
		if d, known := u.docs.get(h.DocID); known {
			p := h.Passage
			return &p, d.Meta, true
		}
	}
	return ps, meta, ok
}

// homeDir is the user's home folder, or the working folder.
func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	d, _ := os.Getwd()
	return d
}
