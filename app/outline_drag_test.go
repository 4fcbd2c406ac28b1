package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// rowOf finds the tree row showing node uid.
func rowOf(t *testing.T, o *outline, uid string) *nodeRow {
	t.Helper()
	for _, r := range o.rows {
		if r.uid == uid && fyne.CurrentApp().Driver().CanvasForObject(r) != nil {
			return r
		}
	}
	t.Fatalf("no row shows %s", uid)
	return nil
}

func TestDragAnExcerptOntoAnother(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	o := u.brief.outline
	o.selectNode(secNode + u.ed.Brief().Sections[0].ID)
	a := addHit(t, u, 0)
	b := addHit(t, u, 1)
	u.win.Content().Refresh()

	d := fyne.CurrentApp().Driver()
	from, to := rowOf(t, o, exNode+b), rowOf(t, o, exNode+a)
	p1, p2 := d.AbsolutePositionForObject(from), d.AbsolutePositionForObject(to)
	test.Drag(u.win.Canvas(), p1.Add(fyne.NewPos(10, 5)), 0, p2.Y-p1.Y)
	xs := u.ed.Brief().Sections[0].Excerpts
	if len(xs) != 2 || xs[0].ID != b || xs[1].ID != a {
		t.Fatalf("after dragging %s onto %s the order is %v", b, a, []string{xs[0].ID, xs[1].ID})
	}

	// Dragging an excerpt onto a section heading moves it to that section.
	last := u.ed.Brief().Sections[2].ID
	u.win.Content().Refresh()
	from, to = rowOf(t, o, exNode+a), rowOf(t, o, secNode+last)
	p1, p2 = d.AbsolutePositionForObject(from), d.AbsolutePositionForObject(to)
	test.Drag(u.win.Canvas(), p1.Add(fyne.NewPos(10, 5)), 0, p2.Y-p1.Y)
	if _, i, _ := u.ed.Brief().Excerpt(a); i != 2 {
		t.Errorf("excerpt dropped on section 3 is in section %d", i+1)
	}
	u.undo()
	if _, i, _ := u.ed.Brief().Excerpt(a); i != 0 {
		t.Errorf("undo left the excerpt in section %d", i+1)
	}
}
