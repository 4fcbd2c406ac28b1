package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/index"
)

// TestHighlightedRowsNeverOverlap lays out rows whose matched words fall
// at the ends of lines, at many widths, on Fyne's test renderer: each
// row's snippet fits in the row's height, so no row spills over the next,
// and no line holds a lone letter of a wrapped word.
func TestHighlightedRowsNeverOverlap(t *testing.T) {
	u := newTestUI(t)
	text := "To edit a layer mask, click on the layer mask thumbnail in the Layers dialog; a white border shows the layer mask is active, and painting on the layer mask hides or shows parts of the layer. Apply Layer Mask merges the layer mask into the layer's alpha channel."
	var sn index.Snippet
	sn.Text = text
	for at := 0; ; {
		i := strings.Index(text[at:], "layer mask")
		if i < 0 {
			break
		}
		sn.Marks = append(sn.Marks, index.Span{Start: at + i, End: at + i + len("layer mask")})
		at += i + len("layer mask")
	}
	u.search.hits = []index.Hit{{Snippet: sn}}
	u.search.hits[0].ID, u.search.hits[0].DocID, u.search.hits[0].Locator, u.search.hits[0].Lang = "gimp-1", "gimp", "“Layer masks”, para. 2", "en"
	for w := float32(220); w <= 620; w += 9 {
		r := newHitRow(u.search)
		r.show(0)
		r.Resize(fyne.NewSize(w, r.MinSize().Height))
		top := r.top.MinSize().Height
		room := r.Size().Height - top
		if got := r.snippet.MinSize().Height; got > room+1 {
			t.Errorf("width %.0f: snippet needs %.0f, the row gives it %.0f: it spills over the next row", w, got, room)
		}
		for _, line := range strings.Split(r.snippet.String(), "\n") {
			if l := strings.TrimSpace(line); len([]rune(l)) == 1 {
				t.Errorf("width %.0f: a line holds the lone letter %q:\n%s", w, l, r.snippet.String())
			}
		}
		lines := 1
		for _, s := range r.snippet.Segments {
			if !s.Inline() {
				lines++
			}
		}
		if lines > snippetLines {
			t.Errorf("width %.0f: %d lines of snippet, want at most %d", w, lines, snippetLines)
		}
		if !strings.Contains(r.snippet.String(), "layer mask") {
			t.Errorf("width %.0f: the snippet lost its match: %q", w, r.snippet.String())
		}
	}
}

// TestResultRowsAreAsTallAsTheirText searches the seeds and checks, on the
// test renderer, that each row on show is as tall as its text needs: no
// snippet spills over the next row, and a short one leaves no gap.
func TestResultRowsAreAsTallAsTheirText(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "cables")
	test.WidgetRenderer(u.search.list).Layout(u.search.list.Size())
	rows := 0
	for _, o := range test.LaidOutObjects(u.search.list) {
		r, ok := o.(*hitRow)
		if !ok || r.id < 0 || !r.Visible() {
			continue
		}
		rows++
		need := r.content.MinSize().Height
		if got := r.Size().Height; got < need-0.5 || got > need+0.5 {
			t.Errorf("row %d (%q) is %.1f tall, its text needs %.1f", r.id, r.snippet.String(), got, need)
		}
	}
	if rows < 3 {
		t.Fatalf("%d rows laid out", rows)
	}
}

// TestListRowsFollowResultsAndMarks looks at the rows the result list
// really shows (which skip showing again what they already show): adding
// the first hit to the brief marks its row, and a new search puts the new
// hits in the rows.
func TestListRowsFollowResultsAndMarks(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1230, 690))
	search(t, u, "submarine cables")
	u.search.list.Select(0)
	u.addSelected()
	row := visibleRow(t, u, 0)
	if !strings.Contains(row.text(), "✓ in brief") {
		t.Errorf("the first row does not show its mark after adding it:\n%s", row.text())
	}
	search(t, u, "cavi sottomarini")
	row = visibleRow(t, u, 0)
	if want := u.docName(u.search.hits[0].DocID); !strings.HasPrefix(row.text(), want) {
		t.Errorf("after a new search the first row reads %q, want the document %q", row.text(), want)
	}
}

// visibleRow finds the result list's row showing hit id.
func visibleRow(t *testing.T, u *ui, id int) *hitRow {
	t.Helper()
	var found *hitRow
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		switch v := o.(type) {
		case *hitRow:
			if v.id == id {
				found = v
			}
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(u.search.list)
	if found == nil {
		t.Fatalf("no row of the list shows hit %d", id)
	}
	return found
}
