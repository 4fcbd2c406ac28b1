// Package index is Attaché's library: the documents it holds and the search
// over their passages.
//
// Callers use the Library interface. The default implementation keeps the
// documents in a folder on disk and searches them with an embedded Bleve
// index; a shared search server can implement the same interface later
// without any change to the packages that use it.
package index

import (
	"context"

	"attache/index/corpus"
)

// Library is what the rest of Attaché needs from a library of documents.
type Library interface {
	// Search runs a query and returns ranked hits with facet counts.
	Search(ctx context.Context, q Query) (*Results, error)
	// Passage returns one passage by its ID, or an error wrapping ErrNotFound.
	Passage(id string) (*corpus.Passage, error)
	// Document returns a whole document, or an error wrapping ErrNotFound.
	Document(id string) (*corpus.Document, error)
	// Documents lists the library's documents in a stable order.
	Documents() ([]DocInfo, error)
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
}

// Results is the answer to a Query.
type Results struct {
	// Query echoes the query text.
	Query string `json:"query"`
	// Total counts all matching passages, not only those returned.
	Total int `json:"total"`
	// Hits are the returned passages, best first.
	Hits []Hit `json:"hits"`
	// Facets count the matching passages by "doc", "lang" and "theme".
	Facets map[string][]FacetCount `json:"facets"`
}

// Hit is one passage found by a search.
type Hit struct {
	corpus.Passage
	// Score is the search engine's relevance score.
	Score float64 `json:"score"`
	// Citation is a reference to the passage a reader can follow.
	Citation string `json:"citation"`
	// Snippet is a fragment of the text with each matched word between
	// HighlightStart and HighlightEnd.
	Snippet string `json:"snippet"`
}

// FacetCount is the number of matching passages with one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// The markers around matched words in Hit.Snippet.
const (
	HighlightStart = "<mark>"
	HighlightEnd   = "</mark>"
)
