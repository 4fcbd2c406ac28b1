package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/briefing"
)

// TestSaveOverReadOnlyAsks checks that Ctrl+S on a read-only brief asks
// (Save as…/Cancel) rather than only showing an error: Cancel keeps the
// window's changes and the file as it was; Save as… offers a save dialog.
func TestSaveOverReadOnlyAsks(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "locked.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	u.brief.title.SetText("Changed in the window")
	u.save(nil)
	m := test.RenderToMarkup(u.win.Canvas())
	if !strings.Contains(m, "locked.brief is read-only and was not changed.") {
		t.Fatalf("no read-only question:\n%s", m)
	}
	test.Tap(findButton(t, u.win.Canvas(), "Cancel"))
	if got := diskTitle(t, path); got != "Digital diplomacy" {
		t.Errorf("the read-only file was written: %q", got)
	}
	if !u.ed.Dirty() || u.ed.Brief().Title != "Changed in the window" {
		t.Errorf("Cancel lost the change")
	}
	u.save(nil)
	test.Tap(findButton(t, u.win.Canvas(), "Save as…"))
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "Changed in the window.brief") {
		t.Errorf("Save as… offered no save dialog:\n%s", m)
	}
}

// TestExportOverReadOnlyAsks checks that exporting over a read-only PDF
// asks to export to another file, and leaves the PDF alone.
func TestExportOverReadOnlyAsks(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "locked.pdf")
	if err := os.WriteFile(path, []byte("%PDF old"), 0o444); err != nil {
		t.Fatal(err)
	}
	u.export(exportRequest{path: path, format: briefing.PDF}, u.showExportResult)
	m := test.RenderToMarkup(u.win.Canvas())
	if !strings.Contains(m, "locked.pdf is read-only and was not changed. Export to another") {
		t.Fatalf("no read-only question:\n%s", m)
	}
	if data, _ := os.ReadFile(path); string(data) != "%PDF old" {
		t.Errorf("the read-only PDF was replaced")
	}
	test.Tap(findButton(t, u.win.Canvas(), "Export as…"))
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "locked.pdf") || len(u.dialogs) != 1 {
		t.Errorf("Export as… offered no file dialog (%d dialogs):\n%s", len(u.dialogs), m)
	}
}

// TestOpenBriefWithDeadLinksWarnsOnce checks that opening a brief whose
// addresses are not http, https or mailto warns once, naming the first,
// and that a brief with only good links opens without a word.
func TestOpenBriefWithDeadLinksWarnsOnce(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "cables")
	u.search.list.Select(0)
	u.addSelected()
	xs := u.ed.Brief().Excerpts()
	if len(xs) == 0 {
		t.Fatal("no excerpt added")
	}
	good := tempPath(t, "good.brief")
	if err := u.saveTo(good); err != nil {
		t.Fatal(err)
	}
	b := u.ed.Brief().Clone()
	b.Excerpts()[0].Source.URL = "javascript:app.alert(1)"
	bad := tempPath(t, "bad.brief")
	if err := briefing.Save(bad, b); err != nil {
		t.Fatal(err)
	}

	u.openPath(good)
	if len(u.dialogs) != 0 {
		t.Fatalf("a brief with good links warned: %d dialogs", len(u.dialogs))
	}
	u.openPath(bad)
	want := `This brief has an address that is not http, https or mailto ("javascript:app.alert(1)"): it will print as text, not as a link.`
	if len(u.dialogs) != 1 {
		t.Fatalf("no one warning: %d dialogs", len(u.dialogs))
	}
	shownLabel(t, u.win.Canvas(), want)
	if strings.Contains(u.status.Text, "print as text") {
		t.Errorf("the warning is in the status bar, where the library's status writes over it: %q", u.status.Text)
	}
	test.Tap(findButton(t, u.win.Canvas(), "OK"))
	if len(u.dialogs) != 0 {
		t.Fatalf("OK left %d dialogs", len(u.dialogs))
	}
}

// TestEscapeClosesAQuestion checks that Escape closes a question whose
// button has the focus (as the read-only question's has), answering
// nothing: the focused button swallowed the key, so the question stayed.
func TestEscapeClosesAQuestion(t *testing.T) {
	u := newTestUI(t)
	answered, unanswered := false, false
	u.askQuestion("Title", "Question?", "Yes", "No", func(bool) { answered = true }, func() { unanswered = true })
	f := u.win.Canvas().Focused()
	if f == nil {
		t.Fatal("no button has the focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.dialogs) != 0 || answered || !unanswered {
		t.Errorf("after Escape: %d dialogs, answered %v, unanswered %v", len(u.dialogs), answered, unanswered)
	}
}
