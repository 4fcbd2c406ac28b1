package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/index/team"
	"attache/index/team/pgtest"
)

// TestTeamLibraryInTheWindow switches the window to a team library on a
// throwaway server, searches it, then fails to open one with a wrong
// password: the window says why in one line, stays on the library it is
// on, and goes to the local library when asked.
func TestTeamLibraryInTheWindow(t *testing.T) {
	s, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	url := s.DeskURL()
	if _, err := team.Init(context.Background(), team.Config{URL: url}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.lib = nil // the shared test library is not the window's to close
	u.localDir = t.TempDir()

	u.switchLibrary(url)
	if u.libraryAt != url {
		t.Fatalf("the window is not on the team library: status %q", u.status.Text)
	}
	if st := u.status.Text; !strings.HasPrefix(st, "Team library desk@"+s.Socket+"/desk: 4 documents") || strings.Contains(st, pgtest.DeskPassword) {
		t.Errorf("status %q", st)
	}
	search(t, u, "cavi sottomarini")

	wrong := s.URL("desk", "wrong-password", "desk")
	u.switchLibrary(wrong)
	if u.libraryAt != url || len(u.dialogs) != 1 {
		t.Fatalf("after a failed open: on %q, %d dialogs", team.Redact(u.libraryAt), len(u.dialogs))
	}
	said := ""
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if l, ok := obj.(*widget.Label); ok && strings.Contains(l.Text, "team library") {
				said = l.Text
			}
		}
	}
	if !strings.Contains(said, "password") || strings.Contains(said, "wrong-password") || strings.Contains(said, "\n") {
		t.Errorf("the dialog says %q", said)
	}
	test.Tap(findButton(t, u.win.Canvas(), "Use the Local Library"))
	if u.libraryAt != u.localDir || !strings.HasPrefix(u.status.Text, "Library: 4 documents") {
		t.Errorf("after going back: on %q, status %q", u.libraryAt, u.status.Text)
	}
	search(t, u, "cavi sottomarini")

	// Open Team Library… offers the address that failed, to correct,
	// without its password.
	u.showOpenTeamLibrary()
	shown := ""
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if e, ok := obj.(*escEntry); ok {
				shown = e.Text
			}
		}
	}
	if shown != team.Redact(wrong) || strings.Contains(shown, "wrong-password") {
		t.Errorf("the dialog offers %q", shown)
	}
	u.lib.Close()
}
