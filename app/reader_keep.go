package app

import (
	"errors"
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// Trimming by selection: in the reader, the scissors button shows the passage
// as selectable text (read-only: no key can change it), the user selects
// the words to keep with the mouse or Shift and the arrows, and Keep makes
// them the quotation: of the excerpt of this passage selected in the
// outline (else the brief's first one), or of a new excerpt when the brief
// does not quote the passage yet. The notes whose marks were cut away leave
// the quotation with them (briefing.Excerpt.KeptNotes).

// readerKeep is the reader's selection mode and its two buttons.
type readerKeep struct {
	p      *readerPane
	entry  *keepEntry
	toggle *widget.Button
	keep   *widget.Button
	on     bool
	// bar is the reader's toolbar, which shows the toggle's label where
	// it has room.
	bar *collapsingBar
}

func newReaderKeep(p *readerPane) *readerKeep {
	k := &readerKeep{p: p, entry: newKeepEntry()}
	k.entry.Hide()
	// its label goes first where the toolbar is narrow (collapsingBar)
	k.toggle = widget.NewButtonWithIcon(lang.L("Select words"), theme.ContentCutIcon(), k.switchMode)
	k.toggle.Disable() // until a passage is shown
	k.keep = widget.NewButtonWithIcon(lang.L("Keep"), theme.ConfirmIcon(), func() {
		if err := k.keepSelection(); err != nil {
			p.u.showError(err)
		}
	})
	k.keep.Importance = widget.HighImportance
	k.keep.Hide()
	return k
}

// switchMode shows the passage as selectable text, or as text again.
func (k *readerKeep) switchMode() {
	ps, _, ok := k.p.passage()
	if !ok && !k.on {
		return
	}
	k.on = !k.on
	if !k.on {
		k.reset()
		return
	}
	k.entry.setText(ps.Text)
	// as many rows as the passage takes in the reader, so that all of it
	// shows for selecting, not three lines in a box of its own
	k.entry.SetMinRowsVisible(passageRows(k.p.text))
	k.entry.Show()
	k.p.text.Hide()
	// Keep takes Add to brief's place, so that the reader keeps its width
	// and the search pane beside it its layout
	k.p.add.Hide()
	k.keep.Show()
	k.toggle.SetIcon(theme.CancelIcon())
	k.relabel(lang.L("Cancel"))
	k.p.scroll.Refresh() // lay the selectable text out
	if c := fyne.CurrentApp().Driver().CanvasForObject(k.entry); c != nil {
		c.Focus(k.entry)
	}
}

// reset leaves the selection mode (when another passage is shown).
func (k *readerKeep) reset() {
	k.on = false
	k.entry.Hide()
	k.p.text.Show()
	k.keep.Hide()
	k.p.add.Show()
	k.toggle.SetIcon(theme.ContentCutIcon())
	k.relabel(lang.L("Select words"))
}

// relabel names the toggle text, in the toolbar if it has one.
func (k *readerKeep) relabel(text string) {
	if k.bar != nil {
		k.bar.relabel(k.toggle, text)
		return
	}
	k.toggle.SetText(text)
}

// keepSelection makes the selected words the quotation.
func (k *readerKeep) keepSelection() error {
	u := k.p.u
	ps, _, ok := k.p.passage()
	if !ok || u.ed == nil {
		return errors.New(lang.L("no passage on show"))
	}
	start, end, ok := k.entry.selection()
	if !ok {
		return errors.New(lang.L("select the words to keep first"))
	}
	id := k.excerptOf(ps.ID)
	if id == "" {
		u.addSelected()
		if id = k.excerptOf(ps.ID); id == "" {
			return nil // addSelected said why
		}
	}
	x, _, _ := u.ed.Brief().Excerpt(id)
	if x.Full != ps.Text {
		// the library's passage changed since it was quoted: find the words
		keep := string([]rune(ps.Text)[start:end])
		return u.edit(func(ed *briefing.Editor) error { return ed.TrimExcerptTo(id, keep) })
	}
	if err := u.edit(func(ed *briefing.Editor) error { return ed.TrimExcerpt(id, start, end) }); err != nil {
		return err
	}
	u.brief.outline.selectNode(exNode + id)
	k.reset()
	// the outline shows the start of a quotation only: say what was done
	u.setStatus(lang.L("Quotation trimmed to the {{.N}} words selected", map[string]any{"N": len(strings.Fields(string([]rune(ps.Text)[start:end])))}), false)
	return nil
}

// excerptOf is the excerpt quoting passage id that Keep trims: the one
// selected in the outline, else the first, else "".
func (k *readerKeep) excerptOf(id string) string {
	b := k.p.u.ed.Brief()
	if sel := strings.TrimPrefix(k.p.u.brief.outline.sel, exNode); sel != k.p.u.brief.outline.sel {
		if x, _, _ := b.Excerpt(sel); x != nil && x.PassageID == id {
			return x.ID
		}
	}
	for _, x := range b.Excerpts() {
		if x.PassageID == id {
			return x.ID
		}
	}
	return ""
}

// passageRows is how many lines the passage's text takes as the reader
// shows it, plus one for the entry's own padding; three at least.
func passageRows(text *widget.RichText) int {
	rows := int(math.Ceil(float64(text.MinSize().Height/lineHeight()))) + 1
	if rows < 3 {
		rows = 3
	}
	return rows
}

// keepEntry is a multi-line entry whose text can be selected and copied
// but not changed.
type keepEntry struct {
	widget.Entry
	text string
}

func newKeepEntry() *keepEntry {
	e := &keepEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

func (e *keepEntry) setText(s string) {
	e.text = s
	e.SetText(s)
}

// TypedRune ignores typing: the quotation's wording cannot change.
func (e *keepEntry) TypedRune(rune) {}

// TypedKey passes on the keys that move the cursor or the selection only.
func (e *keepEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut allows copying and selecting, never cutting or pasting.
func (e *keepEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutSelectAll:
		e.Entry.TypedShortcut(s)
	}
}

// selection returns the selected words as rune offsets into the text,
// widened to whole words, and whether anything is selected.
func (e *keepEntry) selection() (start, end int, ok bool) {
	sel := e.SelectedText()
	if strings.TrimSpace(sel) == "" || e.Text != e.text {
		return 0, 0, false
	}
	rs := []rune(e.text)
	// the cursor stands at one end of the selection
	cursor := e.CursorTextOffset()
	n := utf8.RuneCountInString(sel)
	switch {
	case cursor-n >= 0 && string(rs[cursor-n:cursor]) == sel:
		start, end = cursor-n, cursor
	case cursor+n <= len(rs) && string(rs[cursor:cursor+n]) == sel:
		start, end = cursor, cursor+n
	default:
		return 0, 0, false
	}
	// whole words: a selection begun or ended inside a word takes it all
	isWord := func(r rune) bool { return r != ' ' && r != '\n' }
	for start > 0 && isWord(rs[start-1]) && isWord(rs[start]) {
		start--
	}
	for end < len(rs) && end > 0 && isWord(rs[end-1]) && isWord(rs[end]) {
		end++
	}
	for start < end && !isWord(rs[start]) {
		start++
	}
	for end > start && !isWord(rs[end-1]) {
		end--
	}
	return start, end, start < end
}
