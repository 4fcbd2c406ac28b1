package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/briefing"
)

// otherWriter changes the brief at path as `attache brief add`, another
// window or a sync tool would: through briefing.Save.
func otherWriter(t *testing.T, path, title string) {
	t.Helper()
	b, err := briefing.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b.Title = title
	if err := briefing.Save(path, b); err != nil {
		t.Fatal(err)
	}
}

// diskTitle is the title of the brief on disk at path.
func diskTitle(t *testing.T, path string) string {
	t.Helper()
	b, err := briefing.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return b.Title
}

// TestSaveAsksWhenChangedOnDisk checks that saving over a brief that
// someone else changed on disk since the window opened it asks first:
// Cancel leaves the other writer's file and the window's changes as they
// are, Overwrite writes the window's brief, and the next save, with the
// file as the window wrote it, asks nothing.
func TestSaveAsksWhenChangedOnDisk(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "shared.brief")
	b, _ := newBriefFrom("briefing-note", "Shared brief")
	if err := briefing.Save(path, b); err != nil {
		t.Fatal(err)
	}
	u.openPath(path)
	otherWriter(t, path, "Changed by the CLI")
	u.brief.title.SetText("Changed in the window")

	u.save(nil)
	m := test.RenderToMarkup(u.win.Canvas())
	if !strings.Contains(m, "shared.brief was changed on disk since you opened it.") {
		t.Fatalf("no question before writing over the other change:\n%s", m)
	}
	if got := diskTitle(t, path); got != "Changed by the CLI" {
		t.Fatalf("the file was written before the answer: %q", got)
	}
	test.Tap(findButton(t, u.win.Canvas(), "Cancel"))
	if got := diskTitle(t, path); got != "Changed by the CLI" {
		t.Errorf("Cancel wrote the file: %q", got)
	}
	if u.ed.Brief().Title != "Changed in the window" || !u.ed.Dirty() {
		t.Errorf("Cancel lost the window's change: %q, dirty %v", u.ed.Brief().Title, u.ed.Dirty())
	}

	// Ctrl+S asks again; Overwrite writes.
	u.menuAction(ctrl(fyne.KeyS))()
	test.Tap(findButton(t, u.win.Canvas(), "Overwrite"))
	if got := diskTitle(t, path); got != "Changed in the window" || u.ed.Dirty() {
		t.Errorf("after Overwrite: file %q, dirty %v", got, u.ed.Dirty())
	}
	if len(u.dialogs) != 0 {
		t.Fatalf("%d dialogs left open", len(u.dialogs))
	}

	// The file is as the window wrote it: the next save asks nothing.
	u.brief.title.SetText("Edited again")
	u.save(nil)
	if len(u.dialogs) != 0 || diskTitle(t, path) != "Edited again" {
		t.Errorf("a save over the window's own file asked or failed: %d dialogs, %q", len(u.dialogs), diskTitle(t, path))
	}
}

// TestSaveAsWhenChangedOnDisk checks that "Save as…" leaves the changed
// file alone and asks where to save the window's brief.
func TestSaveAsWhenChangedOnDisk(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "shared.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	otherWriter(t, path, "Changed by a sync tool")
	u.brief.title.SetText("Mine")
	done := false
	u.save(func() { done = true })
	test.Tap(findButton(t, u.win.Canvas(), "Save as…"))
	if got := diskTitle(t, path); got != "Changed by a sync tool" {
		t.Errorf("Save as… wrote the changed file: %q", got)
	}
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "Mine.brief") {
		t.Errorf("no save dialog offering Mine.brief:\n%s", m)
	}
	if done || !u.ed.Dirty() {
		t.Errorf("the brief counts as saved before a file was chosen")
	}
	// The dialog's choice lands in savedAs.
	other := tempPath(t, "Mine.brief")
	u.savedAs(other, func() { done = true })
	if !done || diskTitle(t, other) != "Mine" || u.path != other {
		t.Errorf("saved as: done %v, path %q", done, u.path)
	}
}

// TestSaveWithoutChangeOnDiskAsksNothing checks the usual case and a file
// removed since: both save at once.
func TestSaveWithoutChangeOnDiskAsksNothing(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "mine.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	u.brief.title.SetText("Second draft")
	u.save(nil)
	if len(u.dialogs) != 0 || diskTitle(t, path) != "Second draft" {
		t.Fatalf("unchanged file: %d dialogs, %q", len(u.dialogs), diskTitle(t, path))
	}
	os.Remove(path)
	u.brief.title.SetText("Third draft")
	u.save(nil)
	if len(u.dialogs) != 0 || diskTitle(t, path) != "Third draft" {
		t.Errorf("removed file: %d dialogs", len(u.dialogs))
	}
}

// TestRestoredCopyStillAsksWhenChangedOnDisk checks that a brief restored
// from a crashed run's autosave copy remembers the file as that run knew
// it: a change made on disk since still makes the save ask.
func TestRestoredCopyStillAsksWhenChangedOnDisk(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	path := tempPath(t, "shared.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	u.brief.title.SetText("Unsaved in the crashed run")
	u.autosave()
	otherWriter(t, path, "Changed after the crash")

	v := nextRun(t, u)
	if !v.offerRestore() {
		t.Fatal("no offer")
	}
	test.Tap(findButton(t, v.win.Canvas(), "Restore"))
	v.save(nil)
	if m := test.RenderToMarkup(v.win.Canvas()); !strings.Contains(m, "was changed on disk") {
		t.Errorf("no question:\n%s", m)
	}
	if got := diskTitle(t, path); got != "Changed after the crash" {
		t.Errorf("file %q", got)
	}
}
