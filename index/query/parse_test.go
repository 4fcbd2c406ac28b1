package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseQuerySyntax(t *testing.T) {
	tests := []struct {
		in      string
		terms   []Term
		filters map[string][]string
		exclude map[string][]string
	}{
		{in: "cavi sottomarini", terms: []Term{{Text: "cavi"}, {Text: "sottomarini"}}},
		{in: `  "diritti   umani"  digitale`, terms: []Term{{Text: "diritti umani", Phrase: true}, {Text: "digitale"}}},
		{in: "+cable -robot", terms: []Term{{Text: "cable", Occur: Must}, {Text: "robot", Occur: MustNot}}},
		{in: `+"undersea cables"`, terms: []Term{{Text: "undersea cables", Phrase: true, Occur: Must}}},
		{in: `-"cookie policy" data`, terms: []Term{{Text: "cookie policy", Phrase: true, Occur: MustNot}, {Text: "data"}}},
		{in: "cyber*", terms: []Term{{Text: "cyber", Prefix: true}}},
		{in: "+tecnolog*", terms: []Term{{Text: "tecnolog", Prefix: true, Occur: Must}}},
		{in: "ai lang:IT doc:join-2025-140 theme:cybersecurity",
			terms:   []Term{{Text: "ai"}},
			filters: map[string][]string{"lang": {"it"}, "doc": {"join-2025-140"}, "theme": {"cybersecurity"}}},
		{in: "ai lang:en lang:it -doc:g7-2024",
			terms:   []Term{{Text: "ai"}},
			filters: map[string][]string{"lang": {"en", "it"}},
			exclude: map[string][]string{"doc": {"g7-2024"}}},
		// colons that are not filters are searched as words
		{in: "https://example.org Nota: 2025:x", terms: []Term{{Text: "https://example.org"}, {Text: "Nota:"}, {Text: "2025:x"}}},
		// a quote ends a word and starts a phrase
		{in: `data"free flow"`, terms: []Term{{Text: "data"}, {Text: "free flow", Phrase: true}}},
		{in: "l'intelligenza co-operation", terms: []Term{{Text: "l'intelligenza"}, {Text: "co-operation"}}},
	}
	for _, tt := range tests {
		pq, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(pq.Terms, tt.terms) {
			t.Errorf("Parse(%q) terms = %+v, want %+v", tt.in, pq.Terms, tt.terms)
		}
		if tt.filters == nil {
			tt.filters = map[string][]string{}
		}
		if tt.exclude == nil {
			tt.exclude = map[string][]string{}
		}
		if !reflect.DeepEqual(pq.Filters, tt.filters) || !reflect.DeepEqual(pq.Exclude, tt.exclude) {
			t.Errorf("Parse(%q) filters = %v, -%v; want %v, -%v", tt.in, pq.Filters, pq.Exclude, tt.filters, tt.exclude)
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
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q): no error, want %q", tt.in, tt.want)
			continue
		}
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q): error %T is not a *Error", tt.in, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %q, want it to contain %q", tt.in, err, tt.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%q): error is not one line: %q", tt.in, err)
		}
	}
}

func TestParseQueryListing(t *testing.T) {
	for _, in := range []string{"lang:it", "theme:ai-governance", "doc:join-2025-140 lang:it", "-doc:g7-2024", "lang:it -digitale"} {
		pq, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if !pq.Listing() {
			t.Errorf("Parse(%q) is not a listing", in)
		}
	}
	for _, in := range []string{"cavi lang:it", "+cavi", "cyber*"} {
		if pq, err := Parse(in); err != nil || pq.Listing() {
			t.Errorf("Parse(%q) = listing %v, %v", in, pq != nil && pq.Listing(), err)
		}
	}
}
