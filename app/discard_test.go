package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// discardActions are the commands that replace or close the brief on
// show; each must ask before losing unsaved work.
func discardActions(u *ui) map[string]func() {
	return map[string]func(){
		"New (Ctrl+N)":      func() { u.menuAction(ctrl(fyne.KeyN))() },
		"Open (Ctrl+O)":     func() { u.menuAction(ctrl(fyne.KeyO))() },
		"Open Recent":       func() { u.recentMenu.Items[0].Action() },
		"Draft from themes": func() { u.draftFromThemes([]string{"undersea-cables"}, 2, "") },
		"Quit":              u.quit,
		"close the window":  u.quit, // the window's close intercept
	}
}

func TestEveryWayOfLosingWorkAsks(t *testing.T) {
	// The ways a brief gets unsaved work.
	changes := map[string]func(t *testing.T, u *ui){
		"an edit": func(t *testing.T, u *ui) { u.brief.title.SetText("Changed") },
		"a draft": func(t *testing.T, u *ui) {
			u.draftFromThemes([]string{"undersea-cables", "ai-governance"}, 2, "Cables")
			if len(u.ed.Brief().Sections) == 0 || u.ed.Brief().Header.Title != "Cables" {
				t.Fatalf("the draft did not open: %+v", u.ed.Brief().Header)
			}
		},
		"an undo after saving": func(t *testing.T, u *ui) {
			u.brief.title.SetText("Changed")
			path := tempPath(t, "saved.brief")
			if err := u.saveTo(path); err != nil {
				t.Fatal(err)
			}
			if u.unsaved() {
				t.Fatal("unsaved right after saving")
			}
			u.undo()
		},
		"an added excerpt": func(t *testing.T, u *ui) {
			search(t, u, "cables")
			u.search.list.Select(0)
			u.addSelected()
		},
	}
	for change, make := range changes {
		u := isolatedUI(t)
		u.addRecent(tempPath(t, "other.brief"))
		u.updateMenus()
		make(t, u)
		before := u.ed.Brief()
		for action, do := range discardActions(u) {
			do()
			if len(u.dialogs) != 1 {
				t.Errorf("%s after %s opened %d dialogs, want the question", action, change, len(u.dialogs))
			}
			if u.ed.Brief() != before {
				t.Fatalf("%s after %s replaced the brief before the answer", action, change)
			}
			for u.closeTopDialog() {
			}
		}
	}
}

func TestNothingToLoseAsksNothing(t *testing.T) {
	u := isolatedUI(t)
	b, _ := newBriefFrom("briefing-note", "")
	u.setBrief(b, "")
	u.draftFromThemes([]string{"undersea-cables"}, 2, "")
	if len(u.dialogs) != 0 {
		t.Fatalf("drafting over an untouched template asked %d questions", len(u.dialogs))
	}
	// The draft itself is work: the title says so.
	if !u.unsaved() || !strings.HasPrefix(u.win.Title(), "• ") {
		t.Errorf("a fresh draft is not marked unsaved: title %q", u.win.Title())
	}
}

func TestTheQuitQuestionNamesAnUnsavedBriefByItsTitle(t *testing.T) {
	u := isolatedUI(t)
	b, _ := newBriefFrom("briefing-note", "Cables: the Baltic")
	u.setBrief(b, "")
	u.brief.title.SetText("Cables: the Baltic sea")
	u.quit()
	if len(u.dialogs) != 1 {
		t.Fatalf("quitting with unsaved work opened %d dialogs, want the question", len(u.dialogs))
	}
	want := fileNameFor("Cables: the Baltic sea", ".brief")
	var texts []string
	for _, o := range u.win.Canvas().Overlays().List() {
		texts = append(texts, visibleTexts(o)...)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, want) || strings.Contains(all, "Untitled") {
		t.Errorf("the question does not name the brief %q: %q", want, all)
	}
	if !strings.Contains(u.win.Title(), want) {
		t.Errorf("the window title %q does not name the brief %q", u.win.Title(), want)
	}
}
