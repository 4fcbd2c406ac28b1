package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/index"
	"attache/index/themes"
)

// searchLimit is how many hits the result list shows.
const searchLimit = 50

// Labels of the filters' "no filter" choices.
const (
	allDocs   = "All documents"
	allLangs  = "All languages"
	allThemes = "All themes"
)

// searchPane is the query field, its filters and the result list.
type searchPane struct {
	u *ui

	query   *queryEntry
	docSel  *widget.Select
	langSel *widget.Select
	// themeSel filters by theme; sameLang turns off cross-language search.
	themeSel *widget.Select
	sameLang *widget.Check
	message  *widget.Label
	list     *widget.List
	content  fyne.CanvasObject

	// doc, lang and theme are the filters' values ("" for all).
	doc, lang, theme string
	// docChoice, langChoice and themeChoice map the filters' option labels
	// to values.
	docChoice, langChoice, themeChoice map[string]string
	// hits and total are the results on show.
	hits  []index.Hit
	total int
	// selected is the index of the selected hit, or -1.
	selected int
	// gen numbers searches; results of an older one are dropped.
	gen    int
	cancel func()
	// filling is true while the filters' options are being replaced.
	filling bool
	// readFirst asks the next results to select their first hit, so that
	// the reader shows it.
	readFirst bool
}

func newSearchPane(u *ui) *searchPane {
	p := &searchPane{u: u, selected: -1, cancel: func() {}}
	p.query = newQueryEntry(p)
	p.query.SetPlaceHolder("Search the library (Ctrl+F): words, \"phrases\", -not, lang:it")
	p.query.OnChanged = func(string) { p.schedule() }
	p.query.OnSubmitted = func(string) { p.schedule() }

	// Off by default: an English query also finds the Italian passages on
	// the same thing, and the other way round.
	p.sameLang = widget.NewCheck("Same language only", func(bool) { p.schedule() })

	p.docChoice = map[string]string{allDocs: ""}
	p.langChoice = map[string]string{allLangs: ""}
	p.docSel = widget.NewSelect([]string{allDocs}, func(s string) {
		if p.filling {
			return
		}
		p.doc = p.docChoice[s]
		p.schedule()
	})
	p.docSel.SetSelected(allDocs)
	p.langSel = widget.NewSelect([]string{allLangs}, func(s string) {
		if p.filling {
			return
		}
		p.lang = p.langChoice[s]
		p.schedule()
	})
	p.langSel.SetSelected(allLangs)
	p.themeChoice = map[string]string{allThemes: ""}
	p.themeSel = widget.NewSelect([]string{allThemes}, func(s string) {
		if p.filling {
			return
		}
		p.theme = p.themeChoice[s]
		p.schedule()
	})
	p.themeSel.SetSelected(allThemes)

	p.message = wrappingLabel("Type to search the library.", fyne.TextStyle{})

	p.list = widget.NewList(
		func() int { return len(p.hits) },
		func() fyne.CanvasObject { return newHitRow(p) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*hitRow).show(id) },
	)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.selected = id
		if id >= 0 && id < len(p.hits) {
			p.u.reader.showPassage(p.hits[id].DocID, p.hits[id].ID)
		}
	}
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1 }

	filters := container.NewVBox(
		container.NewGridWithColumns(2, p.docSel, p.langSel),
		container.NewBorder(nil, nil, nil, p.sameLang, p.themeSel))
	top := container.NewVBox(p.query, filters, p.message)
	p.content = container.NewBorder(top, nil, nil, nil, p.list)
	return p
}

// libraryReady runs the query typed so far, if any, now that there is a
// library, and fills the filters.
func (p *searchPane) libraryReady() {
	p.fillFilters(nil)
	if strings.TrimSpace(p.query.Text) != "" {
		p.schedule()
	} else {
		p.message.SetText(fmt.Sprintf("Type to search %d documents.", len(p.u.docs)))
	}
}

