package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/briefing"
)

// isolatedUI is newTestUI with the app's storage in a folder of the
// test's own: the test app keeps it in the system's temporary folder,
// where autosave copies of other tests (and runs) would be found.
func isolatedUI(t *testing.T) *ui {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	return newTestUI(t)
}

// deadPID is the process ID of a process that has ended (and was reaped).
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	return cmd.Process.Pid
}

// crashed makes u a window of a run that has ended without cleaning up,
// as a crash leaves it: its autosave copy is then another, ended run's.
func crashed(t *testing.T, u *ui) {
	t.Helper()
	s := u.files()
	s.pid = deadPID(t)
	s.start = ""
}

// nextRun is a window on the same app storage as u, as another run of
// Attaché (or the next start) has, showing a blank brief.
func nextRun(t *testing.T, u *ui) *ui {
	t.Helper()
	w := u.app.NewWindow("Attaché")
	v := newUI(u.app, w)
	v.background = func(f func()) { f() }
	v.autosaveDelay = 0
	w.SetContent(v.layout())
	w.SetMainMenu(v.buildMenu())
	b, _ := newBriefFrom("blank", "")
	v.setBrief(b, "")
	t.Cleanup(w.Close)
	return v
}

// TestLiveRunsCopyNotOffered checks that a second run started while the
// first still runs does not offer the first one's autosave copy (whose
// Discard deleted the work the first run still had open), and that its
// own autosave does not write over it.
func TestLiveRunsCopyNotOffered(t *testing.T) {
	u := isolatedUI(t) // this test's own process: alive
	u.brief.title.SetText("Work in the first window")
	u.autosave()
	v := nextRun(t, u)
	if v.offerRestore() {
		t.Fatalf("a live run's copy was offered:\n%s", test.RenderToMarkup(v.win.Canvas()))
	}
	v.brief.title.SetText("Work in the second window")
	v.autosave()
	if u.autosavePath() == v.autosavePath() {
		t.Fatalf("two windows share the copy %s", u.autosavePath())
	}
	if got, err := briefing.Load(u.autosavePath()); err != nil || got.Title != "Work in the first window" {
		t.Errorf("first window's copy: %v %q", err, got.Title)
	}
	if got, err := briefing.Load(v.autosavePath()); err != nil || got.Title != "Work in the second window" {
		t.Errorf("second window's copy: %v %q", err, got.Title)
	}
}

// TestDeadRunsCopyOfferedAndDiscarded checks that the copy of a run that
// has ended is offered, with its brief's name, and that Discard deletes it
// and its info file, and nothing else.
func TestDeadRunsCopyOfferedAndDiscarded(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	path := tempPath(t, "minutes.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	u.brief.title.SetText("Unsaved minutes")
	u.autosave()
	live := newTestUI(t)
	live.app = u.app // a live run on the same storage
	live.brief.title.SetText("Live work")
	live.autosave()

	v := nextRun(t, u)
	if !v.offerRestore() {
		t.Fatal("the ended run's copy was not offered")
	}
	if m := test.RenderToMarkup(v.win.Canvas()); !strings.Contains(m, "closed without saving minutes.brief") {
		t.Errorf("the offer does not name the brief:\n%s", m)
	}
	test.Tap(findButton(t, v.win.Canvas(), "Discard"))
	for _, p := range []string{u.autosavePath(), infoPath(u.autosavePath())} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s kept after Discard: %v", filepath.Base(p), err)
		}
	}
	if got, err := briefing.Load(live.autosavePath()); err != nil || got.Title != "Live work" {
		t.Errorf("Discard touched the live run's copy: %v %q", err, got.Title)
	}
	if len(v.dialogs) != 0 {
		t.Errorf("another offer after the only ended copy was discarded")
	}
}

