package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

func TestSaveAndReopen(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	addHit(t, u, 0)
	addHit(t, u, 1)
	u.brief.outline.move(-1)
	path := tempPath(t, "note.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	if u.ed.Dirty() || u.win.Title() != "note.brief — Attaché" {
		t.Errorf("after saving: dirty %v, title %q", u.ed.Dirty(), u.win.Title())
	}
	want := briefBytes(t, u.ed.Brief())

	// A second window opens the file to the same brief.
	v := newTestUI(t)
	v.openPath(path)
	if got := briefBytes(t, v.ed.Brief()); got != want {
		t.Errorf("reopened brief differs:\n%s\nwant\n%s", got, want)
	}
	if v.path != path || v.ed.Dirty() {
		t.Errorf("reopened: path %q, dirty %v", v.path, v.ed.Dirty())
	}
	if r := v.recent(); len(r) == 0 || r[0] != path {
		t.Errorf("recent = %q, want %q first", r, path)
	}
	if items := v.recentMenu.Items; len(items) == 0 || !strings.HasPrefix(items[0].Label, "note.brief") {
		t.Errorf("Open Recent menu = %v", items)
	}
	// Ctrl+S saves to the same file once it has one.
	v.brief.title.SetText("Renamed")
	v.menuAction(ctrl(fyne.KeyS))()
	if v.ed.Dirty() {
		t.Error("Ctrl+S left the brief unsaved")
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "Renamed") {
		t.Error("Ctrl+S did not write the file")
	}
}

func TestOpenDamagedFileSaysWhy(t *testing.T) {
	u := newTestUI(t)
	path := tempPath(t, "bad.brief")
	os.WriteFile(path, []byte("not a brief"), 0o644)
	before := briefBytes(t, u.ed.Brief())
	u.openPath(path)
	if briefBytes(t, u.ed.Brief()) != before {
		t.Error("a damaged file replaced the brief")
	}
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "errorIcon") || !strings.Contains(m, "bad.brief") || !strings.Contains(m, "Attaché brief (not JSON)") {
		t.Errorf("no dialog saying the file is not a brief:\n%s", test.RenderToMarkup(u.win.Canvas()))
	}
}

func TestAutosaveAndRestore(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	u.brief.title.SetText("Unsaved work")
	u.autosave()
	if _, err := os.Stat(u.autosavePath()); err != nil {
		t.Fatalf("no autosave copy: %v", err)
	}
	// The next start, on the same app storage, offers it back.
	v := nextRun(t, u)
	w := v.win
	if !v.offerRestore() {
		t.Fatal("no offer to restore the autosave copy")
	}
	if m := test.RenderToMarkup(w.Canvas()); !strings.Contains(m, ">Restore<") || !strings.Contains(m, ">Discard<") {
		t.Errorf("the offer does not say Restore and Discard:\n%s", m)
	}
	v.restoreAutosave()
	if v.ed.Brief().Title != "Unsaved work" || !v.ed.Dirty() {
		t.Errorf("restored: title %q, dirty %v", v.ed.Brief().Title, v.ed.Dirty())
	}
	if v.ed.CanUndo() {
		t.Errorf("restoring left an undo step %q", v.ed.UndoLabel())
	}
	if !strings.HasPrefix(v.win.Title(), "• ") {
		t.Errorf("title %q has no unsaved mark", v.win.Title())
	}
	// Saving removes the copy.
	if err := v.saveTo(tempPath(t, "x.brief")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(v.autosavePath()); !os.IsNotExist(err) {
		t.Error("the autosave copy survived a save")
	}
	if _, err := os.Stat(u.autosavePath()); !os.IsNotExist(err) {
		t.Error("the crashed run's copy survived its restoring and saving")
	}
}

func TestNewBriefTemplates(t *testing.T) {
	for _, id := range []string{"briefing-note", "meeting-brief", "policy-brief", "blank"} {
		b, err := newBriefFrom(id, "")
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if b.Title == "" || (id != "blank" && len(b.Sections) == 0) {
			t.Errorf("%s: title %q, %d sections", id, b.Title, len(b.Sections))
		}
	}
}

func TestPreferencesRemembered(t *testing.T) {
	u := newTestUI(t)
	u.hsplit.Offset = 0.4
	u.savePrefs()
	if got := u.app.Preferences().Float(prefSplitLeft); got != 0.4 {
		t.Errorf("left split saved as %v", got)
	}
	if s := u.windowSize(fyne.Size{}); s.Width < 100 {
		t.Errorf("window size %v", s)
	}
}

func TestFirstWindowFitsTheScreenAndLaterOnesRestore(t *testing.T) {
	u := newTestUI(t)
	for _, screen := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1280, Height: 720}, {Width: 2560, Height: 1440}} {
		s := u.windowSize(screen)
		if s.Width > screen.Width*0.9 || s.Height > screen.Height*0.9 || s.Width < 600 || s.Height < 400 {
			t.Errorf("first window on %v: %v, want at most 90%% of the screen", screen, s)
		}
		// Everything fits in it, the status bar at the bottom included:
		// the window's content can shrink to its size.
		if min := u.win.Content().MinSize(); min.Width > s.Width || min.Height > s.Height {
			t.Errorf("on %v the window's content needs %v, more than the window's %v", screen, min, s)
		}
	}
	u.win.Resize(fyne.NewSize(1100, 640))
	u.savePrefs()
	if s := u.windowSize(fyne.NewSize(1366, 768)); s != u.win.Canvas().Size() {
		t.Errorf("next start opens at %v, want the last size %v", s, u.win.Canvas().Size())
	}
	// A size remembered from a larger screen is cut to this one.
	if s := u.windowSize(fyne.NewSize(1000, 600)); s.Width > 900 || s.Height > 540 {
		t.Errorf("the remembered size on a smaller screen: %v", s)
	}
}

