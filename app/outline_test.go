package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

func TestOutlineRowsShowWholeHeadingsAndOwnText(t *testing.T) {
	u := newTestUI(t)
	// Short headings all fit on one line: one-line rows, more of them.
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	if len(u.brief.outline.rows) == 0 {
		t.Fatal("the outline shows no rows")
	}
	for _, r := range u.brief.outline.rows {
		if h := r.Size().Height; h >= 2*line {
			t.Errorf("row %q is %.0f tall with only short headings", r.label.Text, h)
		}
	}
	long := "Secure connectivity: undersea cables, their protection and their repair in the Mediterranean"
	var id string
	u.edit(func(ed *briefing.Editor) (err error) {
		id, err = ed.AddSection(long, -1)
		return err
	})
	u.brief.outline.selectNode(secNode + id)
	var row *nodeRow
	for _, r := range u.brief.outline.rows {
		if r.uid == secNode+id {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no row for the new section")
	}
	if !strings.HasSuffix(row.label.Text, long) {
		t.Fatalf("row label %q lacks the whole heading", row.label.Text)
	}
	// The row is two lines tall and the heading fits in two lines of it.
	if h := row.Size().Height; h < 2*line {
		t.Errorf("row %.0f tall, less than two lines of %.0f", h, line)
	}
	w := row.label.Size().Width - 2*theme.InnerPadding()
	need := fyne.MeasureText(row.label.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	if row.label.Wrapping != fyne.TextWrapWord || need > 2*w*0.95 {
		t.Errorf("heading %q needs %.0f, the row's two lines give %.0f (wrapping %v)", row.label.Text, need, 2*w, row.label.Wrapping)
	}
	if strings.Contains(u.brief.outline.nodeCaption(secNode+id), "✎") {
		t.Error("a section without text is marked as having text")
	}
	test.Type(u.brief.outline.secText, "Our own assessment.")
	if !strings.Contains(u.brief.outline.nodeCaption(secNode+id), "✎") {
		t.Errorf("a section with text of one's own is not marked: caption %q", u.brief.outline.nodeCaption(secNode+id))
	}
	// The tree makes a row to measure on every refresh; only those it
	// shows are kept (they are what a drop is looked for in).
	for i := 0; i < 30; i++ {
		u.brief.outline.refresh(false)
	}
	if n := len(u.brief.outline.rows); n > 40 {
		t.Errorf("%d rows kept after 30 refreshes of a %d-section outline", n, len(u.ed.Brief().Sections))
	}
	var caption *widget.RichText = row.caption
	if !caption.Visible() || !strings.Contains(caption.String(), "✎") {
		t.Errorf("the row does not show the mark: %q", caption.String())
	}
}
