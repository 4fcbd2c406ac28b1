package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
	"attache/index"
)

// snippetSegments splits a snippet at its marks into text segments, the
// matched words bold in the primary colour, runs of white space folded.
func snippetSegments(snippet index.Snippet) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyleInline
	mark := widget.RichTextStyle{Inline: true, ColorName: colorMark, TextStyle: fyne.TextStyle{Bold: true}}
	add := func(style widget.RichTextStyle, s string) {
		if s = foldSpace(s); s != "" {
			segs = append(segs, &widget.TextSegment{Style: style, Text: s})
		}
	}
	text, at := snippet.Text, 0
	for _, m := range snippet.Marks {
		if m.Start < at || m.End > len(text) || m.Start >= m.End {
			continue
		}
		add(plain, text[at:m.Start])
		add(mark, text[m.Start:m.End])
		at = m.End
	}
	add(plain, text[at:])
	return segs
}

// foldSpace folds each run of white space, newlines included, into one
// space, keeping a space at either end.
func foldSpace(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" {
			return " "
		}
		return ""
	}
	out := strings.Join(f, " ")
	if r := s[0]; r == ' ' || r == '\n' || r == '\t' || r == '\r' {
		out = " " + out
	}
	if r := s[len(s)-1]; r == ' ' || r == '\n' || r == '\t' || r == '\r' {
		out += " "
	}
	return out
}

// hitRow is one row of the result list: the document's name (and "✓ in
// brief" when the brief quotes the passage), a line with the locator and
// the language, and the snippet. It selects its hit on a tap and adds it
// to the brief on a double tap.
type hitRow struct {
	widget.BaseWidget
	p       *searchPane
	id      int
	head    *widget.RichText
	mark    *widget.RichText
	loc     *widget.RichText
	lang    *widget.RichText
	snippet *widget.RichText
	content fyne.CanvasObject
	top     *fyne.Container
	// width is the row's width when last laid out; the snippet is cut to
	// fit three lines of it.
	width float32
	// spacer holds the snippet's lines open: as many as it has.
	spacer *canvas.Rectangle
	// shown is what the row shows now. Setting a row's height refreshes
	// the whole list, which shows every visible row again: a row already
	// showing the same thing at the same size does nothing.
	shown rowView
}

// rowView is what a row shows: which hit of which results, how wide.
type rowView struct {
	view, id        int
	width, textSize float32
}

// snippetLines is how many lines of snippet a row shows.
const snippetLines = 3

func newHitRow(p *searchPane) *hitRow {
	r := &hitRow{p: p, id: -1}
	r.head = widget.NewRichText()
	r.head.Truncation = fyne.TextTruncateEllipsis
	r.mark = widget.NewRichText()
	r.loc = widget.NewRichText()
	r.loc.Truncation = fyne.TextTruncateEllipsis
	r.lang = widget.NewRichText()
	// The row lays out the snippet's lines itself (see wrapSnippet).
	r.snippet = widget.NewRichText()
	// Until the row knows its snippet it is as tall as three lines.
	r.spacer = canvas.NewRectangle(nil)
	r.spacer.SetMinSize(fyne.NewSize(10, snippetHeight(snippetLines)))
	// The name and the locator lines sit close together, as one heading.
	r.top = container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.InnerPadding()),
		container.NewBorder(nil, nil, nil, r.mark, r.head),
		container.NewBorder(nil, nil, nil, r.lang, r.loc))
	r.content = container.NewBorder(r.top, nil, nil, nil, container.NewStack(r.spacer, r.snippet))
	r.ExtendBaseWidget(r)
	return r
}

