package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/bridge"
	"attache/briefing"
	"attache/index/corpus"
)

// readerPane shows one passage whole, in its document: the passages around
// it, its section path, footnotes and citation, and the document's table
// of contents.
type readerPane struct {
	u *ui

	title    *widget.Label
	path     *widget.Label
	text     *widget.RichText
	before   *widget.RichText
	after    *widget.RichText
	notes    *widget.RichText
	citation *widget.Label
	// headSep rules off the heading, bodySep the notes and citation.
	headSep, bodySep *widget.Separator
	toc              *widget.List
	// browse opens the document picker (doc_picker.go).
	browse   *widget.Button
	scroll   *container.Scroll
	prev     *widget.Button
	next     *widget.Button
	add      *widget.Button
	copyCite *widget.Button
	keys     *keyCatcher
	// keep trims by selection (reader_keep.go).
	keep    *readerKeep
	content fyne.CanvasObject
	split   *container.Split

	// doc is the document on show and seq the passage's place in it.
	doc *corpus.Document
	seq int
	// docs caches the documents read so far.
	docs map[string]*corpus.Document
	// want is the passage asked for last; a late load of another is dropped.
	want string
}

func newReaderPane(u *ui) *readerPane {
	p := &readerPane{u: u, seq: -1, docs: map[string]*corpus.Document{}}
	p.title = wrappingLabel(lang.L("Select a passage to read it here."), fyne.TextStyle{Bold: true})
	p.path = wrappingLabel("", fyne.TextStyle{Italic: true})
	p.text = wrappingRichText()
	p.before = wrappingRichText()
	p.after = wrappingRichText()
	p.notes = wrappingRichText()
	p.citation = wrappingLabel("", fyne.TextStyle{Italic: true})

	p.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.step(-1) })
	p.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.step(1) })
	p.add = widget.NewButtonWithIcon(lang.L("Add to brief"), theme.ContentAddIcon(), func() { p.u.addSelected() })
	p.add.Importance = widget.HighImportance
	// Under the citation it copies, with its name: in the toolbar it was
	// an icon alone where the pane is narrow, and Fyne has no tooltips.
	p.copyCite = widget.NewButtonWithIcon(lang.L("Copy citation"), theme.ContentCopyIcon(), p.copyCitation)
	p.copyCite.Importance = widget.LowImportance
	p.enable(false)

	p.toc = widget.NewList(
		func() int {
			if p.doc == nil {
				return 0
			}
			return len(p.doc.Sections)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("section")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if p.doc == nil || id >= len(p.doc.Sections) {
				return
			}
			o.(*widget.Label).SetText(sectionLabel(p.doc.Sections[id]))
		},
	)
	p.toc.OnSelected = func(id widget.ListItemID) {
		if p.doc != nil && id < len(p.doc.Sections) {
			p.showSeq(p.doc.Sections[id].First)
		}
	}

	// Until a passage is shown, the reader is one line of help: its rules
	// and the empty path and citation lines are hidden. Hidden, they are
	// not measured either: the italic face they are set in (1.4 MB of the
	// heap, parsed on first measure) is loaded when a passage is shown.
	p.headSep, p.bodySep = widget.NewSeparator(), widget.NewSeparator()
	p.headSep.Hide()
	p.bodySep.Hide()
	p.path.Hide()
	p.citation.Hide()
	p.keep = newReaderKeep(p)
	body := container.NewVBox(p.before, p.text, p.keep.entry, p.after, p.bodySep, p.notes, p.citation,
		container.NewHBox(p.copyCite))
	p.scroll = container.NewVScroll(body)
	p.keys = newKeyCatcher(p.scroll, func(k fyne.KeyName) bool {
		switch k {
		case fyne.KeyUp, fyne.KeyPageUp:
			p.step(-1)
		case fyne.KeyDown, fyne.KeyPageDown:
			p.step(1)
		default:
			return false
		}
		return true
	})
	bar := newCollapsingBar(p.prev, p.next, p.keep.toggle, layoutSpacer(), p.keep.keep, p.add)
	p.keep.bar = bar.Layout.(*collapsingBar)
	// The separator marks where the scrolled text goes under the heading.
	reader := container.NewBorder(container.NewVBox(p.title, p.path, p.headSep), bar, nil, nil, p.keys)
	p.browse = widget.NewButtonWithIcon(lang.L("Browse a document…"), theme.FolderOpenIcon(), p.browseDocuments)
	p.browse.Alignment = widget.ButtonAlignLeading
	tocBox := container.NewBorder(p.browse, nil, nil, nil, p.toc)
	p.split = container.NewVSplit(tocBox, reader)
	p.split.Offset = 0.22
	p.content = p.split
	return p
}

