package briefing

import "testing"

func TestMarkDirty(t *testing.T) {
	e := NewEditor(&Brief{Header: Header{Title: "Restored"}})
	calls := 0
	e.OnChange = func() { calls++ }
	v := e.Version()
	e.MarkDirty()
	if !e.Dirty() {
		t.Fatal("not dirty after MarkDirty")
	}
	if e.CanUndo() {
		t.Errorf("MarkDirty left an undo step %q", e.UndoLabel())
	}
	if calls != 1 || e.Version() == v {
		t.Errorf("OnChange calls %d, version %d -> %d: the view is not told", calls, v, e.Version())
	}
	if e.Brief().Header.Title != "Restored" {
		t.Errorf("brief changed: %+v", e.Brief().Header)
	}
	// An edit and its undo come back to the restored state, still unsaved.
	if _, err := e.AddSection("One", -1); err != nil {
		t.Fatal(err)
	}
	e.Undo()
	if !e.Dirty() {
		t.Error("undoing back to the restored state counts as saved")
	}
	e.MarkSaved()
	if e.Dirty() {
		t.Error("dirty after MarkSaved")
	}
}
