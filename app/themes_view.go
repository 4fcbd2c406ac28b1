package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/index/themes"
)

// coverageCellText is what the coverage table shows at row r, column c:
// row 0 names the documents, column 0 the themes (labels in lang), and
// every other cell the number of the document's passages on the theme, or
// "·" where the document is silent.
func coverageCellText(m *themes.Matrix, r, c int, labelLang string) string {
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
		if labelLang == "it" {
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
func newCoverageView(m *themes.Matrix, labelLang string, open func(theme, doc string, passages []string)) fyne.CanvasObject {
	var table *widget.Table
	table = widget.NewTable(
		func() (int, int) { return len(m.Themes) + 1, len(m.Docs) + 1 },
		func() fyne.CanvasObject { return newCoverageCell(func(id widget.TableCellID) { table.Select(id) }) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*coverageCell)
			l.id = id
			l.Text = coverageCellText(m, id.Row, id.Col, labelLang)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0 || id.Col == 0}
			l.Alignment = fyne.TextAlignLeading
			// Document names wrap in the header row; theme names are cut
			// with an ellipsis rather than spill into the next column.
			l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
			if id.Row == 0 {
				l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
			}
			if id.Row > 0 && id.Col > 0 {
				l.Alignment = fyne.TextAlignCenter
			}
			l.Refresh()
		},
	)
	// The header row and the theme column stay in view while scrolling.
	table.StickyRowCount, table.StickyColumnCount = 1, 1
	table.SetColumnWidth(0, 380)
	for c := 1; c <= len(m.Docs); c++ {
		table.SetColumnWidth(c, coverageDocWidth)
	}
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	table.SetRowHeight(0, 3*line+2*theme.InnerPadding())
	table.OnSelected = func(id widget.TableCellID) {
		defer table.Unselect(id)
		if id.Row < 1 || id.Col < 1 || m.Cells[id.Row-1][id.Col-1].Count == 0 || open == nil {
			return
		}
		open(m.Themes[id.Row-1].ID, m.Docs[id.Col-1].ID, m.Cells[id.Row-1][id.Col-1].Passages)
	}
	caption := widget.NewLabel(lang.L("Passages of each document on each theme; tap a number to list them."))
	caption.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, caption, nil, nil, table)
}

// coverageDocWidth is the width of a document's column: its name wraps on
// up to three lines of the header.
const coverageDocWidth = 170

// coverageCell is a cell of the coverage table. It takes taps itself and
// selects its cell, so that the table does not then take the focus: a tap
// that opens a cell closes the dialog the table is in.
type coverageCell struct {
	widget.Label
	id    widget.TableCellID
	onTap func(widget.TableCellID)
}

func newCoverageCell(onTap func(widget.TableCellID)) *coverageCell {
	c := &coverageCell{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped selects the cell.
func (c *coverageCell) Tapped(*fyne.PointEvent) { c.onTap(c.id) }

// coverageDialog shows the coverage matrix in a dialog over parent; a tap
// on a cell closes it and calls open.
func coverageDialog(parent fyne.Window, m *themes.Matrix, labelLang string, open func(theme, doc string, passages []string)) dialog.Dialog {
	title := lang.L("Theme coverage")
	var d dialog.Dialog
	view := newCoverageView(m, labelLang, func(theme, doc string, passages []string) {
		d.Hide()
		if open != nil {
			open(theme, doc, passages)
		}
	})
	d = dialog.NewCustom(title, lang.L("Close"), view, parent)
	d.Resize(fyne.NewSize(1100, 640))
	return d
}

// draftForm is the form of "Draft from themes…": the themes to draft
// from (with their passage counts), how many passages per theme and an
// optional title.
type draftForm struct {
	themes *widget.CheckGroup
	per    *widget.Select
	title  *widget.Entry
	ids    map[string]string // option label → theme ID
}

// newDraftForm builds the form for the themes of m, labelled in
// labelLang.
func newDraftForm(m *themes.Matrix, labelLang string) *draftForm {
	f := &draftForm{ids: map[string]string{}}
	var options []string
	for _, th := range m.Themes {
		label := th.LabelEN
		if labelLang == "it" {
			label = th.LabelIT
		}
		label = fmt.Sprintf("%s (%d)", label, th.Total)
		f.ids[label] = th.ID
		options = append(options, label)
	}
	f.themes = widget.NewCheckGroup(options, nil)
	f.per = widget.NewSelect([]string{"2", "3", "4", "5", "6", "8", "10"}, nil)
	f.per.SetSelected("4")
	f.title = widget.NewEntry()
	f.title.SetPlaceHolder(lang.L("Title (optional)"))
	return f
}

// draftThemeRows is how many themes the draft form shows without
// scrolling.
const draftThemeRows = 10

// items lays the form out for dialog.NewForm.
func (f *draftForm) items() []*widget.FormItem {
	// A form row is as tall as its content's minimum, which for a scroll
	// is one line: give the list of themes room for about ten.
	themesList := container.NewVScroll(f.themes)
	themesList.SetMinSize(fyne.NewSize(0, draftThemeRows*widget.NewCheck("Mg", nil).MinSize().Height))
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("Themes"), themesList),
		widget.NewFormItem(lang.L("Passages per theme"), f.per),
		widget.NewFormItem(lang.L("Title"), f.title),
	}
}

// values returns the chosen theme IDs in taxonomy order, the number of
// passages per theme and the title, or an error when no theme is chosen.
func (f *draftForm) values() (ids []string, perTheme int, title string, err error) {
	for _, o := range f.themes.Options {
		if slices.Contains(f.themes.Selected, o) {
			ids = append(ids, f.ids[o])
		}
	}
	if len(ids) == 0 {
		return nil, 0, "", errors.New(lang.L("choose at least one theme"))
	}
	perTheme, _ = strconv.Atoi(f.per.Selected)
	return ids, perTheme, strings.TrimSpace(f.title.Text), nil
}

// draftDialog asks which themes to draft a brief from and calls draft with
// the answer (see bridge.Draft); errors are shown over parent.
func draftDialog(parent fyne.Window, m *themes.Matrix, labelLang string, draft func(themeIDs []string, perTheme int, title string)) dialog.Dialog {
	f := newDraftForm(m, labelLang)
	d := dialog.NewForm(lang.L("Draft from themes"), lang.L("Draft"), lang.L("Cancel"), f.items(), func(confirmed bool) {
		if !confirmed {
			return
		}
		ids, per, t, err := f.values()
		if err != nil {
			dialog.ShowError(err, parent)
			return
		}
		draft(ids, per, t)
	}, parent)
	d.Resize(fyne.NewSize(640, 620))
	return d
}
