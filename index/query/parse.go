package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Occur says how a term counts towards a match.
type Occur int

const (
	// Should is a plain term: optional, a passage matching it ranks higher.
	Should Occur = iota
	// Must is a +required term: every hit has it.
	Must
	// MustNot is an -excluded term: no hit has it.
	MustNot
)

// Term is one word, phrase or prefix of a parsed query, as typed.
type Term struct {
	// Text is the word, the phrase (its words separated by single spaces)
	// or the prefix without its *.
	Text string
	// Phrase is true for a "quoted phrase", Prefix for a prefix*.
	Phrase bool
	Prefix bool
	Occur  Occur
}

// Query is a query broken into terms and filters: the syntax tree of the
// query language.
type Query struct {
	// Terms are the words, phrases and prefixes in the order typed.
	Terms []Term
	// Filters maps a filter name ("lang", "doc", "theme") to the values a
	// hit must have one of; Exclude to the values no hit may have.
	Filters map[string][]string
	Exclude map[string][]string
}

// FilterNames lists the filters a query may use, in the order error messages
// name them.
var FilterNames = []string{"lang", "doc", "theme"}

// MinPrefix is the shortest prefix, in letters, that a prefix* query takes.
const MinPrefix = 2

// Parse parses a query as typed. It does not check that the terms occur in
// any language: that is the engine's job. A query that cannot be
// understood fails with an *Error.
func Parse(s string) (*Query, error) {
	pq := &Query{Filters: map[string][]string{}, Exclude: map[string][]string{}}
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
		oc := Should
		sign := ""
		if s[i] == '+' || s[i] == '-' {
			sign = s[i : i+1]
			if s[i] == '+' {
				oc = Must
			} else {
				oc = MustNot
			}
			i++
			if i >= len(s) || s[i] == '+' || s[i] == '-' || isSpaceAt(s, i) {
				return nil, errorf("%q must be followed by a word or a \"phrase\" (as in %scookie)", sign, sign)
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, errorf("unclosed quote in query: add the closing \"")
			}
			phrase := strings.Join(strings.Fields(s[i+1:i+1+end]), " ")
			i += end + 2
			if phrase == "" {
				return nil, errorf("empty phrase \"\" in query: put words between the quotes")
			}
			if i < len(s) && s[i] == '*' {
				return nil, errorf("a \"phrase\" cannot end with *: use a prefix on a single word (as in cyber*)")
			}
			pq.Terms = append(pq.Terms, Term{Text: phrase, Phrase: true, Occur: oc})
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
		pq.Terms = append(pq.Terms, t)
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
	for _, f := range FilterNames {
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
func (pq *Query) addFilter(name, value string, oc Occur, sign string) error {
	known := false
	for _, f := range FilterNames {
		known = known || f == name
	}
	if !known {
		return errorf("unknown filter %q in query: the filters are lang:, doc: and theme: (as in lang:it)", name+":")
	}
	if value == "" {
		return errorf("%s: needs a value, as in %s", name, filterExample(name))
	}
	if strings.ContainsAny(value, "*:") {
		return errorf("%s:%s is not a valid filter: give one plain value, as in %s", name, value, filterExample(name))
	}
	if name == "lang" {
		value = strings.ToLower(value)
	}
	if oc == MustNot {
		pq.Exclude[name] = append(pq.Exclude[name], value)
	} else {
		pq.Filters[name] = append(pq.Filters[name], value)
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
func parseWord(word string, oc Occur) (Term, error) {
	if !strings.ContainsAny(word, "*?") {
		return Term{Text: word, Occur: oc}, nil
	}
	if strings.Trim(word, "*?") == "" {
		return Term{}, errorf("%q is not a search: a prefix needs at least %d letters before the * (as in cyber*)", word, MinPrefix)
	}
	stem := strings.TrimSuffix(word, "*")
	if strings.ContainsAny(stem, "*?") {
		return Term{}, errorf("%q: * may only end a word, as in cyber*, and ? is not supported", word)
	}
	if utf8.RuneCountInString(stem) < MinPrefix {
		return Term{}, errorf("prefix %q is too short: give at least %d letters before the * (as in cyber*)", word, MinPrefix)
	}
	if oc == MustNot {
		return Term{}, errorf("%q: a prefix cannot be excluded; exclude whole words instead", "-"+word)
	}
	return Term{Text: stem, Prefix: true, Occur: oc}, nil
}

// check rejects queries with nothing to look for. A query of filters and
// no words to search for (excluded words aside) is a listing: see Listing.
func (pq *Query) check() error {
	negative := 0
	for _, t := range pq.Terms {
		if t.Occur == MustNot {
			negative++
		}
	}
	filters := len(pq.Filters) + len(pq.Exclude)
	switch {
	case !pq.Listing():
		return nil
	case filters > 0:
		return nil
	case negative > 0:
		return errorf("the query only excludes words: add a word to search for")
	}
	return errorf("empty query: type some words to search")
}

// Listing reports whether the query has no words to search for, only
// filters (and perhaps words to exclude): it lists every passage the
// filters let through, in reading order, as "theme:ai-governance" lists the
// passages on AI governance.
func (pq *Query) Listing() bool {
	for _, t := range pq.Terms {
		if t.Occur != MustNot {
			return false
		}
	}
	return true
}
