package team

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/italian"

	"attache/index"
)

// marker finds the words of a passage's text that a search matched, in Go,
// from the stored text: each word is stemmed with the Snowball stemmer its
// configuration uses on the server (english and italian; simple only
// lower-cases) and marked when its stem is one of the lexemes of the
// search's tsqueries, or starts with one of its prefixes. It is measured
// against ts_headline in the benchmarks (BenchmarkHighlights): it is
// faster, needs no second trip to the server, and marks the same words on
// the seeds (TestHighlightsAgreeWithHeadline).
type marker struct {
	words    map[string]map[string]bool // per configuration
	prefixes map[string][]string
}

// newMarker gathers the lexemes of the branches' positive wordings.
func newMarker(branches []branch) *marker {
	m := &marker{words: map[string]map[string]bool{}, prefixes: map[string][]string{}}
	for _, b := range branches {
		set := map[string]bool{}
		var qs []string
		for _, c := range b.clauses {
			qs = append(qs, c.literal, c.expansions)
		}
		qs = append(qs, b.runs...)
		for _, q := range qs {
			ws, ps := lexemes(q)
			for _, w := range ws {
				set[w] = true
			}
			m.prefixes[b.cfg] = append(m.prefixes[b.cfg], ps...)
		}
		m.words[b.cfg] = set
	}
	return m
}

// spans returns the byte ranges of the matched words of text, a passage
// of configuration cfg.
func (m *marker) spans(cfg, text string) []index.Span {
	set, prefixes := m.words[cfg], m.prefixes[cfg]
	if len(set) == 0 && len(prefixes) == 0 {
		return nil
	}
	var out []index.Span
	eachWord(text, func(start, end int) {
		w := strings.ToLower(text[start:end])
		s := stem(cfg, w)
		hit := set[s] || set[w]
		for _, p := range prefixes {
			if hit {
				break
			}
			hit = strings.HasPrefix(s, p) || strings.HasPrefix(w, p)
		}
		if hit {
			out = append(out, index.Span{Start: start, End: end})
		}
	})
	return out
}

// eachWord calls f with the byte range of every run of letters and digits
// of text, as PostgreSQL's parser cuts words (hyphens and apostrophes
// part them).
func eachWord(text string, f func(start, end int)) {
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(text))
	}
}

// stem stems a lower-case word as configuration cfg does.
func stem(cfg, w string) string {
	if !utf8.ValidString(w) {
		return w
	}
	switch cfg {
	case "english":
		env := snowballstem.NewEnv(w)
		english.Stem(env)
		return env.Current()
	case "italian":
		env := snowballstem.NewEnv(w)
		italian.Stem(env)
		return env.Current()
	}
	return w
}
