package index

import (
	"slices"
	"strings"

	"attache/index/corpus"
)

// dropFromFacets takes passages found to be no hits (a required term not
// held as typed: query.TierNone) out of the facet counts, which the index
// counted before the ranking read them, so that the facets count the hits
// Total counts. A value left with no passage goes; the others keep their
// order (count, then value).
func dropFromFacets(facets map[string][]FacetCount, dropped []corpus.Passage) {
	if len(dropped) == 0 {
		return
	}
	minus := map[string]map[string]int{"doc": {}, "lang": {}, "theme": {}}
	for _, p := range dropped {
		minus["doc"][p.DocID]++
		minus["lang"][p.Lang]++
		for _, th := range p.Themes {
			minus["theme"][th]++
		}
	}
	for name, m := range minus {
		fc, ok := facets[name]
		if !ok || len(m) == 0 {
			continue
		}
		out := make([]FacetCount, 0, len(fc))
		for _, c := range fc {
			c.Count -= m[c.Value]
			if c.Count > 0 {
				out = append(out, c)
			}
		}
		slices.SortStableFunc(out, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		facets[name] = out
	}
}