// TestSeveralStaleCopies checks that of several ended runs' copies the
// newest is offered first, the others kept until answered: Discard offers
// the next, and Restore brings back its brief, with its file's path, as
// this window's unsaved work.
func TestSeveralStaleCopies(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	path := tempPath(t, "older.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	u.brief.title.SetText("Older work")
	u.autosave()
	w := newTestUI(t)
	w.app = u.app
	crashed(t, w)
	w.brief.title.SetText("Newer work")
	w.autosave()
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(u.autosavePath(), old, old)

	v := nextRun(t, u)
	if !v.offerRestore() {
		t.Fatal("no offer")
	}
	m := test.RenderToMarkup(v.win.Canvas())
	if !strings.Contains(m, "an untitled brief") || !strings.Contains(m, "1 older unsaved copy is kept") {
		t.Fatalf("the newest copy is not offered first:\n%s", m)
	}
	if _, err := os.Stat(u.autosavePath()); err != nil {
		t.Fatalf("the older copy was not kept: %v", err)
	}
	test.Tap(findButton(t, v.win.Canvas(), "Discard"))
	if _, err := os.Stat(w.autosavePath()); !os.IsNotExist(err) {
		t.Errorf("the discarded copy is still there: %v", err)
	}
	if m := test.RenderToMarkup(v.win.Canvas()); !strings.Contains(m, "closed without saving older.brief") {
		t.Fatalf("the older copy is not offered next:\n%s", m)
	}
	test.Tap(findButton(t, v.win.Canvas(), "Restore"))
	if v.ed.Brief().Title != "Older work" || v.path != path || !v.ed.Dirty() {
		t.Errorf("restored %q from %q, dirty %v", v.ed.Brief().Title, v.path, v.ed.Dirty())
	}
	// The restored work is now in this run's copy, not the ended run's.
	if _, err := os.Stat(u.autosavePath()); !os.IsNotExist(err) {
		t.Errorf("the restored copy is still the ended run's: %v", err)
	}
	if got, err := briefing.Load(v.autosavePath()); err != nil || got.Title != "Older work" {
		t.Errorf("this run's copy: %v %q", err, got.Title)
	}
	if v.offerRestore() {
		t.Error("a copy is offered again after all were answered")
	}
}

// TestLegacyAutosaveOffered checks that the one autosave copy of an older
// Attaché is still offered after an upgrade, with its brief's path.
func TestLegacyAutosaveOffered(t *testing.T) {
	u := isolatedUI(t)
	b, _ := newBriefFrom("blank", "Before the upgrade")
	dir := u.autosaveDir()
	os.MkdirAll(dir, 0o755)
	if err := briefing.Save(filepath.Join(dir, legacyAutosaveName), b); err != nil {
		t.Fatal(err)
	}
	u.app.Preferences().SetString(prefLegacyAutosavePath, "/tmp/old.brief")
	if !u.offerRestore() {
		t.Fatal("the older Attaché's copy was not offered")
	}
	test.Tap(findButton(t, u.win.Canvas(), "Restore"))
	if u.ed.Brief().Title != "Before the upgrade" || u.path != "/tmp/old.brief" {
		t.Errorf("restored %q from %q", u.ed.Brief().Title, u.path)
	}
	if _, err := os.Stat(filepath.Join(dir, legacyAutosaveName)); !os.IsNotExist(err) {
		t.Errorf("the older copy was kept after restoring: %v", err)
	}
}

func TestEscapeOnTheRestoreQuestionKeepsTheCopy(t *testing.T) {
	u := isolatedUI(t)
	crashed(t, u)
	u.brief.title.SetText("Unsaved minutes")
	u.autosave()

	v := nextRun(t, u)
	if !v.offerRestore() {
		t.Fatal("the ended run's copy was not offered")
	}
	v.closeTopDialog() // Escape: no answer
	if _, err := os.Stat(u.autosavePath()); err != nil {
		t.Fatalf("Escape on the question lost the copy: %v", err)
	}
	if v.restoreOffered {
		t.Error("the copy still counts as offered after the question closed")
	}
	// The next start asks again; Enter answers Restore, the focused answer.
	w := nextRun(t, u)
	if !w.offerRestore() {
		t.Fatal("the copy was not offered again")
	}
	w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := w.ed.Brief().Header.Title; got != "Unsaved minutes" {
		t.Errorf("Enter on the question: the brief is %q, want the restored copy", got)
	}
}
