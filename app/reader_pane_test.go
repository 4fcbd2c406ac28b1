package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestSelectingAHitShowsItInTheReader(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "diplomazia digitale")
	h := u.search.hits[0]
	if u.reader.headSep.Visible() || u.reader.bodySep.Visible() || u.reader.path.Visible() {
		t.Error("the empty reader shows rules or an empty path line under its help text")
	}
	u.search.list.Select(0)
	if !u.reader.headSep.Visible() || !u.reader.bodySep.Visible() || !u.reader.path.Visible() {
		t.Error("the reader hides its rules or path with a passage on show")
	}
	ps, meta, ok := u.reader.passage()
	if !ok || ps.ID != h.ID {
		t.Fatalf("reader shows %v, want passage %s", ps, h.ID)
	}
	if meta.ID != h.DocID {
		t.Errorf("reader's document = %s, want %s", meta.ID, h.DocID)
	}
	if !strings.Contains(u.reader.text.String(), h.Text) {
		t.Errorf("reader text lacks the passage whole:\n%s", u.reader.text.String())
	}
	if !strings.Contains(u.reader.citation.Text, h.Locator) || !strings.Contains(u.reader.citation.Text, meta.Title) {
		t.Errorf("citation %q lacks the title or locator %q", u.reader.citation.Text, h.Locator)
	}
	if len(h.Section) > 0 && !strings.Contains(u.reader.path.Text, h.Section[len(h.Section)-1]) {
		t.Errorf("section path %q lacks %q", u.reader.path.Text, h.Section[len(h.Section)-1])
	}

	// The passages around it are shown too.
	seq := u.reader.seq
	ps2 := u.reader.doc.Passages
	if seq > 0 && !strings.Contains(u.reader.before.String(), ps2[seq-1].Text) {
		t.Error("the passage before is not shown")
	}
	if seq+1 < len(ps2) && !strings.Contains(u.reader.after.String(), ps2[seq+1].Text) {
		t.Error("the passage after is not shown")
	}

	// Down and Up move through the document.
	first, then := fyne.KeyDown, fyne.KeyUp
	delta := 1
	if seq+1 >= len(u.reader.doc.Passages) {
		first, then, delta = fyne.KeyUp, fyne.KeyDown, -1
	}
	u.reader.keys.TypedKey(&fyne.KeyEvent{Name: first})
	if u.reader.seq != seq+delta {
		t.Errorf("%s: seq = %d, want %d", first, u.reader.seq, seq+delta)
	}
	u.reader.keys.TypedKey(&fyne.KeyEvent{Name: then})
	if u.reader.seq != seq {
		t.Errorf("%s: seq = %d, want %d", then, u.reader.seq, seq)
	}
}

func TestTableOfContentsMovesToASection(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "diplomazia")
	u.search.list.Select(0)
	d := u.reader.doc
	if len(d.Sections) < 2 {
		t.Fatalf("document %s has %d sections; the test needs two", d.ID, len(d.Sections))
	}
	last := len(d.Sections) - 1
	u.reader.toc.Select(last)
	if u.reader.seq != d.Sections[last].First {
		t.Errorf("after choosing section %q the reader shows passage %d, want %d", d.Sections[last].Heading, u.reader.seq, d.Sections[last].First)
	}
}

func TestFootnotesShown(t *testing.T) {
	u := newTestUI(t)
	for _, id := range u.docs.ids() {
		d, err := testLib.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Passages {
			if len(p.Notes) == 0 {
				continue
			}
			u.reader.showPassage(d.ID, p.ID)
			if !strings.Contains(u.reader.notes.String(), p.Notes[0].Text) {
				t.Errorf("passage %s: notes %q lack %q", p.ID, u.reader.notes.String(), p.Notes[0].Text)
			}
			return
		}
	}
	t.Skip("no passage with footnotes in the seeds")
}

func TestBrowseADocumentWithoutSearching(t *testing.T) {
	u := newTestUI(t)
	id := u.docs.ids()[2]
	test.Tap(u.reader.browse)
	pk := u.picker
	if pk == nil || pk.length() != u.docs.len() {
		t.Fatalf("the picker lists %v documents of %d", pk, u.docs.len())
	}
	// A word of the name, in another case, keeps the documents it names.
	word := strings.Fields(u.docName(id))[0]
	test.Type(pk.filter, strings.ToUpper(word))
	found := false
	for _, i := range pk.shown {
		kept := u.docs.idAt(i)
		found = found || kept == id
		if !strings.Contains(strings.ToLower(u.docName(kept)+" "+kept), strings.ToLower(word)) {
			t.Errorf("%q keeps %s, %q", pk.filter.Text, kept, u.docName(kept))
		}
	}
	if !found {
		t.Fatalf("%q does not keep %s", pk.filter.Text, id)
	}
	pk.filter.SetText(id)
	if pk.length() != 1 {
		t.Fatalf("the ID %s leaves %d documents", id, pk.length())
	}
	pk.list.Select(0)
	ps, meta, ok := u.reader.passage()
	if !ok || meta.ID != id || ps.Seq != 0 {
		t.Fatalf("browsing %s shows %v of %s", id, ps, meta.ID)
	}
	if u.reader.toc.Length() == 0 {
		t.Error("the table of contents is empty")
	}
}

// TestCopyCitationIsNamedUnderTheCitation: the reader's Copy citation is a
// button with its name under the citation it copies (in the toolbar it was
// an icon alone where the pane is narrow, and Fyne has no tooltips), shown
// with a passage; the scissors are named too, and Cancel in the selection
// mode.
func TestCopyCitationIsNamedUnderTheCitation(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1230, 690))
	if u.reader.copyCite.Visible() {
		t.Error("Copy citation is shown with no passage")
	}
	search(t, u, "submarine cables")
	u.search.list.Select(0)
	c := u.reader.copyCite
	if !c.Visible() || c.Text != "Copy citation" {
		t.Fatalf("Copy citation: shown %v, label %q", c.Visible(), c.Text)
	}
	test.Tap(c)
	if got := u.app.Clipboard().Content(); got == "" || got != u.reader.citation.Text {
		t.Errorf("the clipboard holds %q, the citation reads %q", got, u.reader.citation.Text)
	}
	u.app.Clipboard().SetContent("")
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Copy Citation" {
				it.Action()
			}
		}
	}
	if got := u.app.Clipboard().Content(); got != u.reader.citation.Text {
		t.Errorf("Edit › Copy Citation put %q on the clipboard", got)
	}
	k := u.reader.keep
	if k.toggle.Text != "Select words" {
		t.Errorf("the scissors read %q at 1230 wide", k.toggle.Text)
	}
	k.switchMode()
	if k.toggle.Text != "Cancel" || u.reader.add.Visible() || !k.keep.Visible() {
		t.Errorf("in the selection mode the scissors read %q, Add shown %v, Keep shown %v", k.toggle.Text, u.reader.add.Visible(), k.keep.Visible())
	}
	k.switchMode()
	if k.toggle.Text != "Select words" || !u.reader.add.Visible() {
		t.Errorf("after the selection mode the scissors read %q, Add shown %v", k.toggle.Text, u.reader.add.Visible())
	}
}
