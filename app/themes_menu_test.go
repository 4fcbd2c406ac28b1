package app

import (
	"strings"
	"testing"

	"attache/index/themes"
)

func TestCoverageCellSearchesTheThemeInTheDocument(t *testing.T) {
	u := newTestUI(t)
	var m *themes.Matrix
	u.loadMatrix(func(x *themes.Matrix) { m = x })
	if m == nil || len(m.Themes) == 0 {
		t.Fatal("no coverage matrix")
	}
	for i, row := range m.Cells {
		for j, c := range row {
			if c.Count == 0 {
				continue
			}
			theme, doc := m.Themes[i].ID, m.Docs[j].ID
			u.search.query.SetText("cables")
			u.openCoverageCell(theme, doc, c.Passages)
			// The cell sets the search pane's filters and clears the query.
			if u.search.themeSel.value != theme || u.search.docSel.value != doc || u.search.query.Text != "" {
				t.Fatalf("filters %q %q, query %q after opening %s in %s", u.search.themeSel.value, u.search.docSel.value, u.search.query.Text, theme, doc)
			}
			if !strings.HasPrefix(u.search.themeSel.Selected, themes.Default().Theme(theme).LabelEN) {
				t.Errorf("theme filter shows %q", u.search.themeSel.Selected)
			}
			var got []string
			for _, h := range u.search.hits {
				got = append(got, h.ID)
			}
			if strings.Join(got, " ") != strings.Join(c.Passages, " ") {
				t.Fatalf("the pane lists %v, want the cell's passages %v", got, c.Passages)
			}
			if ps, _, _ := u.reader.passage(); ps == nil || ps.ID != c.Passages[0] {
				t.Errorf("reader shows %v, want %s", ps, c.Passages[0])
			}
			return
		}
	}
	t.Fatal("every cell of the coverage matrix is empty")
}

func TestDraftFromThemesOpensANewBrief(t *testing.T) {
	u := newTestUI(t)
	var m *themes.Matrix
	u.loadMatrix(func(x *themes.Matrix) { m = x })
	var ids []string
	for _, th := range m.Themes {
		if th.Total > 0 && len(ids) < 2 {
			ids = append(ids, th.ID)
		}
	}
	u.draftFromThemes(ids, 2, "Drafted")
	b := u.ed.Brief()
	if b.Title != "Drafted" || len(b.Sections) != len(ids) || len(b.Excerpts()) == 0 {
		t.Fatalf("draft: title %q, %d sections, %d excerpts", b.Title, len(b.Sections), len(b.Excerpts()))
	}
	if u.path != "" {
		t.Errorf("a draft has path %q, want none until saved", u.path)
	}
}

func TestDocumentActionsNeedADocumentInTheReader(t *testing.T) {
	u := newTestUI(t)
	called := ""
	u.withReaderDoc("Edit document", func(id string) { called = id })
	if called != "" || len(u.dialogs) != 1 {
		t.Fatalf("with no document in the reader: called %q, %d dialogs", called, len(u.dialogs))
	}
	u.closeTopDialog()
	id := u.docs.ids()[0]
	u.reader.showPassage(id, "")
	u.withReaderDoc("Edit document", func(id string) { called = id })
	if called != id {
		t.Errorf("called with %q, want %q", called, id)
	}
	// A seed document cannot be edited: the window says so.
	u.showEditDocument(id)
	if len(u.dialogs) != 1 {
		t.Errorf("editing a seed document opened %d dialogs, want the one that says no", len(u.dialogs))
	}
}
