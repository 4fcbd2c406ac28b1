package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// EvalSet is a set of queries with the passages a careful reader judges
// relevant to each, in both languages, to measure retrieval
// (testdata/eval.json).
type EvalSet struct {
	// Description says how the set was made.
	Description string `json:"description,omitempty"`
	// Queries are the queries to run.
	Queries []EvalQuery `json:"queries"`
}

// EvalQuery is one query of an EvalSet.
type EvalQuery struct {
	// Query is the text as a user would type it.
	Query string `json:"query"`
	// Lang is the query's language ("en" or "it").
	Lang string `json:"lang"`
	// Relevant are the passages judged relevant, in any language.
	Relevant []EvalPassage `json:"relevant"`
}

// EvalPassage names a relevant passage by its ID and, so that the set
// survives changes in how texts are cut or cleaned, by its document and a
// distinctive quote from it.
type EvalPassage struct {
	ID    string `json:"id"`
	Doc   string `json:"doc"`
	Quote string `json:"quote"`
}

// EvalCutoff is the rank up to which hits count: recall@10, MRR@10.
const EvalCutoff = 10

// LoadEvalSet reads an evaluation set from a JSON file.
func LoadEvalSet(path string) (*EvalSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read evaluation set: %w", err)
	}
	var set EvalSet
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("read evaluation set %q: %v", path, err)
	}
	for i, q := range set.Queries {
		if strings.TrimSpace(q.Query) == "" || (q.Lang != "en" && q.Lang != "it") || len(q.Relevant) == 0 {
			return nil, fmt.Errorf("evaluation set %q: query %d needs a text, lang en or it, and relevant passages", path, i+1)
		}
	}
	return &set, nil
}

// EvalFigures are recall@10 and MRR@10 averaged over the queries that have
// relevant passages of one kind.
type EvalFigures struct {
	// Recall is the mean share of the relevant passages found in the top 10.
	Recall float64 `json:"recall_at_10"`
	// MRR is the mean reciprocal rank of the first relevant passage in the
	// top 10 (0 when none is).
	MRR float64 `json:"mrr"`
	// Queries is the number of queries averaged.
	Queries int `json:"queries"`
	// Relevant is the number of relevant passages over those queries.
	Relevant int `json:"relevant"`
}

// EvalReport is the outcome of Evaluate: figures for the relevant passages
// in the query's own language and for those in the other language.
type EvalReport struct {
	SameLanguage  EvalFigures `json:"same_language"`
	CrossLanguage EvalFigures `json:"cross_language"`
	// Queries gives each query's figures, in set order.
	Queries []EvalQueryResult `json:"queries"`
	// Resolved counts relevant passages whose ID was not in the library and
	// that were found by their quote instead; Missing those not found at all.
	Resolved int      `json:"resolved,omitempty"`
	Missing  []string `json:"missing,omitempty"`
}

// EvalQueryResult is one query's outcome.
type EvalQueryResult struct {
	Query string `json:"query"`
	Lang  string `json:"lang"`
	// SameRecall, CrossRecall: share of the relevant passages of each kind
	// in the top 10 (-1 when the query has none of that kind).
	SameRecall  float64 `json:"same_recall"`
	CrossRecall float64 `json:"cross_recall"`
	// SameRank, CrossRank: rank of the first relevant passage of each kind
	// (0 when none is in the top 10).
	SameRank  int `json:"same_rank"`
	CrossRank int `json:"cross_rank"`
}

// Evaluate runs every query of set against lib (sameLanguage turns off
// cross-language expansion) and measures how well the relevant passages
// are retrieved, separately for those in the query's language and those in
// the other language.
func Evaluate(ctx context.Context, lib Library, set *EvalSet, sameLanguage bool) (*EvalReport, error) {
	rep := &EvalReport{}
	res := newPassageResolver(lib)
	var same, cross sums
	for _, q := range set.Queries {
		sameRel, crossRel := map[string]bool{}, map[string]bool{}
		for _, r := range q.Relevant {
			id, lang, how := res.resolve(r)
			switch how {
			case "missing":
				rep.Missing = append(rep.Missing, fmt.Sprintf("%s (%s: %q)", r.ID, q.Query, r.Quote))
				continue
			case "quote":
				rep.Resolved++
			}
			if lang == q.Lang {
				sameRel[id] = true
			} else {
				crossRel[id] = true
			}
		}
		results, err := lib.Search(ctx, Query{Text: q.Query, SameLanguage: sameLanguage, Limit: EvalCutoff})
		if err != nil {
			return nil, fmt.Errorf("query %q: %w", q.Query, err)
		}
		var ids []string
		for _, h := range results.Hits {
			ids = append(ids, h.ID)
		}
		qr := EvalQueryResult{Query: q.Query, Lang: q.Lang, SameRecall: -1, CrossRecall: -1}
		if len(sameRel) > 0 {
			qr.SameRecall, qr.SameRank = score(ids, sameRel)
			same.add(qr.SameRecall, qr.SameRank, len(sameRel))
		}
		if len(crossRel) > 0 {
			qr.CrossRecall, qr.CrossRank = score(ids, crossRel)
			cross.add(qr.CrossRecall, qr.CrossRank, len(crossRel))
		}
		rep.Queries = append(rep.Queries, qr)
	}
	rep.SameLanguage = same.figures()
	rep.CrossLanguage = cross.figures()
	return rep, nil
}

