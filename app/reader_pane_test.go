package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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
	for _, id := range u.sortedDocIDs() {
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
	id := u.sortedDocIDs()[2]
	u.reader.docSel.SetSelected(u.docName(id))
	ps, meta, ok := u.reader.passage()
	if !ok || meta.ID != id || ps.Seq != 0 {
		t.Fatalf("browsing %s shows %v of %s", id, ps, meta.ID)
	}
	if u.reader.toc.Length() == 0 {
		t.Error("the table of contents is empty")
	}
}
