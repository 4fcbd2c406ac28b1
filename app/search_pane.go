package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/index"
	"attache/index/themes"
)

// searchLimit is how many hits the result list shows.
const searchLimit = 50

// searchPane is the query field, its filters and the result list.
type searchPane struct {
	u *ui

	query *queryEntry
	// docSel, langSel and themeSel filter the hits; sameLang turns off
	// cross-language search; clear removes every filter.
	docSel, langSel, themeSel *filterSelect
	// facets are the counts the filters show, nil before a search.
	facets   map[string][]index.FacetCount
	sameLang *widget.Check
	clear    *widget.Button
	message  *widget.Label
	list     *widget.List
	// weakLine says how many weaker matches there are, with a button that
	// shows them after the others.
	weakLine *fyne.Container
	weakText *widget.Label
	weakBtn  *widget.Button
	content  fyne.CanvasObject

	// hits and total are the results on show; strong counts the hits
	// before the weaker ones.
	hits  []index.Hit
	total int
	// res is the last search's results.
	res *index.Results
	// showWeak says the weaker matches are shown after the others.
	showWeak bool
	// selected is the index of the selected hit, or -1.
	selected int
	// gen numbers searches; results of an older one are dropped.
	gen int
	// cancel stops the search waiting or running, if any.
	cancel func()
	// heights are the result rows' heights as last set.
	heights map[int]float32
	// readFirst asks the next results to select their first hit, so that
	// the reader shows it.
	readFirst bool
	// trace times searches when ATTACHE_TRACE is set.
	trace *searchTrace
	// view counts the changes of what the rows show (new results, the
	// brief's marks); a row shows its hit again only when it changed, or
	// its width did.
	view int
}

func newSearchPane(u *ui) *searchPane {
	p := &searchPane{u: u, selected: -1, cancel: func() {}, trace: newSearchTrace()}
	p.query = newQueryEntry(p)
	p.query.SetPlaceHolder(lang.L("Search the library (Ctrl+F): words, \"phrases\", -not, lang:it"))
	p.query.OnChanged = func(string) { p.schedule() }
	p.query.OnSubmitted = func(string) { p.schedule() }

	// Off by default: an English query also finds the Italian passages on
	// the same thing, and the other way round.
	p.sameLang = widget.NewCheck(lang.L("Same language only"), func(bool) { p.schedule() })

	p.docSel = newFilterSelect("doc", lang.L("All documents"), p.schedule)
	p.langSel = newFilterSelect("lang", lang.L("All languages"), p.schedule)
	p.themeSel = newFilterSelect("theme", lang.L("All themes"), p.schedule)
	p.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), p.clearFilters)
	p.clear.Importance = widget.LowImportance
	p.clear.Hide()

	p.message = wrappingLabel(lang.L("Type to search the library."), fyne.TextStyle{})

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

	p.weakText = widget.NewLabel("")
	p.weakBtn = widget.NewButton(lang.L("Show"), p.toggleWeak)
	p.weakBtn.Importance = widget.LowImportance
	p.weakLine = container.NewBorder(nil, nil, nil, p.weakBtn, p.weakText)
	p.weakLine.Hide()

	filters := container.NewVBox(
		container.NewGridWithColumns(2, p.docSel, p.langSel),
		container.NewBorder(nil, nil, nil, container.NewHBox(p.sameLang, p.clear), p.themeSel))
	top := container.NewVBox(p.query, filters, p.trace.behind(p.message))
	p.content = container.NewBorder(top, p.weakLine, nil, nil, p.list)
	return p
}

// libraryReady runs the query typed so far, if any, now that there is a
// library, and fills the filters.
func (p *searchPane) libraryReady() {
	p.docSel.more = nil
	if p.u.docs.len() > docFilterMost {
		p.docSel.more, p.docSel.moreLabel = p.pickDocFilter, lang.L("Other document…")
	}
	p.fillFilters(nil)
	if strings.TrimSpace(p.query.Text) != "" {
		p.schedule()
	} else {
		p.message.SetText(lang.L("Type to search {{.N}} documents.", map[string]any{"N": p.u.docs.len()}))
	}
}

