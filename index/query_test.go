package index

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseQuerySyntax(t *testing.T) {
	tests := []struct {
		in      string
		terms   []queryTerm
		filters map[string][]string
		exclude map[string][]string
	}{
		{in: "cavi sottomarini", terms: []queryTerm{{text: "cavi"}, {text: "sottomarini"}}},
		{in: `  "diritti   umani"  digitale`, terms: []queryTerm{{text: "diritti umani", phrase: true}, {text: "digitale"}}},
		{in: "+cable -robot", terms: []queryTerm{{text: "cable", occur: occurMust}, {text: "robot", occur: occurMustNot}}},
		{in: `+"undersea cables"`, terms: []queryTerm{{text: "undersea cables", phrase: true, occur: occurMust}}},
		{in: `-"cookie policy" data`, terms: []queryTerm{{text: "cookie policy", phrase: true, occur: occurMustNot}, {text: "data"}}},
		{in: "cyber*", terms: []queryTerm{{text: "cyber", prefix: true}}},
		{in: "+tecnolog*", terms: []queryTerm{{text: "tecnolog", prefix: true, occur: occurMust}}},
		{in: "ai lang:IT doc:join-2025-140 theme:cybersecurity",
			terms:   []queryTerm{{text: "ai"}},
			filters: map[string][]string{"lang": {"it"}, "doc": {"join-2025-140"}, "theme": {"cybersecurity"}}},
		{in: "ai lang:en lang:it -doc:g7-2024",
			terms:   []queryTerm{{text: "ai"}},
			filters: map[string][]string{"lang": {"en", "it"}},
			exclude: map[string][]string{"doc": {"g7-2024"}}},
		// colons that are not filters are searched as words
		{in: "https://example.org Nota: 2025:x", terms: []queryTerm{{text: "https://example.org"}, {text: "Nota:"}, {text: "2025:x"}}},
		// a quote ends a word and starts a phrase
		{in: `data"free flow"`, terms: []queryTerm{{text: "data"}, {text: "free flow", phrase: true}}},
		{in: "l'intelligenza co-operation", terms: []queryTerm{{text: "l'intelligenza"}, {text: "co-operation"}}},
	}
	for _, tt := range tests {
		pq, err := parseQuery(tt.in)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(pq.terms, tt.terms) {
			t.Errorf("parseQuery(%q) terms = %+v, want %+v", tt.in, pq.terms, tt.terms)
		}
		if tt.filters == nil {
			tt.filters = map[string][]string{}
		}
		if tt.exclude == nil {
			tt.exclude = map[string][]string{}
		}
		if !reflect.DeepEqual(pq.filters, tt.filters) || !reflect.DeepEqual(pq.exclude, tt.exclude) {
			t.Errorf("parseQuery(%q) filters = %v, -%v; want %v, -%v", tt.in, pq.filters, pq.exclude, tt.filters, tt.exclude)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty query: type some words to search"},
		{"   \t ", "empty query: type some words to search"},
		{`"cavi sottomarini`, "unclosed quote in query"},
		{`cavi "sottomarini" "`, "unclosed quote in query"},
		{`""`, `empty phrase "" in query`},
		{"cavi -", `"-" must be followed by a word or a "phrase"`},
		{"+ cavi", `"+" must be followed by a word or a "phrase"`},
		{"--cavi", `"-" must be followed by a word`},
		{"+-cavi", `"+" must be followed by a word`},
		{"ai lang:", "lang: needs a value, as in lang:it"},
		{"ai doc:", "doc: needs a value"},
		{"ai theme:", "theme: needs a value"},
		{"ai foo:bar", `unknown filter "foo:" in query: the filters are lang:, doc: and theme:`},
		{"-cookie -robot", "the query only excludes words: add a word to search for"},
		{"*", `"*" is not a search`},
		{"**", `"**" is not a search`},
		{"c*", `prefix "c*" is too short: give at least 2 letters`},
		{"cy*ber", `"cy*ber": * may only end a word`},
		{"cyb?r", `* may only end a word, as in cyber*, and ? is not supported`},
		{"ab -cy*", "a prefix cannot be excluded"},
		{`"free flow"*`, `a "phrase" cannot end with *`},
		{"ai lang:e*", "lang:e* is not a valid filter"},
	}
	for _, tt := range tests {
		_, err := parseQuery(tt.in)
		if err == nil {
			t.Errorf("parseQuery(%q): no error, want %q", tt.in, tt.want)
			continue
		}
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("parseQuery(%q): error %T is not a *QueryError", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseQuery(%q) = %q, want it to contain %q", tt.in, err, tt.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("parseQuery(%q): error is not one line: %q", tt.in, err)
		}
	}
}

func TestParseQueryListing(t *testing.T) {
	for _, in := range []string{"lang:it", "theme:ai-governance", "doc:join-2025-140 lang:it", "-doc:g7-2024", "lang:it -digitale"} {
		pq, err := parseQuery(in)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", in, err)
			continue
		}
		if !pq.listing() {
			t.Errorf("parseQuery(%q) is not a listing", in)
		}
	}
	for _, in := range []string{"cavi lang:it", "+cavi", "cyber*"} {
		if pq, err := parseQuery(in); err != nil || pq.listing() {
			t.Errorf("parseQuery(%q) = listing %v, %v", in, pq != nil && pq.listing(), err)
		}
	}
}
