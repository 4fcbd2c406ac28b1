// Package index is Attaché's library: the documents it holds and the search
// over their passages.
//
// Callers use the Library interface. The default implementation keeps the
// documents in a folder on disk and searches them with an embedded Bleve
// index; a shared search server can implement the same interface later
// without any change to the packages that use it.
package index

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"attache/index/corpus"
)

// Library is what the rest of Attaché needs from a library of documents.
// The embedded Bleve library (Local) implements it, and so does the team
// library on a server; the window, the command line and the briefs use
// nothing else.
type Library interface {
	// Search runs a query and returns ranked hits with facet counts. A
	// query that cannot be understood fails with a *QueryError; a
	// cancelled ctx stops the search with ctx's error.
	Search(ctx context.Context, q Query) (*Results, error)
	// Passage returns one passage by its ID, or an error wrapping ErrNotFound.
	Passage(id string) (*corpus.Passage, error)
	// Document returns a whole document, or an error wrapping ErrNotFound.
	Document(id string) (*corpus.Document, error)
	// Documents lists the library's documents in a stable order.
	Documents() ([]DocInfo, error)
	// Import adds the files and folders at paths, all or nothing,
	// reporting progress if progress is not nil.
	Import(ctx context.Context, paths []string, progress func(Progress)) (*ImportReport, error)
	// Remove deletes an imported document; seeds cannot be removed.
	Remove(id string) error
	// Edit corrects an imported document's details and returns it.
	Edit(id string, e DocEdit) (*corpus.Document, error)
	// Close releases the library. Using it afterwards is an error.
	Close() error
}

// DocInfo summarises one document of a library.
type DocInfo struct {
	corpus.Meta
	// Passages is the number of passages of the document.
	Passages int `json:"passages"`
	// Seed is true for the documents Attaché ships with.
	Seed bool `json:"seed"`
}

// Query is a search request.
type Query struct {
	// Text is the query as typed: words, "phrases", -excluded, +required,
	// prefix*, and the filters lang:xx, doc:ID and theme:ID.
	Text string `json:"text"`
	// Lang, Doc and Theme restrict the hits, as the filters in Text do.
	Lang  string `json:"lang,omitempty"`
	Doc   string `json:"doc,omitempty"`
	Theme string `json:"theme,omitempty"`
	// SameLanguage turns off cross-language expansion of the query.
	SameLanguage bool `json:"same_language,omitempty"`
	// Limit is the most hits to return (default 20); Offset skips hits.
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
	// Facets names the facets to count ("doc", "lang", "theme"), for a
	// caller that shows only some: each costs a pass over the matches'
	// values. Nil counts them all.
	Facets []string `json:"facets,omitempty"`
}

// Results is the answer to a Query.
type Results struct {
	// Query echoes the query text.
	Query string `json:"query"`
	// Listing is true when the query has no words, only filters: the hits
	// are then the filters' passages in reading order (document by
	// document, passage by passage), not ranked.
	Listing bool `json:"listing"`
	// Total counts all matching passages, not only those returned.
	Total int `json:"total"`
	// Weak counts the passages of Total that match only weakly (one common
	// word of several, nothing of the rest): they rank after every other
	// match, and the window says "also: N weaker matches" for them.
	Weak int `json:"weak"`
	// Hits are the returned passages, best first.
	Hits []Hit `json:"hits"`
	// Facets count the matching passages by "doc", "lang" and "theme".
	// Each facet is counted under the other active filters, not its own,
	// so that with theme:X on, "lang" counts theme X's passages by
	// language and "theme" still shows every theme one could switch to.
	Facets map[string][]FacetCount `json:"facets"`
}

// Hit is one passage found by a search.
type Hit struct {
	corpus.Passage
	// Score is the search engine's relevance score.
	Score float64 `json:"score"`
	// Citation is a reference to the passage a reader can follow.
	Citation string `json:"citation"`
	// Snippet is a fragment of the text with the matched words marked.
	// In JSON it is a string with each matched word between
	// HighlightStart and HighlightEnd.
	Snippet Snippet `json:"snippet"`
	// Weak is true for a weak match (see Results.Weak).
	Weak bool `json:"weak,omitempty"`
}

// Snippet is a fragment of a passage's text, "…" where it is cut, with the
// byte ranges of the matched words in it.
type Snippet struct {
	// Text is the fragment as shown.
	Text string
	// Marks are the matched words' byte ranges in Text, in order, not
	// overlapping.
	Marks []Span
}

// Span is the byte range [Start, End) of a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Marked returns the fragment with each matched word between open and
// close.
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		if m.Start < at || m.End > len(s.Text) || m.Start >= m.End {
			continue
		}
		b.WriteString(s.Text[at:m.Start])
		b.WriteString(open)
		b.WriteString(s.Text[m.Start:m.End])
		b.WriteString(close)
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

// MarshalJSON writes the snippet as a string with each matched word between
// HighlightStart and HighlightEnd, for scripts.
func (s Snippet) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // a caller's encoder escapes the marks if it is set to
	if err := enc.Encode(s.Marked(HighlightStart, HighlightEnd)); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// FacetCount is the number of matching passages with one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// The markers around matched words in a snippet's JSON form.
const (
	HighlightStart = "<mark>"
	HighlightEnd   = "</mark>"
)
