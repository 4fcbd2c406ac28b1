package index

import (
	"testing"
)

// TestMarksAgreeWithBleve checks that a search that reads from its
// tracker's marks (the strong count in the same pass, the tiers and the
// page's term locations without a second search) and checks a typed
// word's inflection only where it could change the tier, and runs its
// query tree in one flat searcher (flatQuery), answers exactly as one
// that asks Bleve, runs Bleve's searchers and checks every one: the same total, weak count, hits in the same order
// with the same tiers, snippets and marks, and facets; in a library
// small enough for one pass and as a large one would search.
func TestMarksAgreeWithBleve(t *testing.T) {
	l := library(t)
	texts := append(append([]string{}, benchQueries...),
		"digit* digital", `"digital divide" digital`, `digital "digital divide"`, "cyber* cybersecurity",
		"sicurezza -informatica", "+digital +skills", "cables theme:connectivity", "cavi lang:it",
		"security", "sicurezza", "members", "Stati membri", "the", "of digital", "cabl*",
		`"sovranità digitale" cloud`, "intelligence artificial", "diritti digitali umani",
		"governance", "internet governance", "government digital", "technology", "technologies cables",
	)
	var queries []Query
	for _, text := range texts {
		queries = append(queries,
			Query{Text: text},
			Query{Text: text, SameLanguage: true},
			Query{Text: text, Limit: 5, Offset: 12},
			Query{Text: text, Lang: "en", Facets: []string{"lang", "theme"}},
		)
	}
	defer func(saved int) {
		searchPaths.twoPassAt, searchPaths.noMarks, searchPaths.checkAll, searchPaths.noFlat = saved, false, false, false
	}(searchPaths.twoPassAt)
	for _, twoPass := range []int{1 << 30, 0} {
		searchPaths.twoPassAt = twoPass
		for _, q := range queries {
			w, g, _ := answersBothWays(t, l, q, func(on bool) {
				searchPaths.noMarks, searchPaths.checkAll, searchPaths.noFlat = on, on, on
			})
			if w != g {
				t.Errorf("two passes from %d passages, %+v:\nwith marks %s\nthrough Bleve %s", twoPass, q, g, w)
			}
		}
	}
}
