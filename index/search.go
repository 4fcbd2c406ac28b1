package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
	"attache/index/query"
)

// Limits on the number of hits a search returns.
const (
	DefaultLimit = 20
	MaxLimit     = 500
)

// facetSize is the most values a facet reports.
const facetSize = 100

// Search runs a query. A query that cannot be understood fails with a
// *QueryError; a cancelled ctx stops the search.
//
// The hits are ranked by tier first (see query.Tier: every word as typed,
// then every word through equivalents or context, then some words, then
// weak matches of one common word of several), then by text score times
// the theme factor. Facets are counted under the other active filters.
func (l *Local) Search(ctx context.Context, q Query) (res *Results, err error) {
	pq, err := query.Parse(listingText(q))
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if limit > MaxLimit {
		limit = MaxLimit
	}
	offset := max(q.Offset, 0)

	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed || l.idx == nil || l.store == nil {
		return nil, ErrClosed
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("search failed on a damaged index in %s (%v): restart Attaché to rebuild it", l.dir, r)
		}
	}()
	opt := query.Options{Langs: planLangs}
	var stats *termStats
	var exp Expander
	if !q.SameLanguage && !pq.Listing() {
		exp = l.expansion()
	}
	if exp != nil {
		stats = newTermStats(l.idx, l.analyzers)
		defer stats.close()
		opt.Expander = exp
		opt.Rarity = stats.rarity
	} else if !pq.Listing() {
		stats = newTermStats(l.idx, l.analyzers)
		defer stats.close()
		opt.Rarity = stats.rarity
	}
	plan := query.NewPlan(pq, opt)
	plan.AddFilter("lang", strings.TrimSpace(q.Lang))
	plan.AddFilter("doc", strings.TrimSpace(q.Doc))
	plan.AddFilter("theme", strings.TrimSpace(q.Theme))
	b := bleveQuery{analyzers: l.analyzers, analysed: map[[2]string][]token{}}

	size := limit
	from := offset
	if !plan.Listing {
		// Ranking by tier reorders Bleve's best hits: take enough of them
		// that the page is drawn from the right ones.
		size, from = offset+limit+rerankExtra, 0
	}
	collect := size
	if !plan.Listing {
		collect += tieSlack
	}
	// A ranked search follows which leaves of its query match each
	// passage (see matchTracker), so that it counts the strong matches
	// in its one pass over them.
	var tr *matchTracker
	if !plan.Listing && !searchPaths.noMarks {
		tr = newMatchTracker()
		defer tr.close()
	}
	tb := b
	tb.track = tr
	textQuery := tb.build(plan)
	if tr != nil {
		if len(tr.leaves) <= maxLeaves {
			textQuery = tr.root(textQuery, plan)
		} else {
			tr.stale = true
			textQuery = b.build(plan)
		}
	}
	req := bleve.NewSearchRequestOptions(textQuery, collect, from, false)
	// No stored fields: ranking reads the term locations (their fields
	// say the language), the themes come from one search on the themes
	// field, a passage's text and a hit's details from the document store.
	// A ranked search reads the locations of the hits it keeps only
	// (see withLocations), not of every match.
	twoPass := !plan.Listing && l.largeIndex()
	req.IncludeLocations = !twoPass
	if plan.Listing {
		req.SortBy([]string{fieldDoc, fieldSeq})
	} else {
		// By score alone: sorting on _id too makes Bleve read the ID of
		// every match. Ties are broken by ID below, on the hits in hand.
		req.SortBy([]string{"-_score"})
	}
	active := activeFilters(plan)
	wanted := wantedFacets(q.Facets)
	var open []string // the facets counted in this search
	for _, name := range facetNames {
		if !active[name] && wanted[name] {
			open = append(open, name)
		}
	}
	tally := l.facetCol.newTally(open)
	sctx := tally.context(ctx)
	var cut *scoreCut
	if tr != nil && !searchPaths.noCut {
		// the matches that cannot be collected are counted, not collected
		cut = &scoreCut{k: collect + from, tally: tally, t: tr}
		sctx = withScoreCut(sctx, cut)
	}
	var sr *bleve.SearchResult
	own := false
	if twoPass && cut != nil && !searchPaths.noOwnCollector {
		// the library collects the best matches itself (collectRanked)
		var release func()
		sr, release, own, err = l.collectRanked(sctx, req.Query, collect+from, tally)
		if own && err != nil {
			return nil, searchError(ctx, err)
		}
		if own {
			defer release()
		}
	}
	if !own {
		if sr, err = l.search(sctx, req); err != nil {
			return nil, err
		}
	}
	if cut != nil {
		cut.count()
		sr.Total += uint64(cut.skipped)
	}
	if tr != nil {
		tr.counting = false // the later searches see some matches again
	}
	facets := map[string][]FacetCount{}
	for _, name := range open {
		facets[name] = tally.facets(name)
	}
	if tally.failed {
		// the column cannot count these: Bleve counts them
		for _, name := range open {
			req.AddFacet(name, bleve.NewFacetRequest(filterField(name), facetSize))
		}
		if sr, err = l.search(ctx, req); err != nil {
			return nil, err
		}
		for _, name := range open {
			facets[name] = facetCounts(sr.Facets[name])
		}
		req.Facets = nil
	}
	if !plan.Listing {
		if !byScoreThenID(sr, size) {
			// Ties at the cut: the hits in hand may not be the ones the
			// ID would pick. Ask Bleve for exactly those.
			req.Size = size
			req.SortBy([]string{"-_score", "_id"})
			if sr, err = l.search(ctx, req); err != nil {
				return nil, err
			}
		}
	}
	// In a large library the ranking reads how each candidate matched
	// from the tracker's marks, and the page's hits their term locations
	// from the index; where the marks cannot tell, from a second search.
	marked := twoPass && tr.usable()
	var vec *vectorReader
	if marked {
		vec = newVectorReader(tr.reader)
		vec.kept = tr
		defer vec.close()
	} else if twoPass {
		if err := l.withLocations(ctx, textQuery, sr.Hits); err != nil {
			return nil, err
		}
	}
	res = &Results{Query: q.Text, Listing: plan.Listing, Total: int(sr.Total), Hits: make([]Hit, 0, limit), Facets: facets}
	// A facet whose filter is on is counted without it, under the others.
	for _, name := range facetNames {
		if !active[name] || !wanted[name] {
			continue
		}
		fr := bleve.NewSearchRequestOptions(b.filtered(plan, b.build(withoutFilters(plan)), name), 0, 0, false)
		fr.Score = bleve.ScoreNone // counts only
		ft := l.facetCol.newTally([]string{name})
		if _, err := l.search(ft.context(ctx), fr); err != nil {
			return nil, err
		}
		res.Facets[name] = ft.facets(name)
		if ft.failed {
			// the column cannot count it: Bleve counts it
			fr.AddFacet(name, bleve.NewFacetRequest(filterField(name), facetSize))
			fsr, err := l.search(ctx, fr)
			if err != nil {
				return nil, err
			}
			res.Facets[name] = facetCounts(fsr.Facets[name])
		}
	}
	// one read transaction for the passages the ranking and the hits read
	pr := &passageReader{store: l.store}
	defer pr.close()
	if plan.Listing {
		for _, dm := range sr.Hits {
			res.Hits = append(res.Hits, l.hit(pr, dm))
		}
		return res, nil
	}
	var themed map[string]bool
	if marked {
		var ok bool
		if themed, ok = themedByFacets(tally, tr.reader, plan, sr.Hits); !ok {
			themed, err = themedByValues(tr.reader, plan, sr.Hits)
		}
	} else {
		themed, err = l.themed(ctx, plan, sr.Hits)
	}
	if err != nil {
		return nil, err
	}
	rk := newRanker(plan, b)
	rk.body = pr.text
	rk.context = l.contextMemo()
	if marked {
		rk.boundsFor = func(dm *search.DocumentMatch) tierBounds {
			bits := tr.bitsOf(dm.IndexInternalID)
			code := tr.markLang(bits)
			if code == "" {
				tr.inexact = true
				return tierBounds{}
			}
			return rk.bounds(code, markSource{t: tr, bits: bits, code: code, id: dm.IndexInternalID, vec: vec}, dm.ID)
		}
	}
	need, weakAll := offset+limit, len(sr.Hits) == int(sr.Total)
	ranked := rk.rank(sr.Hits, themed, need, weakAll)
	if marked && tr.inexact {
		marked, rk.boundsFor = false, nil
		if err := l.withLocations(ctx, textQuery, sr.Hits); err != nil {
			return nil, err
		}
		ranked = rk.rank(sr.Hits, themed, need, weakAll)
	}
	if marked {
		if err := l.pageLocations(ctx, tr, vec, textQuery, ranked[min(offset, len(ranked)):min(offset+limit, len(ranked))]); err != nil {
			return nil, err
		}
	}
	// Matches found not to hold a required term as typed (TierNone, last)
	// are no hits.
	dropped := 0
	var none []corpus.Passage
	for len(ranked) > 0 && ranked[len(ranked)-1].tier == query.TierNone {
		none = append(none, l.hit(pr, ranked[len(ranked)-1].dm).Passage)
		ranked = ranked[:len(ranked)-1]
		dropped++
	}
	dropFromFacets(res.Facets, none)
	for i := offset; i < len(ranked) && i < offset+limit; i++ {
		h := l.hit(pr, ranked[i].dm)
		h.Weak = ranked[i].tier == query.TierWeak
		res.Hits = append(res.Hits, h)
	}
	if len(sr.Hits) == res.Total {
		// Every match is in hand: count the weak ones among them.
		for _, r := range ranked {
			if r.tier == query.TierWeak {
				res.Weak++
			}
		}
	} else if tr.usable() {
		// counted in the search's own pass
		res.Weak = max(0, res.Total-tr.strong)
	} else {
		strong, err := l.count(ctx, b.filtered(plan, rk.strongQuery(b.build(withoutFilters(plan))), ""))
		if err != nil {
			return nil, err
		}
		res.Weak = max(0, res.Total-strong)
	}
	res.Total = max(0, res.Total-dropped)
	return res, nil
}