// schedule runs the current query after the debounce delay, off the UI
// goroutine, dropping any search still waiting.
func (p *searchPane) schedule() {
	p.cancel()
	p.gen++
	gen := p.gen
	lib := p.u.lib
	q := p.currentQuery()
	if lib == nil {
		if q.Text != "" {
			p.message.SetText("The library is still opening; the search will run when it is ready.")
		}
		return
	}
	if q.Text == "" {
		p.apply(gen, q, nil, nil, nil)
		return
	}
	typed := strings.TrimSpace(p.query.Text)
	p.cancel = p.u.later(func() {
		res, err := lib.Search(context.Background(), q)
		var all *index.Results
		if err == nil && typed != "" && (q.Doc != "" || q.Lang != "" || q.Theme != "") {
			// The filters' counts are those of the query without filters.
			all, _ = lib.Search(context.Background(), index.Query{Text: typed, SameLanguage: q.SameLanguage, Limit: 1})
		}
		fyne.Do(func() { p.apply(gen, q, res, all, err) })
	})
}

// currentQuery is the query the field and the filters ask for. With no
// words typed but a filter chosen, it lists the passages the filters let
// through (as the query "theme:ID doc:ID" does).
func (p *searchPane) currentQuery() index.Query {
	q := index.Query{Text: strings.TrimSpace(p.query.Text), Doc: p.doc, Lang: p.lang, Theme: p.theme,
		SameLanguage: p.sameLang.Checked, Limit: searchLimit}
	if q.Text == "" {
		var f []string
		for _, kv := range [][2]string{{"theme", p.theme}, {"doc", p.doc}, {"lang", p.lang}} {
			if kv[1] != "" {
				f = append(f, kv[0]+":"+kv[1])
			}
		}
		q.Text = strings.Join(f, " ")
	}
	return q
}

// apply shows the results of search gen unless a newer one has started.
func (p *searchPane) apply(gen int, q index.Query, res, all *index.Results, err error) {
	if gen != p.gen {
		return
	}
	p.list.UnselectAll()
	p.selected = -1
	switch {
	case err != nil:
		p.hits, p.total = nil, 0
		p.message.SetText(oneLine(err.Error()))
		p.message.Importance = widget.DangerImportance
	case res == nil:
		p.hits, p.total = nil, 0
		p.message.SetText("Type to search the library.")
		p.message.Importance = widget.MediumImportance
	default:
		p.hits, p.total = res.Hits, res.Total
		p.message.Importance = widget.MediumImportance
		// With no words typed, the filters alone list passages in reading
		// order; the counts beside the filters would only echo them.
		listing := strings.TrimSpace(p.query.Text) == ""
		switch {
		case len(res.Hits) == 0:
			p.message.SetText("No passages match.")
		case listing && res.Total > len(res.Hits):
			p.message.SetText(fmt.Sprintf("%d passages pass the filters; the first %d are shown. Type to search among them.", res.Total, len(res.Hits)))
		case listing:
			verb := "pass"
			if res.Total == 1 {
				verb = "passes"
			}
			p.message.SetText(fmt.Sprintf("%s %s the filters. Type to search among them.", plural(res.Total, "passage"), verb))
		case res.Total > len(res.Hits):
			p.message.SetText(fmt.Sprintf("%d passages match; the best %d are shown.", res.Total, len(res.Hits)))
		case res.Total == 1:
			p.message.SetText("1 passage matches.")
		default:
			p.message.SetText(fmt.Sprintf("%d passages match.", res.Total))
		}
		if all == nil {
			all = res
		}
		if listing {
			p.fillFilters(nil)
		} else {
			p.fillFilters(all.Facets)
		}
	}
	p.message.Refresh()
	p.list.Refresh()
	p.list.ScrollToTop()
	if p.readFirst && len(p.hits) > 0 {
		p.list.Select(0)
	}
	p.readFirst = false
}

