package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// openCables puts the two-page brief of briefing's tests in the window.
func openCables(t *testing.T, u *ui) *briefing.Brief {
	t.Helper()
	b, err := briefing.Load(filepath.Join("..", "briefing", "testdata", "undersea-cables.brief"))
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	return u.ed.Brief()
}

// TestPreviewShowsThePDFPages opens the preview on the two-page brief: it
// shows two pages and "2 of 2 pages", as many as the PDF has; an edit that
// makes it longer shows "3 of 2 pages" as a warning, and the title block's
// page limit and contents lever change the count.
func TestPreviewShowsThePDFPages(t *testing.T) {
	u := newTestUI(t)
	b := openCables(t, u)
	test.Tap(u.previewItemButton(t))
	if !u.preview.shown || u.rsplit.Leading != u.preview.content {
		t.Fatal("the preview is not in the window")
	}
	if n := len(u.preview.pages.Objects); n != 2 || u.preview.count.Text != "2 of 2 pages" || u.preview.count.Importance == widget.DangerImportance {
		t.Fatalf("%d pages drawn, count %q", n, u.preview.count.Text)
	}
	l, _ := briefing.LayOut(b, briefing.Options{})
	if len(l.Pages) != len(u.preview.pages.Objects) {
		t.Errorf("the preview has %d pages, the PDF's layout %d", len(u.preview.pages.Objects), len(l.Pages))
	}

	// a longer section text pushes the brief to a third page
	u.brief.outline.selectNode(secNode + b.Sections[0].ID)
	u.brief.outline.secText.SetText(u.brief.outline.secText.Text + strings.Repeat(" More words of one's own about the cables.", 60))
	if u.preview.count.Text != "3 of 2 pages" || u.preview.count.Importance != widget.DangerImportance {
		t.Errorf("after a long edit: %q (importance %d), want the warning 3 of 2 pages", u.preview.count.Text, u.preview.count.Importance)
	}
	if n := len(u.preview.pages.Objects); n < 3 {
		t.Errorf("%d pages drawn after the edit", n)
	}
	// the page limit of the title block
	test.Type(u.brief.budget.limit, "4")
	if u.ed.Brief().PageLimit != 4 || !strings.HasSuffix(u.preview.count.Text, "of 4 pages") {
		t.Errorf("page limit %d, count %q", u.ed.Brief().PageLimit, u.preview.count.Text)
	}
	// the export dialog says how it fits
	if note := u.preview.exportNote(); note == nil || !strings.Contains(note.Text, "of 4 pages") {
		t.Errorf("export note %v", note)
	}
	u.brief.budget.limit.SetText("")
	if note := u.preview.exportNote(); note == nil || !strings.Contains(note.Text, "over the brief's page limit") {
		t.Errorf("export note over the limit: %v", note)
	}
	u.brief.budget.sources.SetChecked(false)
	if u.ed.Brief().SourcesList() {
		t.Error("the Sources check did not turn the list off")
	}
	u.brief.budget.contents.SetSelectedIndex(1)
	if u.ed.Brief().ContentsMode() != briefing.ContentsOn {
		t.Error("contents not on")
	}
}

// TestPreviewClickGoesToTheOutline taps the first quotation on page 1 and
// the Sources list's page, and checks what the outline selects.
func TestPreviewClickGoesToTheOutline(t *testing.T) {
	u := newTestUI(t)
	b := openCables(t, u)
	u.preview.toggle()
	l := u.preview.layout
	var quote briefing.Line
	for _, ln := range l.Pages[0].Lines {
		if ln.Excerpt == "x1" {
			quote = ln
			break
		}
	}
	if quote.Excerpt == "" {
		t.Fatal("no line of excerpt x1 on page 1")
	}
	v := u.preview.pages.Objects[0].(*pageView)
	v.Resize(v.MinSize())
	scale := float64(v.Size().Width) / l.PageW
	v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(100, float32((quote.Y+quote.H/2)*scale))})
	if u.brief.outline.sel != exNode+"x1" {
		t.Errorf("tap on x1's line selected %q", u.brief.outline.sel)
	}
	// a section's own text
	for _, ln := range l.Pages[0].Lines {
		if ln.Section == b.Sections[0].ID && ln.Excerpt == "" && !ln.Note {
			v.Tapped(&fyne.PointEvent{Position: fyne.NewPos(100, float32((ln.Y+ln.H/2)*scale))})
			break
		}
	}
	if u.brief.outline.sel != secNode+b.Sections[0].ID {
		t.Errorf("tap on the summary selected %q", u.brief.outline.sel)
	}
}