// schedule runs the current query after the debounce delay, off the UI
// goroutine, cancelling the search still waiting or running: its results
// would be stale.
func (p *searchPane) schedule() {
	p.cancel()
	key := p.trace.keyed()
	p.gen++
	gen := p.gen
	lib := p.u.lib
	q := p.currentQuery()
	p.showClear()
	if lib == nil {
		if q.Text != "" {
			p.message.SetText(lang.L("The library is still opening; the search will run when it is ready."))
		}
		return
	}
	if !p.asks(q) {
		p.apply(gen, nil, nil)
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	stopTimer := p.u.later(func() {
		span := p.trace.begin(key)
		res, err := lib.Search(ctx, q)
		if err == nil && p.showWeak && res.Weak > 0 && len(res.Hits) < res.Total {
			// The weaker matches rank last: fetch them past the others.
			more := q
			more.Offset, more.Limit = res.Total-res.Weak, searchLimit
			if extra, err2 := lib.Search(ctx, more); err2 == nil {
				res.Hits = appendWeak(res.Hits, extra.Hits)
			}
		}
		p.trace.searched(&span)
		fyne.Do(func() {
			p.apply(gen, res, err)
			p.traceShown(span, gen, q.Text, err)
		})
	})
	p.cancel = func() { stopTimer(); stop() }
}

// traceShown logs what became of search gen when tracing.
func (p *searchPane) traceShown(span searchSpan, gen int, text string, err error) {
	switch {
	case errors.Is(err, context.Canceled):
		p.trace.shown(span, "cancelled", text, 0)
	case gen != p.gen:
		p.trace.shown(span, "stale", text, 0)
	default:
		p.trace.shown(span, "shown", text, len(p.hits))
	}
}

// appendWeak adds the weak hits of extra that hits does not hold yet.
func appendWeak(hits, extra []index.Hit) []index.Hit {
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.ID] = true
	}
	for _, h := range extra {
		if !seen[h.ID] {
			hits = append(hits, h)
		}
	}
	return hits
}

// asks reports whether q asks for anything: words or a filter.
func (p *searchPane) asks(q index.Query) bool {
	return q.Text != "" || q.Doc != "" || q.Lang != "" || q.Theme != ""
}

// currentQuery is the query the field and the filters ask for: the filters
// go as the query's fields, never as text added to what was typed. With no
// words typed but a filter chosen, the library lists the passages the
// filters let through.
func (p *searchPane) currentQuery() index.Query {
	return index.Query{Text: strings.TrimSpace(p.query.Text),
		Doc: p.docSel.value, Lang: p.langSel.value, Theme: p.themeSel.value,
		SameLanguage: p.sameLang.Checked, Limit: searchLimit}
}

// apply shows the results of search gen unless a newer one has started.
func (p *searchPane) apply(gen int, res *index.Results, err error) {
	if gen != p.gen || errors.Is(err, context.Canceled) {
		return
	}
	p.list.UnselectAll()
	p.selected = -1
	p.res = res
	p.message.Importance = widget.MediumImportance
	switch {
	case err != nil:
		p.hits, p.total = nil, 0
		p.message.SetText(searchErrorText(err))
		p.message.Importance = widget.DangerImportance
	case res == nil:
		p.hits, p.total = nil, 0
		p.message.SetText(lang.L("Type to search the library."))
	default:
		p.hits, p.total = p.shown(res), res.Total
		strong := 0
		for _, h := range p.hits {
			if !h.Weak {
				strong++
			}
		}
		p.message.SetText(resultsMessage(res, strong))
		if res.Listing {
			// The counts beside the filters would only echo the listing.
			p.fillFilters(nil)
		} else {
			p.fillFilters(res.Facets)
		}
	}
	p.showWeakLine()
	p.message.Refresh()
	p.view++
	p.list.Refresh()
	p.list.ScrollToTop()
	if p.readFirst && len(p.hits) > 0 {
		p.list.Select(0)
	}
	p.readFirst = false
}

// shown is the hits of res to list: the weaker matches only on request.
func (p *searchPane) shown(res *index.Results) []index.Hit {
	if p.showWeak {
		return res.Hits
	}
	var hits []index.Hit
	for _, h := range res.Hits {
		if !h.Weak {
			hits = append(hits, h)
		}
	}
	return hits
}

// showWeakLine shows or hides the "also: N weaker matches" line.
func (p *searchPane) showWeakLine() {
	if p.res == nil || p.res.Listing || p.res.Weak == 0 {
		p.weakLine.Hide()
		return
	}
	p.weakText.SetText(lang.N("also: {{.N}} weaker matches", p.res.Weak, map[string]any{"N": p.res.Weak}))
	if p.showWeak {
		p.weakBtn.SetText(lang.L("Hide"))
	} else {
		p.weakBtn.SetText(lang.L("Show"))
	}
	p.weakLine.Show()
}