// fillFilters sets the filters' options with the counts of facets (nil
// when there is no query).
func (p *searchPane) fillFilters(facets map[string][]index.FacetCount) {
	count := func(name, value string) string {
		if facets == nil {
			return ""
		}
		for _, f := range facets[name] {
			if f.Value == value {
				return fmt.Sprintf(" (%d)", f.Count)
			}
		}
		return " (0)"
	}
	p.filling = true
	defer func() { p.filling = false }()

	p.docChoice = map[string]string{allDocs: ""}
	docOpts := []string{allDocs}
	docSel := allDocs
	for _, id := range p.u.sortedDocIDs() {
		label := p.u.docName(id) + count("doc", id)
		p.docChoice[label] = id
		docOpts = append(docOpts, label)
		if id == p.doc {
			docSel = label
		}
	}
	p.docSel.SetOptions(docOpts)
	p.docSel.SetSelected(docSel)

	langs := map[string]bool{}
	for _, d := range p.u.docs {
		langs[d.Lang] = true
	}
	p.langChoice = map[string]string{allLangs: ""}
	langOpts := []string{allLangs}
	langSel := allLangs
	for _, code := range []string{"en", "it"} {
		if !langs[code] {
			continue
		}
		label := langName(code) + count("lang", code)
		p.langChoice[label] = code
		langOpts = append(langOpts, label)
		if code == p.lang {
			langSel = label
		}
	}
	p.langSel.SetOptions(langOpts)
	p.langSel.SetSelected(langSel)

	// Themes in the taxonomy's order, labelled in English; with a query,
	// those without a matching passage go to the end.
	p.themeChoice = map[string]string{allThemes: ""}
	themeOpts := []string{allThemes}
	var silent []string
	themeSel := allThemes
	for _, th := range themes.Default().Themes {
		c := count("theme", th.ID)
		label := th.LabelEN + c
		p.themeChoice[label] = th.ID
		if c == " (0)" && th.ID != p.theme {
			silent = append(silent, label)
		} else {
			themeOpts = append(themeOpts, label)
		}
		if th.ID == p.theme {
			themeSel = label
		}
	}
	p.themeSel.SetOptions(append(themeOpts, silent...))
	p.themeSel.SetSelected(themeSel)
}

// filterBy sets the theme and document filters, clears the query, lists
// the passages they let through in reading order and reads the first.
func (p *searchPane) filterBy(themeID, docID string) {
	p.theme, p.doc = themeID, docID
	p.readFirst = true
	p.fillFilters(nil)
	if p.query.Text != "" {
		p.query.SetText("") // schedules the listing
		return
	}
	p.schedule()
}

// step selects the hit after (+1) or before (-1) the selected one.
func (p *searchPane) step(delta int) {
	if len(p.hits) == 0 {
		return
	}
	i := p.selected + delta
	if p.selected < 0 {
		i = 0
	}
	i = max(0, min(i, len(p.hits)-1))
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// queryEntry is the query field; Up and Down in it move through the
// results, so that the keyboard alone can search, pick and add.
type queryEntry struct {
	widget.Entry
	p *searchPane
}

func newQueryEntry(p *searchPane) *queryEntry {
	e := &queryEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the results on Up and Down, and clears the query
// on Escape.
func (e *queryEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.step(1)
	case fyne.KeyUp:
		e.p.step(-1)
	case fyne.KeyEscape:
		if !e.p.u.closeTopDialog() {
			e.SetText("")
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// selectedHit returns the selected hit, if any.
func (p *searchPane) selectedHit() (index.Hit, bool) {
	if p.selected < 0 || p.selected >= len(p.hits) {
		return index.Hit{}, false
	}
	return p.hits[p.selected], true
}

// refreshMarks redraws the rows so that their "in brief" marks follow the
// brief.
func (p *searchPane) refreshMarks() { p.list.Refresh() }

// snippetSegments splits a snippet at its marks into text segments, the
// matched words bold in the primary colour, runs of white space folded.
func snippetSegments(snippet index.Snippet) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := widget.RichTextStyleInline
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
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

// oneLine folds runs of white space, newlines included, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

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
	r.snippet = wrappingRichText()
	// Rows of one height scroll smoothly; the snippet is cut to fit.
	h := snippetLines*fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	spacer := canvas.NewRectangle(nil)
	spacer.SetMinSize(fyne.NewSize(10, h))
	// The name and the locator lines sit close together, as one heading.
	r.top = container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.InnerPadding()),
		container.NewBorder(nil, nil, nil, r.mark, r.head),
		container.NewBorder(nil, nil, nil, r.lang, r.loc))
	r.content = container.NewBorder(r.top, nil, nil, nil, container.NewStack(spacer, r.snippet))
	r.ExtendBaseWidget(r)
	return r
}

// show fills the row with hit id.
func (r *hitRow) show(id int) {
	r.id = id
	if id < 0 || id >= len(r.p.hits) {
		return
	}
	h := r.p.hits[id]
	loc := h.Locator
	if h.Page > 0 {
		loc += fmt.Sprintf(", p. %d", h.Page)
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
		r.mark.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Bold: true}}, Text: "✓ in brief"}}
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
	r.snippet.Segments = fitSegments(snippetSegments(snip), r.fitRunes())
	r.snippet.Refresh()
}

