package index

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// Limits on the number of hits a search returns.
const (
	DefaultLimit = 20
	MaxLimit     = 500
)

// facetSize is the most values a facet reports.
const facetSize = 100

// storedFields are the stored fields a search asks for: none, since a
// hit is built from the library's document store.
var storedFields []string

// Search runs a query. A query that cannot be understood fails with a
// *QueryError; a cancelled ctx stops the search.
func (l *Local) Search(ctx context.Context, q Query) (res *Results, err error) {
	pq, err := parseQuery(listingText(q))
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
	tr := translator{analyzers: l.analyzers}
	if !q.SameLanguage {
		tr.expander = l.expander
	}
	req := bleve.NewSearchRequestOptions(tr.build(pq, q), limit, offset, false)
	req.Fields = storedFields
	req.IncludeLocations = true
	if pq.listing() {
		req.SortBy([]string{fieldDoc, fieldSeq})
	} else {
		req.SortBy([]string{"-_score", fieldDoc, fieldSeq})
	}
	req.AddFacet("doc", bleve.NewFacetRequest(fieldDoc, facetSize))
	req.AddFacet("lang", bleve.NewFacetRequest(fieldLang, facetSize))
	req.AddFacet("theme", bleve.NewFacetRequest(fieldThemes, facetSize))

	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("search failed on a damaged index in %s (%v): restart Attaché to rebuild it", l.dir, r)
		}
	}()
	sr, err := l.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("search: %v", oneLine(err))
	}
	res = &Results{Query: q.Text, Listing: pq.listing(), Total: int(sr.Total), Hits: make([]Hit, 0, len(sr.Hits)), Facets: map[string][]FacetCount{}}
	for _, dm := range sr.Hits {
		res.Hits = append(res.Hits, l.hit(dm))
	}
	for _, name := range []string{"doc", "lang", "theme"} {
		res.Facets[name] = facetCounts(sr.Facets[name])
	}
	return res, nil
}

// hit builds one match from the store: the passage's record and its
// document's (for the citation), two small reads and no JSON. A passage
// the store does not hold (an import in this process not yet committed)
// is a hit with its ID only.
func (l *Local) hit(dm *search.DocumentMatch) Hit {
	var p *corpus.Passage
	var meta corpus.Meta
	l.store.view(func(tx *bolt.Tx) error {
		var err error
		if p, err = getPassage(tx, dm.ID); err != nil {
			return err
		}
		rec, err := getDocRecord(tx, p.DocID, false)
		if err == nil {
			meta = rec.Meta
		}
		return nil
	})
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
