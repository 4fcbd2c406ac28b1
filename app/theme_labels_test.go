package app

import (
	"strings"
	"testing"

	"attache/briefing"
	"attache/index/themes"
)

func TestThemeLabels(t *testing.T) {
	th := themes.Default().Themes[0]
	if got := themeLabel(th.ID); got != th.LabelEN {
		t.Errorf("themeLabel(%s) = %q, want %q", th.ID, got, th.LabelEN)
	}
	if themeLabel("") != noTheme() || themeLabel("no-such-theme") != "no-such-theme" {
		t.Error("no theme or an unknown one is not labelled as such")
	}
	if themeByLabel(th.LabelEN) != th.ID || themeByLabel(noTheme()) != "" {
		t.Error("themeByLabel does not invert themeLabel")
	}
	if opts := themeOptions(); opts[0] != noTheme() || len(opts) != len(themes.Default().Themes)+1 {
		t.Errorf("section theme options %q", opts)
	}
	second := themes.Default().Themes[1]
	if got, want := themeList([]string{th.ID, second.ID}), th.LabelEN+" · "+second.LabelEN; got != want {
		t.Errorf("themeList = %q, want %q", got, want)
	}
}

func TestSectionThemeIsChosenShownAndUndone(t *testing.T) {
	u := newTestUI(t)
	o := u.brief.outline
	s := u.ed.Brief().Sections[0]
	o.selectNode(secNode + s.ID)
	if o.secTheme.Selected != noTheme() {
		t.Fatalf("a section without a theme shows %q", o.secTheme.Selected)
	}
	th := themes.Default().Themes[2]
	o.secTheme.SetSelected(th.LabelEN)
	if got := u.ed.Brief().Sections[0].Theme; got != th.ID {
		t.Fatalf("section theme = %q, want %q", got, th.ID)
	}
	if got := o.nodeCaption(secNode + s.ID); got != th.LabelEN {
		t.Errorf("outline row caption %q, want %q", got, th.LabelEN)
	}
	// The tree's row for the section shows the theme at its end.
	found := false
	for _, r := range o.rows {
		if r.uid == secNode+s.ID && r.caption.Visible() && strings.Contains(r.caption.String(), th.LabelEN) {
			found = true
		}
	}
	if !found {
		t.Error("no outline row shows the section's theme")
	}
	u.undo()
	if got := u.ed.Brief().Sections[0].Theme; got != "" {
		t.Errorf("after undo the section's theme is %q", got)
	}
	o.selectNode(secNode + s.ID)
	if o.secTheme.Selected != noTheme() || o.nodeCaption(secNode+s.ID) != "" {
		t.Errorf("after undo: select %q, caption %q", o.secTheme.Selected, o.nodeCaption(secNode+s.ID))
	}
	// None takes a theme off.
	o.secTheme.SetSelected(th.LabelEN)
	o.secTheme.SetSelected(noTheme())
	if got := u.ed.Brief().Sections[0].Theme; got != "" {
		t.Errorf("after choosing None the section's theme is %q", got)
	}
	// A theme the taxonomy does not know shows its ID.
	u.edit(func(ed *briefing.Editor) error { return ed.SetSectionTheme(s.ID, "retired-theme") })
	o.selectNode(secNode + s.ID)
	if o.secTheme.Selected != "retired-theme" {
		t.Errorf("unknown theme shows as %q", o.secTheme.Selected)
	}
}

func TestExcerptShowsItsThemes(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "undersea cables")
	i := -1
	for j, h := range u.search.hits {
		if len(h.Themes) > 0 {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatal("no hit for undersea cables carries a theme")
	}
	h := u.search.hits[i]
	u.brief.outline.selectNode(secNode + u.ed.Brief().Sections[0].ID)
	id := addHit(t, u, i)
	x, _, _ := u.ed.Brief().Excerpt(id)
	if strings.Join(x.Themes, " ") != strings.Join(h.Themes, " ") {
		t.Fatalf("excerpt themes %v, passage's %v", x.Themes, h.Themes)
	}
	u.brief.outline.selectNode(exNode + id)
	got := u.brief.outline.exThemes.String()
	if want := "Themes: " + themeList(h.Themes); got != want {
		t.Errorf("excerpt detail shows %q, want %q", got, want)
	}
}