// TestStartWithBriefStillOffersRestore checks that starting on a brief
// named on the command line still offers the autosave copy of a run that
// crashed, instead of ignoring it until this run's autosave writes over it.
func TestStartWithBriefStillOffersRestore(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	u.brief.title.SetText("Unsaved work")
	u.autosave()
	path := tempPath(t, "other.brief")
	b, _ := newBriefFrom("blank", "Other brief")
	if err := briefing.Save(path, b); err != nil {
		t.Fatal(err)
	}
	// The next start, on the same app storage, names a brief to open.
	v := nextRun(t, u)
	w := v.win
	v.start(path)
	if v.ed.Brief().Title != "Other brief" || v.path != path {
		t.Errorf("opened %q from %q", v.ed.Brief().Title, v.path)
	}
	if m := test.RenderToMarkup(w.Canvas()); !strings.Contains(m, ">Restore<") {
		t.Errorf("no offer to restore the autosave copy:\n%s", m)
	}
	v.restoreAutosave()
	if v.ed.Brief().Title != "Unsaved work" || !v.ed.Dirty() {
		t.Errorf("restored: title %q, dirty %v", v.ed.Brief().Title, v.ed.Dirty())
	}
}

// TestSaveAsWithoutExtensionAsksBeforeReplacing checks that typing NAME in
// the save dialog, where NAME.brief already exists, asks before replacing
// that brief instead of writing over it unasked, and that a file NAME with
// something in it is never deleted.
func TestSaveAsWithoutExtensionAsksBeforeReplacing(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "Minutes.brief")
	old, _ := newBriefFrom("blank", "Last week's minutes")
	if err := briefing.Save(existing, old); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "Minutes")
	os.WriteFile(name, nil, 0o644) // the dialog creates the file it was given
	u.savedAs(name, nil)
	if got, err := briefing.Load(existing); err != nil || got.Title != "Last week's minutes" {
		t.Fatalf("Minutes.brief was replaced unasked: %v %q", err, got.Title)
	}
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Error("the empty file the dialog made was left behind")
	}
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "Minutes.brief already exists") {
		t.Fatalf("no question before replacing:\n%s", m)
	}
	// Replace answers yes.
	test.Tap(findButton(t, u.win.Canvas(), "Replace"))
	if got, err := briefing.Load(existing); err != nil || got.Title != u.ed.Brief().Title || u.ed.Dirty() {
		t.Errorf("after Replace: %v %q, dirty %v", err, got.Title, u.ed.Dirty())
	}
	// A file NAME with content is kept.
	notes := filepath.Join(dir, "notes")
	os.WriteFile(notes, []byte("keep me"), 0o644)
	u.savedAs(notes, nil)
	if data, _ := os.ReadFile(notes); string(data) != "keep me" {
		t.Errorf("notes now %q", data)
	}
	if _, err := briefing.Load(notes + briefing.Extension); err != nil {
		t.Errorf("notes.brief: %v", err)
	}
}

