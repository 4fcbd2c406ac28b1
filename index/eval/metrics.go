package eval

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cutoff is the rank up to which hits count: nDCG@10, recall@10, phrase
// precision over the top 10.
const Cutoff = 10

// PrecisionCutoff is the rank of P@5.
const PrecisionCutoff = 5

// QueryResult is one query's figures.
type QueryResult struct {
	Query string `json:"query"`
	Kind  string `json:"kind"`
	// NDCG is the normalised discounted cumulative gain of the top 10
	// (gain 2^grade−1, discount log2(rank+1)).
	NDCG float64 `json:"ndcg_at_10"`
	// Precision is the share of the top 5 graded 1 or 2; Ceiling the share
	// a perfect ranking reaches (fewer than 5 relevant passages cap it).
	Precision float64 `json:"p_at_5"`
	Ceiling   float64 `json:"p_at_5_ceiling"`
	// Recall is the share of the relevant passages in the top 10.
	Recall float64 `json:"recall_at_10"`
	// PhrasePrecision, for a phrase query, is the share of its top 10 hits
	// that hold the phrase or a faithful equivalent; -1 for other queries
	// and for phrase queries without hits.
	PhrasePrecision float64 `json:"phrase_precision"`
	// Hits are the IDs of the top 10, for reading.
	Hits []string `json:"hits"`
}

// measure computes a query's figures from its top hits (IDs and texts) and
// the grades of its judged passages by ID.
func measure(q Query, ids, texts []string, grades map[string]int) QueryResult {
	r := QueryResult{Query: q.Query, Kind: q.Kind, PhrasePrecision: -1}
	if len(ids) > Cutoff {
		ids, texts = ids[:Cutoff], texts[:Cutoff]
	}
	r.Hits = ids
	var ideal []int
	for _, g := range grades {
		if g > 0 {
			ideal = append(ideal, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	dcg, idcg := 0.0, 0.0
	found := 0
	for i, id := range ids {
		g := grades[id]
		dcg += gain(g, i)
		if g > 0 {
			found++
			if i < PrecisionCutoff {
				r.Precision++
			}
		}
	}
	for i, g := range ideal {
		if i == Cutoff {
			break
		}
		idcg += gain(g, i)
	}
	if idcg > 0 {
		r.NDCG = dcg / idcg
	}
	r.Precision /= PrecisionCutoff
	r.Ceiling = float64(min(len(ideal), PrecisionCutoff)) / PrecisionCutoff
	if len(ideal) > 0 {
		r.Recall = float64(found) / float64(len(ideal))
	}
	if q.Kind == "phrase" && len(texts) > 0 {
		hold := 0
		for _, t := range texts {
			if holds(t, q.Holds) {
				hold++
			}
		}
		r.PhrasePrecision = float64(hold) / float64(len(texts))
	}
	return r
}

// gain is the discounted gain of grade g at rank i (from 0).
func gain(g, i int) float64 {
	return (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
}

// holds reports whether text has one of the wordings as whole words
// (case and runs of spaces aside): "ai" holds in "AI systems", not in
// "said".
func holds(text string, wordings []string) bool {
	t := normalizeSpace(text)
	for _, w := range wordings {
		w = normalizeSpace(w)
		for at := 0; w != ""; {
			i := strings.Index(t[at:], w)
			if i < 0 {
				break
			}
			i += at
			if !letterAt(t, i-1, true) && !letterAt(t, i+len(w), false) {
				return true
			}
			at = i + 1
		}
	}
	return false
}

// letterAt reports whether the character ending (before) or starting at
// byte i of s is a letter or digit.
func letterAt(s string, i int, before bool) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Figures are a group of queries' figures, averaged.
type Figures struct {
	Queries   int     `json:"queries"`
	NDCG      float64 `json:"ndcg_at_10"`
	Precision float64 `json:"p_at_5"`
	Ceiling   float64 `json:"p_at_5_ceiling"`
	Recall    float64 `json:"recall_at_10"`
	// PhrasePrecision is averaged over the phrase queries with hits (-1
	// when there are none).
	PhrasePrecision float64 `json:"phrase_precision"`
	PhraseQueries   int     `json:"phrase_queries"`
}

// average averages query results.
func average(rs []QueryResult) Figures {
	f := Figures{PhrasePrecision: -1}
	pp := 0.0
	for _, r := range rs {
		f.Queries++
		f.NDCG += r.NDCG
		f.Precision += r.Precision
		f.Ceiling += r.Ceiling
		f.Recall += r.Recall
		if r.PhrasePrecision >= 0 {
			f.PhraseQueries++
			pp += r.PhrasePrecision
		}
	}
	if f.Queries > 0 {
		n := float64(f.Queries)
		f.NDCG /= n
		f.Precision /= n
		f.Ceiling /= n
		f.Recall /= n
	}
	if f.PhraseQueries > 0 {
		f.PhrasePrecision = pp / float64(f.PhraseQueries)
	}
	return f
}
