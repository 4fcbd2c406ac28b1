package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

func TestFirstStartShowsTheStartView(t *testing.T) {
	u := isolatedUI(t)
	u.start("")
	if len(u.dialogs) != 1 {
		t.Fatalf("first start opened %d dialogs, want the start view", len(u.dialogs))
	}
	markup := test.RenderToMarkup(u.win.Canvas())
	for _, want := range []string{"New brief from a template…", "Open a brief…", "Search the library", "export a cited brief"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the start view lacks %q", want)
		}
	}
	// New from template goes on to the New brief dialog.
	var newBtn *widget.Button
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, b := range buttonsIn(o) {
			if b.Text == "New brief from a template…" {
				newBtn = b
			}
		}
	}
	if newBtn == nil {
		t.Fatal("no New from template button")
	}
	test.Tap(newBtn)
	if len(u.dialogs) != 1 || !strings.Contains(test.RenderToMarkup(u.win.Canvas()), "Template") {
		t.Errorf("New from template: %d dialogs, want the New brief dialog", len(u.dialogs))
	}
}

func TestLaterStartsOpenTheLastBrief(t *testing.T) {
	u := isolatedUI(t)
	path := tempPath(t, "last.brief")
	b, _ := newBriefFrom("blank", "Where I left off")
	data, err := briefing.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	u.addRecent(tempPath(t, "gone.brief")) // no longer on disk
	u.addRecent(path)
	v := nextRun(t, u)
	v.start("")
	if v.path != path || v.ed.Brief().Header.Title != "Where I left off" {
		t.Fatalf("the next start shows %q (%q), want the last brief", v.path, v.ed.Brief().Header.Title)
	}
	if len(v.dialogs) != 0 {
		t.Errorf("%d dialogs over the last brief", len(v.dialogs))
	}
}

// buttonsIn returns the buttons in o.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	for _, x := range objectsIn(o) {
		switch b := x.(type) {
		case *widget.Button:
			out = append(out, b)
		case *enterButton:
			out = append(out, &b.Button)
		}
	}
	return out
}

// objectsIn returns o and everything visible in it, through containers
// and widgets' renderers.
func objectsIn(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			out = append(out, objectsIn(x)...)
		}
	} else if w, ok := o.(fyne.Widget); ok {
		for _, x := range test.WidgetRenderer(w).Objects() {
			out = append(out, objectsIn(x)...)
		}
	}
	return out
}