// show fills the row with hit id.
func (r *hitRow) show(id int) {
	r.id = id
	if id < 0 || id >= len(r.p.hits) {
		return
	}
	v := rowView{view: r.p.view, id: id, width: r.width, textSize: theme.TextSize()}
	if v == r.shown {
		return
	}
	r.shown = v
	h := r.p.hits[id]
	loc := briefing.FormatLocator(h.Locator, uiLang())
	if h.Page > 0 {
		loc += fmt.Sprintf(lang.L(", p. %d"), h.Page)
	}
	if h.Weak {
		loc += " · " + lang.L("weaker match")
	}
	dim := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	r.head.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}, Text: r.p.u.docName(h.DocID)},
	}
	r.head.Refresh()
	r.loc.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: dim, Text: fitLocator(loc, r.locFits)}}
	r.loc.Refresh()
	r.lang.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: dim, Text: strings.ToUpper(h.Lang)}}
	r.lang.Refresh()
	r.mark.Segments = nil
	if r.p.u.brief.contains(h.ID) {
		r.mark.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: colorInBrief, TextStyle: fyne.TextStyle{Bold: true}}, Text: lang.L("✓ in brief")}}
	}
	r.mark.Refresh()
	// The mark changes the width of the right part: lay the lines out again.
	for _, line := range r.top.Objects {
		if c, ok := line.(*fyne.Container); ok {
			c.Layout.Layout(c.Objects, c.Size())
		}
	}
	snip := h.Snippet
	if strings.TrimSpace(snip.Text) == "" {
		snip = index.Snippet{Text: h.Text}
	}
	r.snippet.Segments = wrapSnippet(fitSegments(snippetSegments(snip), r.fitRunes()), r.snippetWidth(), snippetLines)
	r.snippet.Refresh()
	// The row is as tall as its lines: a one-line snippet leaves no gap.
	lines := 1
	for _, s := range r.snippet.Segments {
		if !s.Inline() {
			lines++
		}
	}
	r.spacer.SetMinSize(fyne.NewSize(10, snippetHeight(lines)))
	if r.width > 0 {
		r.p.rowHeight(id, r.MinSize().Height)
	}
}

// snippetHeight is the height of n lines of snippet.
func snippetHeight(n int) float32 {
	return float32(n)*fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
}

// locFits reports whether a locator fits its line beside the language.
func (r *hitRow) locFits(loc string) bool {
	w := r.width - 2*theme.InnerPadding() - r.lang.MinSize().Width - theme.Padding()
	if r.width <= 0 {
		w = 360
	}
	return fyne.MeasureText(loc, theme.CaptionTextSize(), fyne.TextStyle{}).Width <= w
}

// snippetWidth is the width the snippet's lines have in the row.
func (r *hitRow) snippetWidth() float32 {
	w := r.width - 2*theme.InnerPadding()
	if w <= 0 {
		w = 360
	}
	return w
}

// fitRunes estimates how many characters fill the snippet's lines at the
// row's width, with some to spare: wrapSnippet cuts what does not fit.
func (r *hitRow) fitRunes() int {
	w := r.width - 2*theme.InnerPadding()
	if w <= 0 {
		w = 360
	}
	avg := fyne.MeasureText("abcdefghijklmnopqrstuvwxyz", theme.TextSize(), fyne.TextStyle{}).Width / 26
	n := int(float32(snippetLines) * w / avg * 1.3)
	return max(n, 40)
}

// text is the row's text as shown, for tests.
func (r *hitRow) text() string {
	return r.head.String() + " " + r.mark.String() + "\n" + r.loc.String() + " " + r.lang.String() + "\n" + r.snippet.String()
}

// Tapped selects the row's hit.
func (r *hitRow) Tapped(*fyne.PointEvent) {
	if r.id >= 0 {
		r.p.list.Select(r.id)
	}
}

// DoubleTapped selects the row's hit and adds it to the brief.
func (r *hitRow) DoubleTapped(*fyne.PointEvent) {
	if r.id < 0 {
		return
	}
	r.p.list.Select(r.id)
	r.p.u.addSelected()
}

// CreateRenderer draws the row's content, cutting the snippet again when
// the row's width changes.
func (r *hitRow) CreateRenderer() fyne.WidgetRenderer {
	return &hitRowRenderer{WidgetRenderer: widget.NewSimpleRenderer(r.content), r: r}
}

// hitRowRenderer lays out a hitRow.
type hitRowRenderer struct {
	fyne.WidgetRenderer
	r *hitRow
}

// Layout refits the snippet to a new width.
func (h *hitRowRenderer) Layout(size fyne.Size) {
	if size.Width != h.r.width {
		h.r.width = size.Width
		h.r.show(h.r.id)
	}
	h.WidgetRenderer.Layout(size)
}
