package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"attache/index"
)

// Set is a set of queries with the passages a careful reader judged for
// each, graded, in both languages (testdata/eval.json).
type Set struct {
	// Description says how the set was made.
	Description string `json:"description,omitempty"`
	// Queries are the queries to run.
	Queries []Query `json:"queries"`
}

// Kinds are the kinds of query a set has, in the order reports print
// them: English and Italian words, quoted phrases, queries whose answers
// are mostly in the other language, and queries with filters.
var Kinds = []string{"en", "it", "phrase", "cross", "filter"}

// Query is one query of a Set.
type Query struct {
	// Query is the text as a user would type it.
	Query string `json:"query"`
	// Lang is the query's language ("en" or "it").
	Lang string `json:"lang"`
	// Kind is one of Kinds.
	Kind string `json:"kind"`
	// Holds, for a phrase query, are the wordings (lower case, inflected
	// forms and whole-phrase equivalents included) a hit must contain to
	// hold the phrase: phrase precision counts them.
	Holds []string `json:"holds,omitempty"`
	// Judged are the passages judged, with their grades.
	Judged []Passage `json:"judged"`
}

// Passage names a judged passage by its ID and, so that the set survives
// changes in how texts are cut or cleaned, by its document and a
// distinctive quote from it.
type Passage struct {
	ID    string `json:"id"`
	Doc   string `json:"doc"`
	Quote string `json:"quote"`
	// Grade is 2 for a passage that answers the query, 1 for one that is
	// on it in part or in passing, 0 for one judged not relevant.
	Grade int `json:"grade"`
}

// Load reads an evaluation set from a JSON file.
func Load(path string) (*Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read evaluation set: %w", err)
	}
	var set Set
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&set); err != nil {
		return nil, fmt.Errorf("read evaluation set %q: %v", path, err)
	}
	for i, q := range set.Queries {
		if strings.TrimSpace(q.Query) == "" || (q.Lang != "en" && q.Lang != "it") || !knownKind(q.Kind) {
			return nil, fmt.Errorf("evaluation set %q: query %d (%q) needs a text, lang en or it, and a kind among %s", path, i+1, q.Query, strings.Join(Kinds, ", "))
		}
		relevant := 0
		for _, p := range q.Judged {
			if p.Grade < 0 || p.Grade > 2 {
				return nil, fmt.Errorf("evaluation set %q: query %q: grade %d of %s is not 0, 1 or 2", path, q.Query, p.Grade, p.ID)
			}
			if p.Grade > 0 {
				relevant++
			}
		}
		if relevant == 0 {
			return nil, fmt.Errorf("evaluation set %q: query %q has no passage graded relevant", path, q.Query)
		}
		if q.Kind == "phrase" && len(q.Holds) == 0 {
			return nil, fmt.Errorf("evaluation set %q: phrase query %q needs the wordings that hold it", path, q.Query)
		}
	}
	return &set, nil
}

// knownKind reports whether k is one of Kinds.
func knownKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// resolver finds the passages of an evaluation set in a library, by ID or
// else by document and quote.
type resolver struct {
	lib  index.Library
	docs map[string][]passageText
}

type passageText struct{ id, lang, text string }

func newResolver(lib index.Library) *resolver {
	return &resolver{lib: lib, docs: map[string][]passageText{}}
}

// resolve returns the passage's current ID, and how it was found: "id",
// "quote" or "missing".
func (r *resolver) resolve(p Passage) (id, how string) {
	if p.ID != "" {
		if got, err := r.lib.Passage(p.ID); err == nil {
			return got.ID, "id"
		}
	}
	doc := p.Doc
	if doc == "" {
		doc, _, _ = strings.Cut(p.ID, "#")
	}
	quote := normalizeSpace(p.Quote)
	if quote == "" {
		return "", "missing"
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
			return pt.id, "quote"
		}
	}
	return "", "missing"
}

// normalizeSpace lowers case and collapses runs of white space.
func normalizeSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// RefreshIDs sets the ID of every judged passage of set to the passage of
// lib that has its quote, and returns how many IDs changed and the quotes
// found nowhere.
func RefreshIDs(lib index.Library, set *Set) (changed int, missing []string) {
	res := newResolver(lib)
	for i := range set.Queries {
		for k := range set.Queries[i].Judged {
			r := &set.Queries[i].Judged[k]
			old := r.ID
			r.ID = ""
			id, how := res.resolve(*r)
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

// Format returns the JSON form of set, one judged passage a line so that
// a reviewer can read and diff it.
func Format(set *Set) []byte {
	var b strings.Builder
	q := func(v any) string { j, _ := json.Marshal(v); return string(j) }
	b.WriteString("{\n")
	if set.Description != "" {
		fmt.Fprintf(&b, " \"description\": %s,\n", q(set.Description))
	}
	b.WriteString(" \"queries\": [\n")
	for i, eq := range set.Queries {
		fmt.Fprintf(&b, "  {\"query\": %s, \"lang\": %s, \"kind\": %s, ", q(eq.Query), q(eq.Lang), q(eq.Kind))
		if len(eq.Holds) > 0 {
			fmt.Fprintf(&b, "\"holds\": %s, ", q(eq.Holds))
		}
		b.WriteString("\"judged\": [\n")
		for k, r := range eq.Judged {
			fmt.Fprintf(&b, "    {\"id\": %s, \"doc\": %s, \"grade\": %d, \"quote\": %s}", q(r.ID), q(r.Doc), r.Grade, q(r.Quote))
			if k < len(eq.Judged)-1 {
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