// previewItemButton returns a tappable that runs View › Page Preview.
func (u *ui) previewItemButton(t *testing.T) fyne.Tappable {
	t.Helper()
	if u.previewItem == nil || u.previewItem.Action == nil {
		t.Fatal("no View › Page Preview")
	}
	return tapFunc(u.previewItem.Action)
}

// tapFunc is a Tappable that runs f.
type tapFunc func()

func (f tapFunc) Tapped(*fyne.PointEvent) { f() }

// restarted is a new window of u's app, as the next start makes it, with
// u's preferences, and the two-page brief open.
func restarted(t *testing.T, u *ui) *ui {
	t.Helper()
	u.savePrefs()
	w := u.app.NewWindow("Attaché")
	n := newUI(u.app, w)
	n.background = func(f func()) { f() }
	n.delay = 0
	n.autosaveDelay = 0
	w.SetContent(n.layout())
	w.SetMainMenu(n.buildMenu())
	w.Resize(fyne.NewSize(1280, 800))
	openCables(t, n)
	t.Cleanup(w.Close)
	return n
}

func TestThePagePreviewIsRememberedAfterARestart(t *testing.T) {
	u := newTestUI(t)
	openCables(t, u)
	u.preview.toggle()
	n := restarted(t, u)
	if !n.preview.shown || n.rsplit.Leading != n.preview.content || !n.previewItem.Checked {
		t.Fatalf("the preview open at quitting is not open after a restart: shown %v, in the split %v, menu checked %v",
			n.preview.shown, n.rsplit.Leading == n.preview.content, n.previewItem.Checked)
	}
	if len(n.preview.pages.Objects) != 2 {
		t.Errorf("the remembered preview shows %d pages of the two-page brief", len(n.preview.pages.Objects))
	}
	n.preview.toggle()
	again := restarted(t, n)
	if again.preview.shown || again.rsplit.Leading != again.reader.content || again.previewItem.Checked {
		t.Errorf("the preview closed at quitting is open after a restart")
	}
}

func TestThePagePreviewStaysOpenAcrossALanguageChange(t *testing.T) {
	u := newTestUI(t)
	openCables(t, u)
	u.preview.toggle()
	u.rebuild()
	if !u.preview.shown || u.rsplit.Leading != u.preview.content || !u.previewItem.Checked {
		t.Errorf("the preview closed as the language changed")
	}
}

// TestABlankBriefIsNotLaidOutAtStart starts on the untitled brief, as a
// fresh window does: nothing is laid out (that would load the PDF's fonts
// to count one page of nothing) and no count is shown; the first quotation
// added lays the brief out and shows its count.
func TestABlankBriefIsNotLaidOutAtStart(t *testing.T) {
	u := newTestUI(t)
	b, err := newBriefFrom("briefing-note", "")
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	if u.preview.layout != nil || u.preview.count.Visible() {
		t.Fatalf("a blank brief was laid out at start (count %q, shown %v)", u.preview.count.Text, u.preview.count.Visible())
	}
	search(t, u, "submarine cables")
	u.search.list.Select(0)
	u.addSelected()
	if u.preview.layout == nil || !u.preview.count.Visible() || !strings.HasSuffix(u.preview.count.Text, "pages") {
		t.Errorf("after adding a quotation: count %q (shown %v)", u.preview.count.Text, u.preview.count.Visible())
	}
}