// copyCitation puts the citation of the passage on show on the clipboard
// (the button under it, Edit › Copy Citation).
func (p *readerPane) copyCitation() {
	if p.citation.Text == "" {
		p.u.showInfo(lang.L("Copy citation"), lang.L("Select a passage in the results first."))
		return
	}
	p.u.app.Clipboard().SetContent(p.citation.Text)
	p.u.setStatus(lang.L("Citation copied: {{.Citation}}", map[string]any{"Citation": p.citation.Text}), false)
}

// libraryReady forgets documents read from a previous library.
func (p *readerPane) libraryReady() {
	p.docs = map[string]*corpus.Document{}
}

// browseDocuments lets the user pick a document to read from its start.
func (p *readerPane) browseDocuments() {
	p.u.pickDocument(lang.L("Browse a document"), p.browseTo)
}

// browseTo shows document id from its start, unless it is on show.
func (p *readerPane) browseTo(id string) {
	if p.doc == nil || p.doc.ID != id {
		p.showPassage(id, "")
	}
}

// enable turns the passage commands on or off.
func (p *readerPane) enable(on bool) {
	if on {
		p.copyCite.Show()
	} else {
		p.copyCite.Hide()
	}
	buttons := []*widget.Button{p.prev, p.next, p.add}
	if p.keep != nil {
		buttons = append(buttons, p.keep.toggle)
	}
	for _, b := range buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// showPassage shows the passage id of document docID, loading the document
// off the UI goroutine if it is not loaded yet.
func (p *readerPane) showPassage(docID, id string) {
	p.want = id
	if d, ok := p.docs[docID]; ok {
		p.show(d, id)
		return
	}
	lib := p.u.lib
	if lib == nil {
		return
	}
	p.u.background(func() {
		d, err := lib.Document(docID)
		fyne.Do(func() {
			if err != nil {
				p.title.SetText(oneLine(err.Error()))
				return
			}
			p.docs[docID] = d
			if p.want == id {
				p.show(d, id)
			}
		})
	})
}

// show displays passage id of d.
func (p *readerPane) show(d *corpus.Document, id string) {
	newDoc := p.doc != d
	p.doc = d
	if newDoc {
		p.toc.UnselectAll()
		p.toc.Refresh()
	}
	for i := range d.Passages {
		if d.Passages[i].ID == id {
			p.showSeq(i)
			return
		}
	}
	p.showSeq(0)
}

// showSeq displays the passage at position seq of the document on show.
func (p *readerPane) showSeq(seq int) {
	d := p.doc
	if d == nil || len(d.Passages) == 0 {
		return
	}
	seq = max(0, min(seq, len(d.Passages)-1))
	p.seq = seq
	p.keep.reset()
	cur := d.Passages[seq]
	p.want = cur.ID
	p.title.SetText(docTitle(d.Meta))
	where := briefing.FormatLocator(cur.Locator, uiLang())
	if cur.Page > 0 {
		where += fmt.Sprintf(lang.L(", p. %d"), cur.Page)
	}
	if len(cur.Section) > 0 {
		where = strings.Join(cur.Section, " › ") + " · " + where
	}
	p.path.SetText(where)
	p.path.Show()
	p.headSep.Show()
	p.bodySep.Show()

	p.before.Segments = nil
	if seq > 0 {
		p.before.Segments = contextSegments(d.Passages[seq-1])
	}
	p.before.Refresh()
	p.text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyle{ColorName: colorMark, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}, Text: briefing.FormatLocator(cur.Locator, uiLang())},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: cur.Text},
	}
	p.text.Refresh()
	p.after.Segments = nil
	if seq+1 < len(d.Passages) {
		p.after.Segments = contextSegments(d.Passages[seq+1])
	}
	p.after.Refresh()

	var notes []widget.RichTextSegment
	for _, n := range cur.Notes {
		t := n.Number + ". " + n.Text
		for _, u := range n.URLs {
			if !strings.Contains(n.Text, u) {
				t += " " + u
			}
		}
		notes = append(notes, &widget.TextSegment{Style: widget.RichTextStyle{SizeName: theme.SizeNameCaptionText}, Text: t})
	}
	p.notes.Segments = notes
	p.notes.Refresh()
	p.citation.SetText(citation(d.Meta, cur, p.briefLang()))
	p.citation.Show()
	p.enable(true)
	if seq == 0 {
		p.prev.Disable()
	}
	if seq == len(d.Passages)-1 {
		p.next.Disable()
	}
	p.markSection(seq)
	p.scrollToCurrent()
}

