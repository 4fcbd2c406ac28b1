package app

import (
	"bytes"
	"log"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/bridge"
	"attache/index"
	"attache/index/themes"
	"attache/seeds"
)

func seedMatrix(t *testing.T) *themes.Matrix {
	t.Helper()
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	m, err := bridge.ThemeMatrix(lib)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCoverageViewOpensACell(t *testing.T) {
	test.NewTempApp(t)
	m := seedMatrix(t)
	row, col := -1, -1
	for i, th := range m.Themes {
		if th.ID == "undersea-cables" {
			row = i + 1
		}
	}
	for j, d := range m.Docs {
		if d.ID == "join-2025-140" {
			col = j + 1
		}
	}
	if got := coverageCellText(m, row, 0, "it"); got != "Cavi sottomarini e terrestri" {
		t.Errorf("row label %q", got)
	}
	if got := coverageCellText(m, row, col, "en"); got == "·" || got == "0" {
		t.Errorf("JOIN × cables shows %q", got)
	}

	var opened [][2]string
	var listed []string
	view := newCoverageView(m, "en", func(theme, doc string, passages []string) {
		opened = append(opened, [2]string{theme, doc})
		listed = passages
	})
	w := test.NewWindow(view)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 600))
	table := view.(*fyne.Container).Objects[0].(*widget.Table)
	table.Select(widget.TableCellID{Row: row, Col: col})
	if len(opened) != 1 || opened[0] != [2]string{"undersea-cables", "join-2025-140"} {
		t.Errorf("opened %v", opened)
	}
	if c := m.Cells[row-1][col-1]; len(listed) != c.Count || !slices.Contains(listed, c.Strongest) {
		t.Errorf("listed %v for a cell of %d passages, strongest %s", listed, c.Count, c.Strongest)
	}
	// A header or a silent document opens nothing.
	table.Select(widget.TableCellID{Row: 0, Col: col})
	for j, d := range m.Docs {
		if m.Cells[row-1][j].Count == 0 {
			table.Select(widget.TableCellID{Row: row, Col: j + 1})
			if coverageCellText(m, row, j+1, "en") != "·" {
				t.Errorf("%s shows %q for a silent document", d.ID, coverageCellText(m, row, j+1, "en"))
			}
		}
	}
	if len(opened) != 1 {
		t.Errorf("opened %v after tapping a header and silent cells", opened)
	}
}

func TestDraftForm(t *testing.T) {
	test.NewTempApp(t)
	m := seedMatrix(t)
	f := newDraftForm(m, "it")
	if _, _, _, err := f.values(); err == nil {
		t.Error("no theme chosen, no error")
	}
	var cables, ai string
	for label, id := range f.ids {
		switch id {
		case "undersea-cables":
			cables = label
		case "ai-governance":
			ai = label
		}
	}
	if !strings.HasPrefix(cables, "Cavi sottomarini e terrestri (") {
		t.Errorf("label %q", cables)
	}
	f.themes.SetSelected([]string{cables, ai})
	f.per.SetSelected("3")
	f.title.SetText("  Cavi e IA ")
	ids, per, title, err := f.values()
	if err != nil || !slices.Equal(ids, []string{"ai-governance", "undersea-cables"}) || per != 3 || title != "Cavi e IA" {
		t.Errorf("values %v %d %q %v", ids, per, title, err)
	}
	items := f.items()
	if len(items) != 3 {
		t.Fatalf("%d form items", len(items))
	}
	// The list of themes shows several at once, not a one-line sliver.
	row := widget.NewCheck("Mg", nil).MinSize().Height
	if h := items[0].Widget.MinSize().Height; h < 8*row {
		t.Errorf("the themes list is %.0f px tall, %.1f rows", h, h/row)
	}
}

// findCoverageCell returns the table cell that shows row, col.
func findCoverageCell(o fyne.CanvasObject, row, col int) *coverageCell {
	if c, ok := o.(*coverageCell); ok && c.Visible() && c.id == (widget.TableCellID{Row: row, Col: col}) {
		return c
	}
	var kids []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		kids = v.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(v).Objects()
	}
	for _, k := range kids {
		if c := findCoverageCell(k, row, col); c != nil {
			return c
		}
	}
	return nil
}

func TestCoverageDialogCellTap(t *testing.T) {
	a := test.NewTempApp(t)
	m := seedMatrix(t)
	w := test.NewWindow(widget.NewLabel("main"))
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	var opened []string
	d := coverageDialog(w, m, "en", func(theme, doc string, passages []string) { opened = append(opened, theme+"/"+doc) })
	d.Show()
	row, col := -1, -1
	for i, c := range m.Cells {
		for j := range c {
			if row < 0 && c[j].Count > 0 {
				row, col = i+1, j+1
			}
		}
	}
	cell := findCoverageCell(w.Canvas().Overlays().Top(), row, col)
	if cell == nil {
		t.Fatalf("no cell %d,%d on screen", row, col)
	}
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	pos := a.Driver().AbsolutePositionForObject(cell).Add(fyne.NewPos(cell.Size().Width/2, cell.Size().Height/2))
	test.TapCanvas(w.Canvas(), pos)
	if len(opened) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("tap on a cell: opened %v, dialog still shown %v", opened, w.Canvas().Overlays().Top() != nil)
	}
	if strings.Contains(logged.String(), "Failed to focus") {
		t.Errorf("the tap logged: %s", logged.String())
	}
}

func TestCoverageHeadersFit(t *testing.T) {
	test.NewTempApp(t)
	m := seedMatrix(t)
	view := newCoverageView(m, "en", nil)
	w := test.NewWindow(view)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 640))
	// Each document's name fits its header cell (wrapped) instead of
	// running over the next column.
	for c := 1; c <= len(m.Docs); c++ {
		cell := findCoverageCell(view, 0, c)
		if cell == nil {
			t.Fatalf("no header cell for column %d", c)
		}
		if cell.Wrapping != fyne.TextWrapWord {
			t.Errorf("header %q does not wrap", cell.Text)
		}
		need := cell.MinSize().Height
		if need > cell.Size().Height+1 {
			t.Errorf("header %q needs %.0f px of height, has %.0f", cell.Text, need, cell.Size().Height)
		}
		if cell.Size().Width > coverageDocWidth {
			t.Errorf("header %q is %.0f px wide", cell.Text, cell.Size().Width)
		}
	}
}
