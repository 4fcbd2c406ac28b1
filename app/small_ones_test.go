package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/briefing"
	"attache/index/themes"
)

func TestEnterSubmitsTheNewBriefDialog(t *testing.T) {
	u := isolatedUI(t)
	u.askNew()
	if len(u.dialogs) != 1 {
		t.Fatalf("%d dialogs after New", len(u.dialogs))
	}
	title, ok := u.win.Canvas().Focused().(*escEntry)
	if !ok {
		t.Fatalf("the focus is on %T, want the title field", u.win.Canvas().Focused())
	}
	test.Type(title, "Cables brief")
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(u.dialogs) != 0 || u.ed.Brief().Header.Title != "Cables brief" {
		t.Errorf("Enter: %d dialogs open, brief %q", len(u.dialogs), u.ed.Brief().Header.Title)
	}
}

func TestEnterPressesTheFocusedDialogButton(t *testing.T) {
	u := isolatedUI(t)
	u.brief.title.SetText("Changed")
	replaced := false
	u.confirmDiscard("New brief", func() { replaced = true })
	var dontSave *enterButton
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range objectsIn(o) {
			if b, ok := x.(*enterButton); ok && b.Text == "Don't save" {
				dontSave = b
			}
		}
	}
	if dontSave == nil {
		t.Fatal("no Don't save button in the question")
	}
	u.win.Canvas().Focus(dontSave)
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !replaced || len(u.dialogs) != 0 {
		t.Errorf("Enter on the focused Don't save: went on %v, %d dialogs open", replaced, len(u.dialogs))
	}
}

func TestSavingSaysSoInTheStatusBar(t *testing.T) {
	u := isolatedUI(t)
	u.setStatus("Exported /tmp/x.pdf", false)
	path := tempPath(t, "b.brief")
	if err := u.saveTo(path); err != nil {
		t.Fatal(err)
	}
	if s := u.status.Text; strings.Contains(s, "Exported") || !strings.Contains(s, "Saved") {
		t.Errorf("status after saving: %q", s)
	}
}

func TestDragHintQuotesOnce(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	u.search.list.Select(0)
	u.addSelected()
	o := u.brief.outline
	for _, r := range o.rows {
		if !strings.HasPrefix(r.uid, exNode) {
			continue
		}
		r.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 5}})
		if s := u.status.Text; strings.Contains(s, "““") || strings.Contains(s, "””") || !strings.Contains(s, "“") {
			t.Errorf("drag hint %q", s)
		}
		r.DragEnd()
		return
	}
	t.Fatal("no excerpt row")
}

func TestThemeCaptionsFollowTheInterfaceLanguage(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	th := themes.Default().Theme("undersea-cables")
	var id string
	u.edit(func(ed *briefing.Editor) (err error) {
		if id, err = ed.AddSection("Cavi", -1); err != nil {
			return err
		}
		return ed.SetSectionTheme(id, th.ID)
	})
	if got := u.brief.outline.nodeCaption(secNode + id); got != th.LabelIT {
		t.Errorf("section caption %q, want the Italian label %q", got, th.LabelIT)
	}
	if got := themeList([]string{th.ID}); got != th.LabelIT {
		t.Errorf("excerpt themes %q, want %q", got, th.LabelIT)
	}
	if opts := themeOptions(); opts[0] != "Nessuno" {
		t.Errorf("section theme choices start %q", opts[0])
	}
}