// score returns the share of relevant IDs among ids (cut at EvalCutoff)
// and the 1-based rank of the first one, 0 if none.
func score(ids []string, relevant map[string]bool) (float64, int) {
	found, first := 0, 0
	for i, id := range ids {
		if i == EvalCutoff {
			break
		}
		if relevant[id] {
			found++
			if first == 0 {
				first = i + 1
			}
		}
	}
	return float64(found) / float64(len(relevant)), first
}

// sums accumulates per-query figures.
type sums struct {
	recall, rr   float64
	n, nRelevant int
}

func (s *sums) add(recall float64, rank, relevant int) {
	s.recall += recall
	if rank > 0 {
		s.rr += 1 / float64(rank)
	}
	s.n++
	s.nRelevant += relevant
}

func (s *sums) figures() EvalFigures {
	if s.n == 0 {
		return EvalFigures{}
	}
	return EvalFigures{Recall: s.recall / float64(s.n), MRR: s.rr / float64(s.n), Queries: s.n, Relevant: s.nRelevant}
}

// passageResolver finds the passages of an evaluation set in a library, by
// ID or else by document and quote.
type passageResolver struct {
	lib  Library
	docs map[string][]passageText
}

type passageText struct{ id, lang, text string }

func newPassageResolver(lib Library) *passageResolver {
	return &passageResolver{lib: lib, docs: map[string][]passageText{}}
}

// resolve returns the passage's current ID and language, and how it was
// found: "id", "quote" or "missing".
func (r *passageResolver) resolve(p EvalPassage) (id, lang, how string) {
	if p.ID != "" {
		if got, err := r.lib.Passage(p.ID); err == nil {
			return got.ID, got.Lang, "id"
		}
	}
	doc := p.Doc
	if doc == "" {
		doc, _, _ = strings.Cut(p.ID, "#")
	}
	quote := normalizeSpace(p.Quote)
	if quote == "" {
		return "", "", "missing"
	}
	ps, ok := r.docs[doc]
	if !ok {
		if d, err := r.lib.Document(doc); err == nil {
			for _, dp := range d.Passages {
				ps = append(ps, passageText{dp.ID, dp.Lang, normalizeSpace(dp.Text)})
			}
		}
		r.docs[doc] = ps
	}
	for _, pt := range ps {
		if strings.Contains(pt.text, quote) {
			return pt.id, pt.lang, "quote"
		}
	}
	return "", "", "missing"
}

// normalizeSpace lowers case and collapses runs of white space.
func normalizeSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// RefreshIDs sets the ID of every relevant passage of set to the passage of
// lib that has its quote, and returns how many IDs changed and the quotes
// found nowhere.
func RefreshIDs(lib Library, set *EvalSet) (changed int, missing []string) {
	res := newPassageResolver(lib)
	for i := range set.Queries {
		for k := range set.Queries[i].Relevant {
			r := &set.Queries[i].Relevant[k]
			old := r.ID
			r.ID = ""
			id, _, how := res.resolve(*r)
			if how == "missing" {
				r.ID = old
				missing = append(missing, fmt.Sprintf("%s: %q", r.Doc, r.Quote))
				continue
			}
			if id != old {
				changed++
			}
			r.ID = id
		}
	}
	return changed, missing
}

// FormatEvalSet returns the JSON form of set, one relevant passage a line
// so that a reviewer can read and diff it.
func FormatEvalSet(set *EvalSet) []byte {
	var b strings.Builder
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	b.WriteString("{\n")
	if set.Description != "" {
		fmt.Fprintf(&b, " \"description\": %s,\n", q(set.Description))
	}
	b.WriteString(" \"queries\": [\n")
	for i, eq := range set.Queries {
		fmt.Fprintf(&b, "  {\"query\": %s, \"lang\": %s, \"relevant\": [\n", q(eq.Query), q(eq.Lang))
		for k, r := range eq.Relevant {
			fmt.Fprintf(&b, "    {\"id\": %s, \"doc\": %s, \"quote\": %s}", q(r.ID), q(r.Doc), q(r.Quote))
			if k < len(eq.Relevant)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("  ]}")
		if i < len(set.Queries)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(" ]\n}\n")
	return []byte(b.String())
}
