package index

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query language, as typed by a user:
//
//	cavi sottomarini      words: a passage matching any of them is found, and
//	                      passages matching more of them rank higher
//	"diritti umani"       a phrase: the words next to each other, in order
//	+cable -robot         +required: every hit has it; -excluded: no hit has it
//	cyber*                a prefix: words starting with "cyber" (at least 2 letters)
//	lang:it doc:ID theme:ID
//	                      filters; several values of one filter widen it
//	                      (lang:en lang:it), different filters narrow each
//	                      other, and -doc:ID leaves a document out; a query
//	                      of filters alone lists the passages they let
//	                      through, document by document in reading order
//
// Each word is matched in every language field of the index, analysed by
// that language's analyzer, so "cavo" finds "cavi" in Italian passages and
// "cables" finds "cable" in English ones. A word that is a stop word in a
// language is ignored there.

// occur says how a term counts towards a match.
type occur int

const (
	occurShould  occur = iota // plain: optional, ranks higher
	occurMust                 // +required
	occurMustNot              // -excluded
)

// queryTerm is one word, phrase or prefix of a parsed query.
type queryTerm struct {
	text   string // the word or phrase, or the prefix without its *
	phrase bool
	prefix bool
	occur  occur
}

// parsedQuery is a query broken into terms and filters.
type parsedQuery struct {
	terms []queryTerm
	// filters maps a filter name ("lang", "doc", "theme") to the values a
	// hit must have one of; exclude to the values no hit may have.
	filters map[string][]string
	exclude map[string][]string
}

// filterNames lists the filters a query may use, in the order error messages
// name them.
var filterNames = []string{"lang", "doc", "theme"}

// minPrefix is the shortest prefix, in letters, that a prefix* query takes.
const minPrefix = 2

// QueryError is a query that cannot be understood. Its message is one line
// saying what is wrong, fit to show a user as it is.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

func queryErrorf(format string, args ...any) error {
	return &QueryError{Msg: fmt.Sprintf(format, args...)}
}

// parseQuery parses a query as typed. It does not check that the terms occur
// in any language: that is the index's job.
func parseQuery(s string) (*parsedQuery, error) {
	pq := &parsedQuery{filters: map[string][]string{}, exclude: map[string][]string{}}
	i := 0
	for {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		oc := occurShould
		sign := ""
		if s[i] == '+' || s[i] == '-' {
			sign = s[i : i+1]
			if s[i] == '+' {
				oc = occurMust
			} else {
				oc = occurMustNot
			}
			i++
			if i >= len(s) || s[i] == '+' || s[i] == '-' || isSpaceAt(s, i) {
				return nil, queryErrorf("%q must be followed by a word or a \"phrase\" (as in %scookie)", sign, sign)
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, queryErrorf("unclosed quote in query: add the closing \"")
			}
			phrase := strings.Join(strings.Fields(s[i+1:i+1+end]), " ")
			i += end + 2
			if phrase == "" {
				return nil, queryErrorf("empty phrase \"\" in query: put words between the quotes")
			}
			if i < len(s) && s[i] == '*' {
				return nil, queryErrorf("a \"phrase\" cannot end with *: use a prefix on a single word (as in cyber*)")
			}
			pq.terms = append(pq.terms, queryTerm{text: phrase, phrase: true, occur: oc})
			continue
		}
		start := i
		for i < len(s) && s[i] != '"' && !isSpaceAt(s, i) {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		word := s[start:i]
		if name, value, ok := strings.Cut(word, ":"); ok && isFilter(name, value) {
			if err := pq.addFilter(strings.ToLower(name), value, oc, sign); err != nil {
				return nil, err
			}
			continue
		}
		t, err := parseWord(word, oc)
		if err != nil {
			return nil, err
		}
		pq.terms = append(pq.terms, t)
	}
	return pq, pq.check()
}

// isSpaceAt reports whether s has a space character at byte i.
func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// isFilter reports whether name:value is meant as a filter: a known filter
// name, or ASCII letters followed by a value. Words such as "2025:x",
// "Nota:" or "https://…" are searched as words.
func isFilter(name, value string) bool {
	for _, f := range filterNames {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	if name == "" || value == "" || strings.HasPrefix(value, "//") {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// addFilter records a filter such as lang:it or -doc:ID.
func (pq *parsedQuery) addFilter(name, value string, oc occur, sign string) error {
	known := false
	for _, f := range filterNames {
		known = known || f == name
	}
	if !known {
		return queryErrorf("unknown filter %q in query: the filters are lang:, doc: and theme: (as in lang:it)", name+":")
	}
	if value == "" {
		return queryErrorf("%s: needs a value, as in %s", name, filterExample(name))
	}
	if strings.ContainsAny(value, "*:") {
		return queryErrorf("%s:%s is not a valid filter: give one plain value, as in %s", name, value, filterExample(name))
	}
	if name == "lang" {
		value = strings.ToLower(value)
	}
	if oc == occurMustNot {
		pq.exclude[name] = append(pq.exclude[name], value)
	} else {
		pq.filters[name] = append(pq.filters[name], value)
	}
	return nil
}

// filterExample shows how a filter is written.
func filterExample(name string) string {
	switch name {
	case "lang":
		return "lang:it"
	case "doc":
		return "doc:join-2025-140"
	}
	return "theme:" + "cybersecurity"
}

// parseWord parses a plain word or a prefix*.
func parseWord(word string, oc occur) (queryTerm, error) {
	if !strings.ContainsAny(word, "*?") {
		return queryTerm{text: word, occur: oc}, nil
	}
	if strings.Trim(word, "*?") == "" {
		return queryTerm{}, queryErrorf("%q is not a search: a prefix needs at least %d letters before the * (as in cyber*)", word, minPrefix)
	}
	stem := strings.TrimSuffix(word, "*")
	if strings.ContainsAny(stem, "*?") {
		return queryTerm{}, queryErrorf("%q: * may only end a word, as in cyber*, and ? is not supported", word)
	}
	if utf8.RuneCountInString(stem) < minPrefix {
		return queryTerm{}, queryErrorf("prefix %q is too short: give at least %d letters before the * (as in cyber*)", word, minPrefix)
	}
	if oc == occurMustNot {
		return queryTerm{}, queryErrorf("%q: a prefix cannot be excluded; exclude whole words instead", "-"+word)
	}
	return queryTerm{text: stem, prefix: true, occur: oc}, nil
}

// check rejects queries with nothing to look for. A query of filters and
// no words to search for (excluded words aside) is a listing: see listing.
func (pq *parsedQuery) check() error {
	negative := 0
	for _, t := range pq.terms {
		if t.occur == occurMustNot {
			negative++
		}
	}
	filters := len(pq.filters) + len(pq.exclude)
	switch {
	case !pq.listing():
		return nil
	case filters > 0:
		return nil
	case negative > 0:
		return queryErrorf("the query only excludes words: add a word to search for")
	}
	return queryErrorf("empty query: type some words to search")
}

// listing reports whether the query has no words to search for, only
// filters (and perhaps words to exclude): it lists every passage the
// filters let through, in reading order, as "theme:ai-governance" lists the
// passages on AI governance.
func (pq *parsedQuery) listing() bool {
	for _, t := range pq.terms {
		if t.occur != occurMustNot {
			return false
		}
	}
	return true
}