// scrollToCurrent scrolls the reader so that the passage on show starts
// near the top, under the last lines of the one before.
func (p *readerPane) scrollToCurrent() {
	p.scroll.Refresh() // lay the new text out first
	// Start on a line of the passage before, not half way through one: its
	// last line ends an inner padding above its bottom.
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	y := p.before.Position().Y + p.before.Size().Height - theme.InnerPadding() - 2*line + theme.LineSpacing()
	if p.before.Visible() && len(p.before.Segments) > 0 && y > 0 {
		p.scroll.ScrollToOffset(fyne.NewPos(0, y))
		return
	}
	p.scroll.ScrollToTop()
}

// contextSegments shows a passage next to the one being read: its locator
// and its text, dimmed.
func contextSegments(ps corpus.Passage) []widget.RichTextSegment {
	return []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}, Text: briefing.FormatLocator(ps.Locator, uiLang())},
		&widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}, Text: ps.Text},
	}
}

// markSection selects, in the table of contents, the section seq is in.
func (p *readerPane) markSection(seq int) {
	at := -1
	for i, s := range p.doc.Sections {
		if s.First <= seq {
			at = i
		}
	}
	if at < 0 {
		p.toc.UnselectAll()
		return
	}
	// Select calls OnSelected, which would jump to the section's start.
	on := p.toc.OnSelected
	p.toc.OnSelected = nil
	p.toc.Select(at)
	p.toc.OnSelected = on
}

// step moves to the passage before (-1) or after (+1) the one on show.
func (p *readerPane) step(delta int) {
	if p.doc == nil {
		return
	}
	p.showSeq(p.seq + delta)
}

// passage returns the passage on show and its document's metadata.
func (p *readerPane) passage() (*corpus.Passage, corpus.Meta, bool) {
	if p.doc == nil || p.seq < 0 || p.seq >= len(p.doc.Passages) {
		return nil, corpus.Meta{}, false
	}
	return &p.doc.Passages[p.seq], p.doc.Meta, true
}

// docTitle names a document for the reader's heading.
func docTitle(m corpus.Meta) string {
	t := m.Title
	if m.Date != "" {
		t += " (" + m.Date + ")"
	}
	return t
}

// sectionLabel is a table of contents entry, indented by level.
func sectionLabel(s corpus.Section) string {
	t := s.Heading
	if s.Number != "" {
		t = s.Number + ". " + t
	}
	return strings.Repeat("    ", max(0, s.Level-1)) + t
}

// briefLang is the label language of the brief being written.
func (p *readerPane) briefLang() string {
	if p.u.ed == nil {
		return ""
	}
	return p.u.ed.Brief().Lang
}

// citation is the full reference to a passage, as the first note citing it
// in a brief of label language briefLang would read (its date and
// pinpoint in that language).
func citation(m corpus.Meta, ps corpus.Passage, briefLang string) string {
	x := bridge.Snapshot(&ps, m)
	b := &briefing.Brief{Header: briefing.Header{Lang: briefLang}, Sections: []briefing.Section{{ID: "s1", Heading: "-", Excerpts: []briefing.Excerpt{x}}}}
	c := briefing.Cite(b)
	// the citation's own note, not a source note numbered before it
	for _, n := range c.Notes {
		if !n.FromSource && !n.Original {
			return n.Text()
		}
	}
	return ""
}
