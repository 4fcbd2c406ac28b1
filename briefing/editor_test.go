package briefing

import (
	"testing"
)

func TestEditorUndoRedo(t *testing.T) {
	e := NewEditor(sampleBrief(t))
	changes := 0
	e.OnChange = func() { changes++ }
	if e.CanUndo() || e.Dirty() || e.Undo() || e.Redo() {
		t.Fatal("fresh editor has history")
	}
	before, _ := Marshal(e.Brief())
	bg := e.Brief().Sections[2].ID
	xid := e.Brief().Sections[2].Excerpts[0].ID

	steps := []func() error{
		func() error { _, err := e.AddSection("Annex", -1); return err },
		func() error { return e.RenameSection(bg, "Context") },
		func() error { return e.MoveSection(bg, 0) },
		func() error { return e.SetSectionText(bg, "New text.") },
		func() error { return e.TrimExcerptTo(xid, "è in costante crescita") },
		func() error { return e.SetExcerptComment(xid, "Key line.") },
		func() error { return e.MoveExcerpt(xid, e.Brief().Sections[4].ID, 0) },
		func() error { return e.SetKeyMessages([]string{"One", " ", "Two"}) },
		func() error { h := e.Brief().Header; h.Classification = "SENSITIVE"; return e.SetHeader(h) },
		func() error { return e.RemoveExcerpt(xid) },
		func() error { return e.RemoveSection(bg) },
	}
	var states [][]byte
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		e.Seal()
		s, _ := Marshal(e.Brief())
		states = append(states, s)
	}
	if changes != len(steps) || !e.Dirty() {
		t.Fatalf("changes %d dirty %v", changes, e.Dirty())
	}
	if e.UndoLabel() != "Remove section" {
		t.Errorf("undo label %q", e.UndoLabel())
	}
	// undo everything, checking each state on the way back
	for i := len(steps) - 1; i >= 0; i-- {
		s, _ := Marshal(e.Brief())
		if string(s) != string(states[i]) {
			t.Fatalf("state after undoing to step %d differs", i)
		}
		if !e.Undo() {
			t.Fatalf("undo %d failed", i)
		}
	}
	if s, _ := Marshal(e.Brief()); string(s) != string(before) {
		t.Fatal("undoing everything does not give the original")
	}
	if e.Dirty() || e.CanUndo() {
		t.Error("back at the saved state but dirty")
	}
	for i := range steps {
		if !e.Redo() {
			t.Fatalf("redo %d failed", i)
		}
		if s, _ := Marshal(e.Brief()); string(s) != string(states[i]) {
			t.Fatalf("redo %d gives another state", i)
		}
	}
	if e.Redo() {
		t.Error("redo past the end")
	}
	// a new change clears the redo list
	e.Undo()
	e.AddSection("Other", -1)
	if e.CanRedo() {
		t.Error("redo survives a new change")
	}
}

func TestEditorFailedOpLeavesHistory(t *testing.T) {
	e := NewEditor(sampleBrief(t))
	v := e.Version()
	if err := e.RemoveSection("nope"); err == nil {
		t.Fatal("no error")
	}
	if e.CanUndo() || e.Version() != v || e.Dirty() {
		t.Error("failed op changed history")
	}
}

func TestEditorMergesTyping(t *testing.T) {
	e := NewEditor(sampleBrief(t))
	id := e.Brief().Sections[0].ID
	for _, s := range []string{"T", "Th", "The", "The end."} {
		if err := e.SetSectionText(id, s); err != nil {
			t.Fatal(err)
		}
	}
	e.Seal()
	e.SetSectionText(id, "Other.")
	if !e.Undo() || e.Brief().Sections[0].Text[0] != "The end." {
		t.Fatalf("first undo gives %q", e.Brief().Sections[0].Text)
	}
	if !e.Undo() || e.Brief().Sections[0].Text[0] == "T" || e.CanUndo() {
		t.Fatalf("typing not merged: %q, can undo %v", e.Brief().Sections[0].Text, e.CanUndo())
	}
	e.Redo()
	e.MarkSaved()
	if e.Dirty() {
		t.Error("dirty after MarkSaved")
	}
	e.Redo()
	if !e.Dirty() {
		t.Error("not dirty after redo past save")
	}
	e.Undo()
	if e.Dirty() {
		t.Error("dirty after undo back to saved state")
	}
}

func TestEditorApply(t *testing.T) {
	e := NewEditor(sampleBrief(t))
	n := len(e.Brief().Sections)
	err := e.Apply("Add two sections", func(b *Brief) error {
		if _, err := b.AddSection("A", -1); err != nil {
			return err
		}
		_, err := b.AddSection("B", -1)
		return err
	})
	if err != nil || len(e.Brief().Sections) != n+2 || e.UndoLabel() != "Add two sections" {
		t.Fatalf("apply: %v", err)
	}
	e.Undo()
	if len(e.Brief().Sections) != n {
		t.Error("one undo did not undo both sections")
	}
	// a failing change half way leaves nothing behind
	err = e.Apply("Half", func(b *Brief) error {
		b.AddSection("C", -1)
		return b.RemoveSection("nope")
	})
	if err == nil || len(e.Brief().Sections) != n || e.CanUndo() {
		t.Errorf("failed apply changed the brief: %v", err)
	}
}
