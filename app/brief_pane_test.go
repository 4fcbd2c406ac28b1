package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/index/corpus"
)

// addHit selects hit i and adds it to the brief, returning the new
// excerpt's ID.
func addHit(t *testing.T, u *ui, i int) string {
	t.Helper()
	u.search.list.Select(i)
	u.addSelected()
	if !strings.HasPrefix(u.brief.outline.sel, exNode) {
		t.Fatalf("after adding, the outline selection is %q, want the new excerpt", u.brief.outline.sel)
	}
	return strings.TrimPrefix(u.brief.outline.sel, exNode)
}

func TestAddToBriefMarksTheResult(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	b := u.ed.Brief()
	second := b.Sections[1].ID
	u.brief.outline.selectNode(secNode + second)
	h := u.search.hits[0]
	id := addHit(t, u, 0)

	x, i, _ := u.ed.Brief().Excerpt(id)
	if x == nil || x.PassageID != h.ID {
		t.Fatalf("brief holds %v, want an excerpt of %s", x, h.ID)
	}
	if u.ed.Brief().Sections[i].ID != second {
		t.Errorf("excerpt went to section %d, want the selected one", i)
	}
	if x.Text != h.Text || x.Locator != h.Locator {
		t.Errorf("excerpt text/locator = %q/%q, want the passage's", x.Text, x.Locator)
	}
	if !strings.Contains(rowText(u, 0), "✓ in brief") {
		t.Errorf("row %q is not marked as in the brief", rowText(u, 0))
	}
	if strings.Contains(rowText(u, 1), "✓ in brief") && u.search.hits[1].ID != h.ID {
		t.Errorf("row 1 is marked but not in the brief")
	}
	if !strings.HasPrefix(u.win.Title(), "• ") {
		t.Errorf("title %q lacks the unsaved mark", u.win.Title())
	}
	// Undo takes it out again, and the mark goes.
	u.menuAction(&fyne.ShortcutUndo{})()
	if x, _, _ := u.ed.Brief().Excerpt(id); x != nil {
		t.Error("undo did not remove the excerpt")
	}
	if strings.Contains(rowText(u, 0), "✓ in brief") {
		t.Error("the row is still marked after undo")
	}
	u.menuAction(ctrlShift(fyne.KeyZ))()
	if x, _, _ := u.ed.Brief().Excerpt(id); x == nil {
		t.Error("redo did not bring the excerpt back")
	}
}

func TestAddWithoutSectionsMakesOne(t *testing.T) {
	u := newTestUI(t)
	b, _ := newBriefFrom("blank", "Empty")
	u.setBrief(b, "")
	search(t, u, "cables")
	addHit(t, u, 0)
	secs := u.ed.Brief().Sections
	if len(secs) != 1 || secs[0].Heading != defaultSection() || len(secs[0].Excerpts) != 1 {
		t.Fatalf("sections = %+v, want one %q section with the excerpt", secs, defaultSection())
	}
}

func TestDoubleTapAndCtrlEnterAdd(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	r := newHitRow(u.search)
	r.show(1)
	test.DoubleTap(r)
	if !u.brief.contains(u.search.hits[1].ID) {
		t.Fatal("double-tapping a result did not add it")
	}
	u.search.list.Select(2)
	u.menuAction(ctrl(fyne.KeyReturn))()
	if !u.brief.contains(u.search.hits[2].ID) {
		t.Fatal("Ctrl+Enter did not add the selected result")
	}
}

func TestReorderMoveAndUndo(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	o := u.brief.outline
	o.selectNode(secNode + u.ed.Brief().Sections[0].ID)
	a := addHit(t, u, 0)
	bID := addHit(t, u, 1) // goes after a
	order := func() string {
		var ids []string
		for _, x := range u.ed.Brief().Sections[0].Excerpts {
			ids = append(ids, x.ID)
		}
		return strings.Join(ids, ",")
	}
	if got := order(); got != a+","+bID {
		t.Fatalf("order = %s, want %s,%s", got, a, bID)
	}
	o.selectNode(exNode + bID)
	o.move(-1)
	if got := order(); got != bID+","+a {
		t.Fatalf("after move up, order = %s", got)
	}
	u.undo()
	if got := order(); got != a+","+bID {
		t.Fatalf("after undo, order = %s", got)
	}
	// Moving the last excerpt down takes it to the next section.
	o.selectNode(exNode + bID)
	o.move(1)
	if _, i, _ := u.ed.Brief().Excerpt(bID); i != 1 {
		t.Errorf("excerpt is in section %d after moving past the end, want 1", i)
	}
	// Move to section…
	last := u.ed.Brief().Sections[len(u.ed.Brief().Sections)-1].ID
	o.moveExcerptTo(a, last)
	if _, i, _ := u.ed.Brief().Excerpt(a); u.ed.Brief().Sections[i].ID != last {
		t.Errorf("move to section: excerpt in section %d", i)
	}
	if o.sel != exNode+a {
		t.Errorf("selection = %q after moving, want the excerpt", o.sel)
	}
}