// rerankExtra is how many hits beyond the page's end a search reranks.
const rerankExtra = 40

// tieSlack is how many hits beyond those it reranks a search collects by
// score alone, so that ties at the cut can be settled by ID in Go.
const tieSlack = 20

// byScoreThenID orders a ranked search's hits, collected by score alone,
// by score then ID (the order Bleve gives when asked to sort on both),
// and keeps the first size. It reports false when that order cannot be
// told from the hits in hand: some of the first size tie with the last
// hit collected, and a match left out may tie with them too.
func byScoreThenID(sr *bleve.SearchResult, size int) bool {
	hits := sr.Hits
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if uint64(len(hits)) < sr.Total && len(hits) > 0 {
		last := hits[len(hits)-1].Score
		above := 0
		for above < len(hits) && hits[above].Score > last {
			above++
		}
		if above < size && above < len(hits) {
			return false
		}
	}
	if len(hits) > size {
		sr.Hits = hits[:size]
	}
	return true
}

// twoPassPassages is the size of a library from which a ranked search
// reads term locations in a second pass (see withLocations): below it,
// the matches are few, their locations cheap, and a second search costs
// more than it saves (the seeds: 10-20% slower in two passes).
const twoPassPassages = 20000

// largeIndex reports whether the index holds twoPassPassages or more.
func (l *Local) largeIndex() bool {
	n, err := l.idx.DocCount()
	return err == nil && n >= uint64(searchPaths.twoPassAt)
}