// toggleWeak shows or hides the weaker matches after the others.
func (p *searchPane) toggleWeak() {
	p.showWeak = !p.showWeak
	p.schedule()
}

// fillFilters sets the filters' options with the counts of facets (nil
// when there is no query).
func (p *searchPane) fillFilters(facets map[string][]index.FacetCount) {
	p.facets = facets
	ids := p.docFilterIDs(facets)
	named := make(map[string]int, len(ids))
	for _, id := range ids {
		named[p.u.docName(id)]++
	}
	docs := make([]filterOption, 0, len(ids))
	for _, id := range ids {
		label := p.u.docName(id)
		if named[label] > 1 {
			// a menu tells its options apart by label: two documents
			// of one name (copies of a manual) get their IDs
			label += " · " + id
		}
		docs = append(docs, filterOption{id, label})
	}
	p.docSel.fill(docs, facets)

	have := p.u.docs.langs
	var langs []filterOption
	for _, code := range []string{"en", "it"} {
		if have[code] {
			langs = append(langs, filterOption{code, langName(code)})
		}
	}
	p.langSel.fill(langs, facets)

	var ths []filterOption
	for _, th := range themes.Default().Themes {
		ths = append(ths, filterOption{th.ID, themeLabel(th.ID)})
	}
	p.themeSel.fill(ths, facets)
}

// clearFilters removes every filter and searches again.
func (p *searchPane) clearFilters() {
	for _, f := range []*filterSelect{p.docSel, p.langSel, p.themeSel} {
		f.set("")
	}
	p.schedule()
}

// showClear shows the clear button while a filter is on.
func (p *searchPane) showClear() {
	if p.docSel.value != "" || p.langSel.value != "" || p.themeSel.value != "" {
		p.clear.Show()
	} else {
		p.clear.Hide()
	}
}

// filterBy sets the theme and document filters, clears the query, lists
// the passages they let through in reading order and reads the first.
func (p *searchPane) filterBy(themeID, docID string) {
	p.themeSel.set(themeID)
	p.docSel.set(docID)
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

// selectedHit returns the selected hit, if any.
func (p *searchPane) selectedHit() (index.Hit, bool) {
	if p.selected < 0 || p.selected >= len(p.hits) {
		return index.Hit{}, false
	}
	return p.hits[p.selected], true
}

// refreshMarks redraws the rows so that their "in brief" marks follow the
// brief.
func (p *searchPane) refreshMarks() {
	p.view++
	p.list.Refresh()
}

// rowHeight gives result row id the height its lines need, if it changed.
func (p *searchPane) rowHeight(id int, h float32) {
	if p.heights == nil {
		p.heights = map[int]float32{}
	}
	if p.heights[id] == h {
		return
	}
	p.heights[id] = h
	p.list.SetItemHeight(id, h)
}

// docFilterMost is the most documents the document filter lists. A larger
// library's filter lists the documents with the most hits (before a
// search, the first ones), the one chosen, and "Other document…", which
// opens the document picker: a select menu builds a widget per option
// each time it opens (8,224 documents: 42 MB and a pause).
const docFilterMost = 100

// docFilterIDs are the documents the document filter offers, given the
// facet counts of the last search (nil before one).
func (p *searchPane) docFilterIDs(facets map[string][]index.FacetCount) []string {
	if p.u.docs.len() <= docFilterMost {
		return p.u.docs.ids()
	}
	var ids []string
	chosen := p.docSel.value
	if counts := facets["doc"]; counts != nil {
		for _, c := range counts {
			if len(ids) == docFilterMost {
				break
			}
			if _, known := p.u.docs.get(c.Value); known && c.Count > 0 {
				ids = append(ids, c.Value)
			}
		}
	} else {
		for i := 0; i < docFilterMost; i++ {
			ids = append(ids, p.u.docs.idAt(i))
		}
	}
	if _, known := p.u.docs.get(chosen); known && !slices.Contains(ids, chosen) {
		ids = append(ids, chosen)
	}
	return ids
}

// pickDocFilter lets the user pick any document to filter the hits by.
func (p *searchPane) pickDocFilter() {
	p.u.pickDocument(lang.L("Filter by document"), p.filterByDoc)
}

// filterByDoc filters the hits by document id and searches again.
func (p *searchPane) filterByDoc(id string) {
	p.docSel.value = id
	p.fillFilters(p.facets)
	p.schedule()
}