func TestSectionCommands(t *testing.T) {
	u := newTestUI(t)
	o := u.brief.outline
	n := len(u.ed.Brief().Sections)
	id := o.addSectionNamed("Lines to take", 0)
	if got := u.ed.Brief().Sections[0].Heading; got != "Lines to take" {
		t.Fatalf("first section = %q", got)
	}
	if o.sel != secNode+id {
		t.Fatalf("new section not selected: %q", o.sel)
	}
	// The section editor renames and writes text.
	o.secHeading.SetText("Lines to take (revised)")
	o.secText.SetText("First paragraph.\n\nSecond paragraph.")
	s, _ := u.ed.Brief().Section(id)
	if s.Heading != "Lines to take (revised)" || len(s.Text) != 2 {
		t.Fatalf("section = %q with %d paragraphs", s.Heading, len(s.Text))
	}
	o.move(1)
	if _, i := u.ed.Brief().Section(id); i != 1 {
		t.Errorf("moved down: at %d, want 1", i)
	}
	// Undo goes back edit by edit, and the editor follows.
	u.undo()
	u.undo()
	if s, _ := u.ed.Brief().Section(id); len(s.Text) != 0 || o.secText.Text != "" {
		t.Errorf("after undoing the text edit: model %q, field %q", s.Text, o.secText.Text)
	}
	o.selectNode(secNode + id)
	o.remove()
	if len(u.ed.Brief().Sections) != n {
		t.Errorf("%d sections after removing the new one, want %d", len(u.ed.Brief().Sections), n)
	}
}

func TestCommentAndTrim(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	id := addHit(t, u, 0)
	o := u.brief.outline
	test.Type(o.exComment, "Useful for the Minister.")
	x, _, _ := u.ed.Brief().Excerpt(id)
	if x.Comment != "Useful for the Minister." {
		t.Fatalf("comment = %q", x.Comment)
	}
	words := strings.Fields(x.Full)
	if len(words) < 8 {
		t.Skip("passage too short to trim")
	}
	// Cut the first two words and the last two.
	edited := strings.Join(words[2:len(words)-2], " ")
	if err := trimTo(u, id, x.Full, edited); err != nil {
		t.Fatal(err)
	}
	x, _, _ = u.ed.Brief().Excerpt(id)
	if !strings.HasPrefix(x.Text, "[…]") || !strings.HasSuffix(x.Text, "[…]") {
		t.Errorf("trimmed quote %q lacks the cut marks", x.Text)
	}
	if !strings.Contains(o.exQuote.Text, words[3]) || strings.Contains(o.exQuote.Text, words[0]+" "+words[1]) {
		t.Errorf("excerpt editor shows %q", o.exQuote.Text)
	}
	if err := trimTo(u, id, x.Full, "words never said"); err == nil {
		t.Error("rewording a quotation was accepted")
	}
}

func TestTitleBlockAndKeyMessages(t *testing.T) {
	u := newTestUI(t)
	p := u.brief
	p.title.SetText("Digital diplomacy: state of play")
	p.marking.SetText("RESTRICTED")
	p.keys.SetText("First message\nSecond message\n")
	b := u.ed.Brief()
	if b.Title != "Digital diplomacy: state of play" || b.Classification != "RESTRICTED" {
		t.Errorf("header = %+v", b.Header)
	}
	if len(b.KeyMessages) != 2 {
		t.Errorf("key messages = %q", b.KeyMessages)
	}
	// An empty title is refused with a message, and the brief keeps its title.
	p.title.SetText("")
	if p.headerMsg.Hidden || u.ed.Brief().Title == "" {
		t.Error("an empty title was taken silently")
	}
}

func TestAddWhileTheReaderIsStillLoading(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	// Hold the document loads: the reader lags behind the selection.
	var pending []func()
	u.background = func(f func()) { pending = append(pending, f) }
	u.reader.docs = map[string]*corpus.Document{}
	u.search.list.Select(3)
	u.addSelected()
	if !u.brief.contains(u.search.hits[3].ID) {
		t.Fatal("Add to brief did not add the selected result while its document was loading")
	}
}
