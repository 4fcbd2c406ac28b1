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
// lower-cases) and marked when its stem is a lexeme of the search's
// words, starts with one of its prefixes, or is part of a run of words
// holding one of its phrases in order (stop words between them allowed,
// as phraseto_tsquery allows them). BenchmarkHighlights measures it
// against ts_headline.
type marker struct {
	words    map[string]map[string]bool // per configuration
	prefixes map[string][]string
	phrases  map[string][][]string
	stems    map[string]string // cfg, NUL, word → stem: words repeat from hit to hit
}

// newMarker gathers the lexemes of the branches' positive wordings.
func newMarker(branches []branch) *marker {
	m := &marker{words: map[string]map[string]bool{}, prefixes: map[string][]string{}, phrases: map[string][][]string{}, stems: map[string]string{}}
	for _, b := range branches {
		set := map[string]bool{}
		for _, mq := range b.marks {
			ws, ps := lexemes(mq.tsq)
			m.prefixes[b.cfg] = append(m.prefixes[b.cfg], ps...)
			if mq.phrase && len(ws) > 1 {
				m.phrases[b.cfg] = append(m.phrases[b.cfg], ws)
				continue
			}
			for _, w := range ws {
				set[w] = true
			}
		}
		m.words[b.cfg] = set
	}
	return m
}

// phraseGap is the most words (stop words, as phraseto_tsquery skips
// them) a highlighted phrase may have between two of its own.
const phraseGap = 2

// spans returns the byte ranges of the matched words of text, a passage
// of configuration cfg.
func (m *marker) spans(cfg, text string) []index.Span {
	set, prefixes, phrases := m.words[cfg], m.prefixes[cfg], m.phrases[cfg]
	if len(set) == 0 && len(prefixes) == 0 && len(phrases) == 0 {
		return nil
	}
	type token struct {
		start, end int
		word, stem string
	}
	var toks []token
	eachWord(text, func(start, end int) {
		w := strings.ToLower(text[start:end])
		k := cfg + "\x00" + w
		st, ok := m.stems[k]
		if !ok {
			st = stem(cfg, w)
			m.stems[k] = st
		}
		toks = append(toks, token{start, end, w, st})
	})
	marked := make([]bool, len(toks))
	for i, t := range toks {
		if set[t.stem] || set[t.word] {
			marked[i] = true
			continue
		}
		for _, p := range prefixes {
			if strings.HasPrefix(t.stem, p) || strings.HasPrefix(t.word, p) {
				marked[i] = true
				break
			}
		}
	}
	for _, ph := range phrases {
		for i := range toks {
			if toks[i].stem != ph[0] {
				continue
			}
			at := []int{i}
			j := i
			for _, want := range ph[1:] {
				found := -1
				for k := j + 1; k < len(toks) && k <= j+1+phraseGap; k++ {
					if toks[k].stem == want {
						found = k
						break
					}
				}
				if found < 0 {
					at = nil
					break
				}
				at = append(at, found)
				j = found
			}
			for _, k := range at {
				marked[k] = true
			}
		}
	}
	var out []index.Span
	for i, t := range toks {
		if marked[i] {
			out = append(out, index.Span{Start: t.start, End: t.end})
		}
	}
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
