package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"attache/index/themes"
)

// coverageCellText is what the coverage table shows at row r, column c:
// row 0 names the documents, column 0 the themes (labels in lang), and
// every other cell the number of the document's passages on the theme, or
// "·" where the document is silent.
func coverageCellText(m *themes.Matrix, r, c int, lang string) string {
	switch {
	case r == 0 && c == 0:
		return ""
	case r == 0:
		d := m.Docs[c-1]
		if d.ShortTitle != "" {
			return fmt.Sprintf("%s (%s)", d.ShortTitle, d.Lang)
		}
		return fmt.Sprintf("%s (%s)", d.ID, d.Lang)
	case c == 0:
		th := m.Themes[r-1]
		if lang == "it" {
			return th.LabelIT
		}
		return th.LabelEN
	}
	if n := m.Cells[r-1][c-1].Count; n > 0 {
		return fmt.Sprint(n)
	}
	return "·"
}

// newCoverageView shows the themes × documents coverage matrix as a
// table: a row per theme, a column per document, each cell the number of
// passages the document has on the theme. Tapping a cell with passages
// calls open with the theme's and the document's IDs and the cell's passage
// IDs in reading order (the strongest is m's Cell.Strongest), to list them.
func newCoverageView(m *themes.Matrix, lang string, open func(theme, doc string, passages []string)) fyne.CanvasObject {
	var table *widget.Table
	table = widget.NewTable(
		func() (int, int) { return len(m.Themes) + 1, len(m.Docs) + 1 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(coverageCellText(m, id.Row, id.Col, lang))
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0 || id.Col == 0}
			l.Alignment = fyne.TextAlignLeading
			if id.Row > 0 && id.Col > 0 {
				l.Alignment = fyne.TextAlignCenter
			}
			l.Refresh()
		},
	)
	table.SetColumnWidth(0, 360)
	for c := 1; c <= len(m.Docs); c++ {
		table.SetColumnWidth(c, 240)
	}
	table.OnSelected = func(id widget.TableCellID) {
		defer table.Unselect(id)
		if id.Row < 1 || id.Col < 1 || m.Cells[id.Row-1][id.Col-1].Count == 0 || open == nil {
			return
		}
		open(m.Themes[id.Row-1].ID, m.Docs[id.Col-1].ID, m.Cells[id.Row-1][id.Col-1].Passages)
	}
	caption := widget.NewLabel("Passages of each document on each theme; tap a number to list them.")
	if lang == "it" {
		caption.SetText("Passaggi di ciascun documento su ciascun tema; tocca un numero per elencarli.")
	}
	caption.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, caption, nil, nil, table)
}

// coverageDialog shows the coverage matrix in a dialog over parent; a tap
// on a cell closes it and calls open.
func coverageDialog(parent fyne.Window, m *themes.Matrix, lang string, open func(theme, doc string, passages []string)) dialog.Dialog {
	title := "Theme coverage"
	if lang == "it" {
		title = "Copertura dei temi"
	}
	var d dialog.Dialog
	view := newCoverageView(m, lang, func(theme, doc string, passages []string) {
		d.Hide()
		if open != nil {
			open(theme, doc, passages)
		}
	})
	d = dialog.NewCustom(title, "Close", view, parent)
	d.Resize(fyne.NewSize(1100, 640))
	return d
}
