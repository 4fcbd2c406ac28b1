// Package eval measures a library's search against sets of graded
// judgments (testdata/eval*.json): nDCG@10, P@5 with the ceiling a
// perfect ranking reaches, recall@10 and phrase precision, per kind of
// query and overall. It takes any index.Library, so the embedded Bleve
// library and the team library are measured alike.
package eval

import (
	"context"
	"fmt"

	"attache/index"
)

// Report is the outcome of Run in one mode.
type Report struct {
	// SameLanguage is true when the queries ran without cross-language
	// expansion.
	SameLanguage bool `json:"same_language"`
	// Overall averages every query; Kinds each kind's queries.
	Overall Figures            `json:"overall"`
	Kinds   map[string]Figures `json:"kinds"`
	// Queries gives each query's figures, in set order.
	Queries []QueryResult `json:"queries"`
	// Resolved counts judged passages whose ID was not in the library and
	// that were found by their quote instead; Missing those not found.
	Resolved int      `json:"resolved,omitempty"`
	Missing  []string `json:"missing,omitempty"`
	// Judged is the share of the top 10 hits of every query that have a
	// grade; Unjudged names the others ("query: passage ID"). A hit with
	// no grade counts as not relevant unread, so the figures are only as
	// good as Judged is near 1: read and grade the Unjudged (pooling).
	Judged   float64  `json:"judged_share"`
	Unjudged []string `json:"unjudged,omitempty"`
}

// Run runs every query of set against lib (sameLanguage turns off
// cross-language expansion) and measures the top hits against the
// judgments.
func Run(ctx context.Context, lib index.Library, set *Set, sameLanguage bool) (*Report, error) {
	rep := &Report{SameLanguage: sameLanguage, Kinds: map[string]Figures{}}
	res := newResolver(lib)
	byKind := map[string][]QueryResult{}
	top := 0
	for _, q := range set.Queries {
		grades := map[string]int{}
		for _, p := range q.Judged {
			id, how := res.resolve(p)
			switch how {
			case "missing":
				rep.Missing = append(rep.Missing, fmt.Sprintf("%s (%s: %q)", p.ID, q.Query, p.Quote))
				continue
			case "quote":
				rep.Resolved++
			}
			grades[id] = max(grades[id], p.Grade)
		}
		results, err := lib.Search(ctx, index.Query{Text: q.Query, SameLanguage: sameLanguage, Limit: Cutoff})
		if err != nil {
			return nil, fmt.Errorf("query %q: %w", q.Query, err)
		}
		var ids, texts []string
		for _, h := range results.Hits {
			ids = append(ids, h.ID)
			texts = append(texts, h.Text)
			if len(ids) <= Cutoff {
				top++
				if _, ok := grades[h.ID]; !ok {
					rep.Unjudged = append(rep.Unjudged, fmt.Sprintf("%s: %s", q.Query, h.ID))
				}
			}
		}
		r := measure(q, ids, texts, grades)
		rep.Queries = append(rep.Queries, r)
		byKind[q.Kind] = append(byKind[q.Kind], r)
	}
	rep.Judged = 1
	if top > 0 {
		rep.Judged = float64(top-len(rep.Unjudged)) / float64(top)
	}
	rep.Overall = average(rep.Queries)
	for k, rs := range byKind {
		rep.Kinds[k] = average(rs)
	}
	return rep, nil
}
