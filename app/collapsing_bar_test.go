package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestItalianToolbarsLeaveTheSearchPaneItsWidth opens the window in
// Italian at the size of a 1366x768 screen: the reader's toolbar, whose
// Italian labels are long, gave up its room to nobody, so the search pane
// was squeezed to 330 px and its filters and hits were cut. Now the search
// pane has its share, and the toolbars show their commands, the main one
// (Aggiungi alla nota) with its label.
func TestItalianToolbarsLeaveTheSearchPaneItsWidth(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	u.rebuild()
	u.win.Resize(fyne.NewSize(1230, 690))
	search(t, u, "cavi sottomarini")
	u.search.list.Select(0)
	share := u.hsplit.Size().Width * 0.35
	if w := u.search.content.Size().Width; w < share-20 {
		t.Errorf("the search pane is %.0f wide, less than its share of %.0f", w, share)
	}
	if u.reader.add.Text != "Aggiungi alla nota" {
		t.Errorf("the reader's main command reads %q", u.reader.add.Text)
	}
	for _, b := range []*widget.Button{u.reader.prev, u.reader.next, u.reader.copyCite, u.reader.add} {
		if !b.Visible() || b.Size().Width < b.MinSize().Width || b.Position().X+b.Size().Width > u.reader.content.Size().Width+1 {
			t.Errorf("a reader button (%q) is not shown whole: at %v, %v wide", b.Text, b.Position(), b.Size())
		}
	}
}

// TestACollapsingBarShowsLabelsWhereTheyFit checks the bar alone: wide,
// every label; narrow, the left labels go first; narrowest, icons only.
func TestACollapsingBarShowsLabelsWhereTheyFit(t *testing.T) {
	left := widget.NewButtonWithIcon("Copy citation", test.NewTheme().Icon("contentCopy"), nil)
	right := widget.NewButtonWithIcon("Add to brief", test.NewTheme().Icon("contentAdd"), nil)
	bar := newCollapsingBar(left, layoutSpacer(), right)
	full := bar.MinSize().Width
	bar.Resize(fyne.NewSize(1000, 40))
	if left.Text != "Copy citation" || right.Text != "Add to brief" {
		t.Fatalf("a wide bar hid labels: %q, %q", left.Text, right.Text)
	}
	bar.Resize(fyne.NewSize(full+right.MinSize().Width+10, 40))
	if left.Text != "" || right.Text != "Add to brief" {
		t.Errorf("a narrower bar shows %q, %q; want the right label only", left.Text, right.Text)
	}
	bar.Resize(fyne.NewSize(full, 40))
	if left.Text != "" || right.Text != "" {
		t.Errorf("the narrowest bar shows labels %q, %q", left.Text, right.Text)
	}
	bar.Resize(fyne.NewSize(1000, 40))
	if left.Text != "Copy citation" || right.Text != "Add to brief" {
		t.Errorf("widening the bar did not bring the labels back: %q, %q", left.Text, right.Text)
	}
}

// TestBriefPaneLeavesRoomOnASmallScreen: in Italian the brief pane needed
// 440 units at least (the page budget's two fields side by side, the
// excerpt's two buttons with their labels), so on a 1024x600 screen the
// search pane beside it was squeezed under its filters' width.
func TestBriefPaneLeavesRoomOnASmallScreen(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	u.rebuild()
	u.win.Resize(fyne.NewSize(956, 544))
	search(t, u, "cavi sottomarini")
	u.search.list.Select(0)
	u.addSelected()
	if w := u.rsplit.Trailing.MinSize().Width; w > 340 {
		t.Errorf("the brief pane needs %.0f wide, more than a third of a 1024 screen's window", w)
	}
	if w, min := u.search.content.Size().Width, u.search.content.MinSize().Width; w < min {
		t.Errorf("the search pane is %.0f wide, under its least width %.0f", w, min)
	}
}