// searchPaths lets the tests send a search down the other ways it can
// take, to check that they agree.
var searchPaths = struct {
	twoPassAt int  // twoPassPassages
	noMarks   bool // no matchTracker: a count pass, and locations from Bleve
	checkAll  bool // check every typed word's inflection (see tierOf)
	noFlat    bool // Bleve's own searchers for the query tree (see flatten)
	noCut     bool // every match to Bleve's collector (see scoreCut)
	// Bleve's collector for a ranked search's best matches (see collectRanked)
	noOwnCollector bool
	// Bleve's term searchers for the flat searcher's term leaves (see termLeaf)
	noTermLeaves bool
}{twoPassAt: twoPassPassages}

// withLocations fills in the term locations of a ranked search's hits,
// from a second search of the same query narrowed to their IDs: the same
// query matches the same terms of a passage, and asking for locations in
// the first search would make Bleve build them for every match.
func (l *Local) withLocations(ctx context.Context, main bq.Query, dms search.DocumentMatchCollection) error {
	if len(dms) == 0 {
		return nil
	}
	ids := make([]string, len(dms))
	byID := make(map[string]*search.DocumentMatch, len(dms))
	for i, dm := range dms {
		ids[i] = dm.ID
		byID[dm.ID] = dm
	}
	req := bleve.NewSearchRequestOptions(bq.NewConjunctionQuery([]bq.Query{bq.NewDocIDQuery(ids), main}), len(ids), 0, false)
	req.IncludeLocations = true
	sr, err := l.search(ctx, req)
	if err != nil {
		return err
	}
	for _, got := range sr.Hits {
		if dm := byID[got.ID]; dm != nil {
			dm.Locations = got.Locations
		}
	}
	return nil
}

// pageLocations fills in the text locations of the hits of a page, for
// their snippets, from the term vectors of the words their marks say
// matched; when a prefix matched, from a second search.
func (l *Local) pageLocations(ctx context.Context, tr *matchTracker, vec *vectorReader, main bq.Query, page []ranked) error {
	dms := make(search.DocumentMatchCollection, len(page))
	for i, r := range page {
		dms[i] = r.dm
	}
	byNumber(dms)
	for _, dm := range dms {
		bits := tr.bitsOf(dm.IndexInternalID)
		locs, ok := tr.markLocations(vec, dm, bits, tr.markLang(bits))
		if !ok {
			return l.withLocations(ctx, main, dms)
		}
		dm.Locations = locs
	}
	return nil
}