// locFits reports whether a locator fits its line beside the language.
func (r *hitRow) locFits(loc string) bool {
	w := r.width - 2*theme.InnerPadding() - r.lang.MinSize().Width - theme.Padding()
	if r.width <= 0 {
		w = 360
	}
	return fyne.MeasureText(loc, theme.CaptionTextSize(), fyne.TextStyle{}).Width <= w
}

// fitLocator shortens a locator until fits accepts it by cutting the
// quoted heading in it rather than its end, so that the pinpoint (para. 3,
// point 2, p. 7) stays in view: `"Safe, secure and trustworthy…", para. 3`.
// A locator without a quoted heading, or one that does not fit even with
// a few characters of its heading, is returned whole (the line's own
// ellipsis then cuts its end).
func fitLocator(loc string, fits func(string) bool) string {
	if fits(loc) {
		return loc
	}
	open := strings.IndexRune(loc, '"')
	if open < 0 {
		return loc
	}
	closing := strings.IndexRune(loc[open+1:], '"')
	if closing < 0 {
		return loc
	}
	rs := []rune(loc)
	a := len([]rune(loc[:open+1]))
	b := a + len([]rune(loc[open+1:open+1+closing]))
	const minKeep = 8
	for keep := b - a - 1; keep >= minKeep; keep-- {
		short := string(rs[:a]) + strings.TrimRight(string(rs[a:a+keep]), " ,;:") + "…" + string(rs[b:])
		if fits(short) {
			return short
		}
	}
	return loc
}

// fitRunes estimates how many characters fill the snippet's lines at the
// row's width, leaving room for words that wrap early.
func (r *hitRow) fitRunes() int {
	w := r.width - 2*theme.InnerPadding()
	if w <= 0 {
		w = 360
	}
	avg := fyne.MeasureText("abcdefghijklmnopqrstuvwxyz", theme.TextSize(), fyne.TextStyle{}).Width / 26
	n := int(float32(snippetLines) * w / avg * 0.85)
	return max(n, 40)
}

// fitSegments cuts segments to about n runes around the first emphasised
// one, marking the cuts with "…".
func fitSegments(segs []widget.RichTextSegment, n int) []widget.RichTextSegment {
	total, first := 0, -1
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if first < 0 && ts.Style.TextStyle.Bold {
			first = total
		}
		total += len([]rune(ts.Text))
	}
	if total <= n {
		return segs
	}
	start := 0
	if first > n/3 {
		start = first - n/3
	}
	end := min(total, start+n)
	start, end = wordBounds(segs, start, end, first)
	var out []widget.RichTextSegment
	pos := 0
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		rs := []rune(ts.Text)
		a, b := max(start-pos, 0), min(end-pos, len(rs))
		pos += len(rs)
		if a >= b {
			continue
		}
		out = append(out, &widget.TextSegment{Style: ts.Style, Text: string(rs[a:b])})
	}
	if len(out) > 0 {
		if start > 0 {
			f := out[0].(*widget.TextSegment)
			f.Text = "…" + strings.TrimLeft(f.Text, " ")
		}
		if end < total {
			l := out[len(out)-1].(*widget.TextSegment)
			l.Text = strings.TrimRight(l.Text, " ") + "…"
		}
	}
	return out
}

// wordBounds moves a cut at start forward, and one at end back, to the
// nearest space, so that a snippet does not begin or end in the middle of
// a word; it never moves start past first (the first emphasised rune) nor
// by more than a long word.
func wordBounds(segs []widget.RichTextSegment, start, end, first int) (int, int) {
	var rs []rune
	for _, s := range segs {
		rs = append(rs, []rune(s.(*widget.TextSegment).Text)...)
	}
	const longWord = 20
	if start > 0 && !unicode.IsSpace(rs[start-1]) {
		for i := start; i < len(rs) && i < start+longWord && (first < 0 || i < first); i++ {
			if unicode.IsSpace(rs[i]) {
				start = i + 1
				break
			}
		}
	}
	if end < len(rs) && !unicode.IsSpace(rs[end]) {
		for i := end - 1; i > start && i > end-longWord && i > first; i-- {
			if unicode.IsSpace(rs[i]) {
				end = i
				break
			}
		}
	}
	return start, end
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