// findButton finds the button labelled label in the canvas's dialogs.
func findButton(t *testing.T, c fyne.Canvas, label string) *widget.Button {
	t.Helper()
	for _, o := range c.Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if b, ok := obj.(*widget.Button); ok && b.Text == label {
				return b
			}
			if b, ok := obj.(*enterButton); ok && b.Text == label {
				return &b.Button
			}
		}
	}
	t.Fatalf("no %q button", label)
	return nil
}

// TestFileNameForLongTitle checks that a long title makes a file name
// within the 255-byte limit, cut on a character boundary, so that the
// save and export dialogs do not offer a name that cannot be created.
func TestFileNameForLongTitle(t *testing.T) {
	title := strings.Repeat("Conclusioni sulla diplomazia digitale dell'Unione è ", 10)
	name := fileNameFor(title, briefing.Extension)
	if len(name) > 255 || !utf8.ValidString(name) || !strings.HasSuffix(name, briefing.Extension) || !strings.HasPrefix(name, "Conclusioni") {
		t.Errorf("%d bytes: %q", len(name), name)
	}
	if got := fileNameFor("Short: title", ".pdf"); got != "Short- title.pdf" {
		t.Errorf("short title: %q", got)
	}
}

// TestSaveAsListsOnlyBriefs checks that Save As lists .brief files only:
// Fyne's save dialog empties the file picked at once, so a PDF or another
// document clicked there was lost.
func TestSaveAsListsOnlyBriefs(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	for _, n := range []string{"old.brief", "note.pdf", "notes.odt"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	u.app.Preferences().SetString(prefLastDir, dir)
	u.saveAs(nil)
	m := test.RenderToMarkup(u.win.Canvas())
	// The dialog shows a file as its name under an icon of its extension.
	if !strings.Contains(m, ">old<") {
		t.Fatalf("Save As does not list old.brief:\n%s", m)
	}
	for _, name := range []string{">note<", ">notes<", ">.pdf<", ">.odt<"} {
		if strings.Contains(m, name) {
			t.Errorf("Save As lists %s", name)
		}
	}
}

// TestAutosaveCopyKeptWhileOffered checks that while the offer to restore
// a crashed run's copy awaits an answer, this run's autosave does not
// write over the copy; and that a copy whose changes were undone back to
// the file is removed, not offered back after the next start.
func TestAutosaveCopyKeptWhileOffered(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	u.brief.title.SetText("Unsaved work")
	u.autosave()
	v := nextRun(t, u)
	w := v.win
	if !v.offerRestore() {
		t.Fatal("no offer")
	}
	v.brief.title.SetText("Typed before answering")
	v.autosave()
	if got, err := briefing.Load(u.autosavePath()); err != nil || got.Title != "Unsaved work" {
		t.Fatalf("the crashed run's copy was written over: %v %q", err, got.Title)
	}
	if got, err := briefing.Load(v.autosavePath()); err != nil || got.Title != "Typed before answering" {
		t.Fatalf("the work typed while the offer waits has no copy: %v %q", err, got.Title)
	}
	// Restore answers the offer; the brief on show has changes of its
	// own, so the window asks about them first. Undoing back to the file
	// then drops the copy at the next autosave.
	test.Tap(findButton(t, w.Canvas(), "Restore"))
	test.Tap(findButton(t, w.Canvas(), "Don't save"))
	if v.ed.Brief().Title != "Unsaved work" {
		t.Fatalf("restored %q", v.ed.Brief().Title)
	}
	path := tempPath(t, "kept.brief")
	if err := v.saveTo(path); err != nil {
		t.Fatal(err)
	}
	v.brief.title.SetText("Changed")
	v.autosave()
	if _, err := os.Stat(v.autosavePath()); err != nil {
		t.Fatalf("no copy of the change: %v", err)
	}
	for v.ed.Dirty() && v.ed.Undo() {
	}
	if v.ed.Dirty() {
		t.Fatal("could not undo back to the file")
	}
	v.autosave()
	if _, err := os.Stat(v.autosavePath()); !os.IsNotExist(err) {
		t.Errorf("a copy of undone changes was kept: %v", err)
	}
}