// byNumber sorts matches by document number, the order term readers go.
func byNumber(dms search.DocumentMatchCollection) {
	sort.SliceStable(dms, func(i, j int) bool { return dms[i].IndexInternalID.Compare(dms[j].IndexInternalID) < 0 })
}

// themedByValues is themed read from the themes field's values in the
// snapshot the matches come from, passage by passage, without a search.
func themedByValues(r bindex.IndexReader, plan *query.Plan, dms search.DocumentMatchCollection) (map[string]bool, error) {
	if len(plan.Themes) == 0 || len(dms) == 0 {
		return nil, nil
	}
	dvr, err := r.DocValueReader([]string{fieldThemes})
	if err != nil {
		return nil, fmt.Errorf("search: %v", oneLine(err))
	}
	want := map[string]bool{}
	for _, t := range plan.Themes {
		want[t] = true
	}
	sorted := append(search.DocumentMatchCollection(nil), dms...)
	byNumber(sorted)
	out := map[string]bool{}
	for _, dm := range sorted {
		err := dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			if field == fieldThemes && want[string(term)] {
				out[dm.ID] = true
			}
		})
		if err != nil {
			return nil, fmt.Errorf("search: %v", oneLine(err))
		}
	}
	return out, nil
}

// themedByFacets is themedByValues read from the facet file the search
// counted its facets from (each passage's themes as bits), when that
// file is of the snapshot r the matches come from; ok is false when it
// cannot tell.
func themedByFacets(t *facetTally, r bindex.IndexReader, plan *query.Plan, dms search.DocumentMatchCollection) (out map[string]bool, ok bool) {
	if len(plan.Themes) == 0 || len(dms) == 0 {
		return nil, true
	}
	f := t.file
	if f == nil || t.reader != r || len(f.values[slotTheme]) > maxThemes {
		return nil, false
	}
	var mask uint64
	for i, v := range f.values[slotTheme] {
		if slices.Contains(plan.Themes, v) {
			mask |= 1 << i
		}
	}
	out = map[string]bool{}
	for _, dm := range dms {
		num, ok := docNum(dm.IndexInternalID)
		if !ok {
			return nil, false
		}
		row, ok := f.row(num)
		if !ok {
			return nil, false
		}
		if row.themes&mask != 0 {
			out[dm.ID] = true
		}
	}
	return out, true
}

// themed returns the IDs among the matches that are tagged with a theme
// the plan names, in one search on the themes field (no stored fields).
func (l *Local) themed(ctx context.Context, plan *query.Plan, dms search.DocumentMatchCollection) (map[string]bool, error) {
	if len(plan.Themes) == 0 || len(dms) == 0 {
		return nil, nil
	}
	ids := make([]string, len(dms))
	for i, dm := range dms {
		ids[i] = dm.ID
	}
	q := bq.NewConjunctionQuery([]bq.Query{bq.NewDocIDQuery(ids), keywordQuery(fieldThemes, plan.Themes)})
	sr, err := l.search(ctx, bleve.NewSearchRequestOptions(q, len(ids), 0, false))
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(sr.Hits))
	for _, dm := range sr.Hits {
		out[dm.ID] = true
	}
	return out, nil
}

// facetNames are the facets a search counts.
var facetNames = []string{"doc", "lang", "theme"}

// wantedFacets says which facets a query asks for: those it names, or
// all when it names none.
func wantedFacets(names []string) map[string]bool {
	on := map[string]bool{}
	for _, name := range facetNames {
		on[name] = names == nil
	}
	for _, name := range names {
		on[name] = true
	}
	return on
}

// activeFilters says which filters of a plan are on.
func activeFilters(p *query.Plan) map[string]bool {
	on := map[string]bool{}
	for _, name := range facetNames {
		on[name] = len(p.Filters[name]) > 0 || len(p.Exclude[name]) > 0
	}
	return on
}

// withoutFilters is a plan's copy with no filters, for building the text
// query alone.
func withoutFilters(p *query.Plan) *query.Plan {
	c := *p
	c.Filters, c.Exclude = nil, nil
	return &c
}

// search runs a request, turning Bleve's errors into the library's.
func (l *Local) search(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	sr, err := l.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	return sr, nil
}

// searchError is the library's error for a search that failed with err:
// the context's when it was cancelled or ran out of time, else err in one
// line.
func searchError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("search: %v", oneLine(err))
}

// count returns how many passages a query matches.
func (l *Local) count(ctx context.Context, q bq.Query) (int, error) {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.Score = bleve.ScoreNone // a count needs no scores
	sr, err := l.search(ctx, req)
	if err != nil {
		return 0, err
	}
	return int(sr.Total), nil
}

// hit builds one match from the store: the passage's record and its
// document's (for the citation), two small reads and no JSON. A passage
// the store does not hold (an import in this process not yet committed)
// is a hit with its ID only.
func (l *Local) hit(pr *passageReader, dm *search.DocumentMatch) Hit {
	p := pr.passage(dm.ID)
	var meta corpus.Meta
	if p != nil {
		meta = pr.meta(p.DocID)
	}
	if p == nil {
		return Hit{Passage: corpus.Passage{ID: dm.ID}, Score: dm.Score}
	}
	var spans []span
	for field, terms := range dm.Locations {
		if !strings.HasPrefix(field, "text_") {
			continue
		}
		for _, locs := range terms {
			for _, loc := range locs {
				spans = append(spans, span{int(loc.Start), int(loc.End)})
			}
		}
	}
	return Hit{
		Passage:  *p,
		Score:    dm.Score,
		Citation: Cite(meta, *p),
		Snippet:  makeSnippet(p.Text, spans, snippetLength),
	}
}

// facetCounts turns a Bleve term facet into counts, largest first, then by
// value.
func facetCounts(fr *search.FacetResult) []FacetCount {
	out := []FacetCount{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetCount{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// listingText is the text to parse for q: its own text, or, when that is
// blank and q has filters of its own (Lang, Doc, Theme), those filters, so
// that a query made of filters alone lists their passages.
func listingText(q Query) string {
	if strings.TrimSpace(q.Text) != "" {
		return q.Text
	}
	var filters []string
	for _, f := range []struct{ name, value string }{{"lang", q.Lang}, {"doc", q.Doc}, {"theme", q.Theme}} {
		if v := strings.TrimSpace(f.value); v != "" {
			filters = append(filters, f.name+":"+v)
		}
	}
	return strings.Join(filters, " ")
}

// passageReader reads passages for one search in one read transaction,
// each once: the ranking reads some candidates' text, and the hits of the
// page are mostly among them.
type passageReader struct {
	store *docStore
	tx    *bolt.Tx // begun on the first read
	// cursors on the passages' buckets in tx: by ID, and the passages
	// (a bucket's Get makes a cursor each time)
	ids, passages *bolt.Cursor
	docs          *bolt.Cursor // on the documents' bucket, opened by meta
	read          map[string]*corpus.Passage
	metas         map[string]corpus.Meta // documents' metadata, by ID
}

// meta returns a document's metadata (empty when the store does not
// hold it), read once a search: a page's hits often share documents.
func (r *passageReader) meta(docID string) corpus.Meta {
	if m, ok := r.metas[docID]; ok {
		return m
	}
	var m corpus.Meta
	if r.tx != nil {
		if r.docs == nil {
			if b := r.tx.Bucket(bucketDocs); b != nil {
				r.docs = b.Cursor()
			}
		}
		if r.docs != nil {
			if rec, err := docRecordThrough(r.docs, docID, false); err == nil {
				m = rec.Meta
			}
		}
	}
	if r.metas == nil {
		r.metas = map[string]corpus.Meta{}
	}
	r.metas[docID] = m
	return m
}

// passage returns a passage from the store, or nil when the store does
// not hold it.
func (r *passageReader) passage(id string) *corpus.Passage {
	if p, ok := r.read[id]; ok {
		return p
	}
	if r.tx == nil {
		tx, err := r.store.db.Begin(false)
		if err != nil {
			return nil
		}
		r.tx, r.read = tx, map[string]*corpus.Passage{}
		if ids, passages := tx.Bucket(bucketPassageIDs), tx.Bucket(bucketPassages); ids != nil && passages != nil {
			r.ids, r.passages = ids.Cursor(), passages.Cursor()
		}
	}
	var p *corpus.Passage
	if r.ids != nil {
		p, _ = passageThrough(r.ids, r.passages, id)
	}
	r.read[id] = p
	return p
}

// text is a passage's text, for the ranking, or "" when the store does
// not hold it.
func (r *passageReader) text(id string) string {
	if p := r.passage(id); p != nil {
		return p.Text
	}
	return ""
}

// close ends the read transaction.
func (r *passageReader) close() {
	if r.tx != nil {
		r.tx.Rollback()
		r.tx = nil
	}
}
