package themes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"attache/assets"
)

// Glossary pairs English and Italian wordings of the same concepts, so
// that a query in one language can be expanded with the other's words. It
// is built from the taxonomy's terms and the wider glossary of the corpus's
// key terms (assets/glossary.json), and matches after stemming, as the
// index does. A Glossary is safe for concurrent use.
type Glossary struct {
	tx      *Taxonomy // for QueryThemes; may be nil
	entries []Term
	// paired[e] is true for an entry of the glossary proper, whose
	// wordings translate one another; false for a taxonomy's term, whose
	// wordings are the ways a theme is named, broader and narrower ones
	// together ("sovereignty" beside "digital sovereignty"), so that
	// none of them is a faithful equivalent of another.
	paired []bool
	// index maps, per language, the folded stems of a wording to the
	// entries that have it.
	index map[string]map[string][]int
	// longest is the most stems of any wording, per language.
	longest map[string]int
	// memo keeps the answers to recent questions (Expand, Equivalents,
	// IsTerm, QueryThemes), which a search asks again and again.
	memo memo
}

// memoSize is the most answers a Glossary keeps; it forgets them all when
// full.
const memoSize = 4096

// memo is a small concurrent cache of answers by question.
type memo struct {
	mu sync.Mutex
	m  map[string][]string
}

// get returns the answer to q, computing and keeping it if needed.
func (c *memo) get(q string, compute func() []string) []string {
	c.mu.Lock()
	v, ok := c.m[q]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoSize {
		c.m = map[string][]string{}
	}
	c.m[q] = v
	c.mu.Unlock()
	return v
}

// LoadGlossary reads a glossary file: a JSON list of {"en": …, "it": …}
// pairs, each side a string or a list of synonyms, both sides required.
func LoadGlossary(data []byte) ([]Term, error) {
	var list []Term
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&list); err != nil {
		return nil, fmt.Errorf("read glossary: %v", err)
	}
	for i, t := range list {
		if len(t.EN) == 0 || len(t.IT) == 0 {
			return nil, fmt.Errorf("glossary entry %d: needs both en and it", i+1)
		}
	}
	return list, nil
}

// NewGlossary builds a glossary from a taxonomy's paired terms (those with
// both an English and an Italian side) and further entries.
func NewGlossary(tx *Taxonomy, extra []Term) *Glossary {
	g := &Glossary{tx: tx, index: map[string]map[string][]int{}, longest: map[string]int{}}
	eachGlossaryEntry(tx, extra, g.add)
	return g
}

// eachGlossaryEntry calls f with the entries of a glossary built from a
// taxonomy's paired terms and further entries, in their order: the
// taxonomy's (paired false), then the others (paired true).
func eachGlossaryEntry(tx *Taxonomy, extra []Term, f func(t Term, paired bool)) {
	if tx != nil {
		for _, th := range tx.Themes {
			for _, t := range th.Terms {
				if len(t.EN) > 0 && len(t.IT) > 0 {
					f(t, false)
				}
			}
		}
	}
	for _, t := range extra {
		f(t, true)
	}
}

// lookup returns the entries with a wording of stems key in lang: from
// the glossary's index, or, for the shipped glossary built from the
// compiled-in values (index nil), from the compiled-in index.
func (g *Glossary) lookup(lang, key string) ([]int, bool) {
	if g.index == nil {
		return shippedGlossaryLookup(lang, key)
	}
	es, ok := g.index[lang][key]
	return es, ok
}

// maxStems is the most stems of any wording in lang.
func (g *Glossary) maxStems(lang string) int {
	if g.index == nil {
		return shippedGlossaryLongest(lang)
	}
	return g.longest[lang]
}

func (g *Glossary) add(t Term, paired bool) {
	n := len(g.entries)
	g.entries = append(g.entries, t)
	g.paired = append(g.paired, paired)
	for _, lang := range []string{"en", "it"} {
		if g.index[lang] == nil {
			g.index[lang] = map[string][]int{}
		}
		for _, w := range t.In(lang) {
			s := stems(w, lang)
			if len(s) == 0 {
				continue
			}
			k := key(s)
			g.index[lang][k] = append(g.index[lang][k], n)
			if len(s) > g.longest[lang] {
				g.longest[lang] = len(s)
			}
		}
	}
}

var (
	defaultGlossaryOnce sync.Once
	defaultGlossary     *Glossary
)

// DefaultGlossary returns the glossary built from Default's taxonomy and
// the shipped assets/glossary.json, built once. It panics if the shipped
// file is broken, which its tests rule out.
func DefaultGlossary() *Glossary {
	defaultGlossaryOnce.Do(func() {
		_, extra, ok := shippedData()
		if !ok {
			var err error
			if extra, err = LoadGlossary(assets.Glossary); err != nil {
				panic("themes: shipped glossary: " + err.Error())
			}
		}
		if ok {
			// the compiled-in index: nothing to stem or build
			g := &Glossary{tx: Default()}
			eachGlossaryEntry(g.tx, extra, func(t Term, paired bool) {
				g.entries = append(g.entries, t)
				g.paired = append(g.paired, paired)
			})
			defaultGlossary = g
			return
		}
		defaultGlossary = NewGlossary(Default(), extra)
	})
	return defaultGlossary
}

// QueryThemes returns the themes of the glossary's taxonomy that a query
// names (see Taxonomy.QueryThemes), or nil without a taxonomy.
func (g *Glossary) QueryThemes(text string) []string {
	if g.tx == nil {
		return nil
	}
	// remembered: the same text comes back with every page, filter and
	// facet the reader clicks (a tenth of a search at 110k passages)
	return g.memo.get("q\x00"+text, func() []string { return g.tx.QueryThemes(text) })
}

// Len returns the number of concept pairs in the glossary.
func (g *Glossary) Len() int { return len(g.entries) }

// Expand returns the wordings in language lang ("en" or "it") of the
// concepts a query word or phrase names, whichever language it is written
// in: its translations, and its synonyms in lang ("AI" for "artificial
// intelligence", "cibersecurity" for "cibersicurezza"). With lang empty it
// answers for both languages. It implements the index's Expander: the index
// asks for the Italian wordings of a term when searching Italian passages,
// and the English ones for English passages.
//
// The term is stemmed and covered left to right by the longest glossary
// wordings it contains (phrases first), so that "undersea cables security"
// gives the Italian for "undersea cables" and for "security", not for
// "cables" alone. Where the glossary proper translates a wording, the
// other wordings of the themes that name it are left out (preferPaired).
// Words the glossary does not know are left out, and so are
// wordings identical to the term. The result is in glossary order, without
// repeats, and nil when nothing is known.
func (g *Glossary) Expand(term, lang string) []string {
	return g.memo.get("x\x00"+lang+"\x00"+term, func() []string { return g.expand(term, lang) })
}

func (g *Glossary) expand(term, lang string) []string {
	var out []string
	seen := map[string]bool{}
	for _, to := range targetLangs(lang) {
		inTo := key(stems(term, to))
		// Read the term in the other language first (a translation), then
		// in lang itself (synonyms).
		for _, from := range []string{other(to), to} {
			for _, e := range g.preferPaired(g.spans(stems(term, from), from)) {
				for _, w := range g.entries[e].In(to) {
					if seen[w] || key(stems(w, to)) == inTo {
						continue
					}
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// targetLangs are the languages to give wordings in for lang: lang itself
// when it is one of the glossary's two, else both.
func targetLangs(lang string) []string {
	if lang == "en" || lang == "it" {
		return []string{lang}
	}
	return []string{"en", "it"}
}

// other returns the other language of the pair.
func other(lang string) string {
	if lang == "en" {
		return "it"
	}
	return "en"
}

// ExpandPhrases returns the wordings in lang of the multi-word glossary
// terms found in a run of query words, read in either language: for
// "artificial intelligence governance" and "it", "intelligenza
// artificiale" and "IA"; for the same words and "en", "AI". Single words
// are left to Expand. The index uses it so that unquoted queries get the
// phrases first.
func (g *Glossary) ExpandPhrases(words, lang string) []string {
	var out []string
	seen := map[string]bool{}
	for _, to := range targetLangs(lang) {
		for _, from := range []string{other(to), to} {
			for _, m := range g.spans(stems(words, from), from) {
				if m.n < 2 {
					continue
				}
				for _, w := range g.entries[m.entry].In(to) {
					if !seen[w] {
						seen[w] = true
						out = append(out, w)
					}
				}
			}
		}
	}
	return out
}

// preferPaired returns the entries of the spans, keeping at each place
// only the glossary proper's entries when it has any there: a word's
// translation, not the other wordings a theme is named by ("satellite"
// gives "satellitare", not Copernicus or IRIS²; "normazione"
// "standardisation", not 5G and 6G). A word only a theme knows keeps its
// theme's wordings.
func (g *Glossary) preferPaired(ms []span) []int {
	var out []int
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].pos == ms[i].pos {
			j++
		}
		paired := false
		for _, m := range ms[i:j] {
			if g.paired[m.entry] {
				paired = true
			}
		}
		for _, m := range ms[i:j] {
			if paired && !g.paired[m.entry] {
				continue
			}
			out = append(out, m.entry)
		}
		i = j
	}
	return out
}

// span is a glossary entry found in a run of stems, n stems long.
type span struct{ entry, n, pos int }

// spans covers the stems left to right with the longest wordings known at
// each position.
func (g *Glossary) spans(s []string, lang string) []span {
	var out []span
	for i := 0; i < len(s); {
		n := g.maxStems(lang)
		if n > len(s)-i {
			n = len(s) - i
		}
		found := false
		for ; n > 0; n-- {
			if es, ok := g.lookup(lang, key(s[i:i+n])); ok {
				for _, e := range es {
					out = append(out, span{e, n, i})
				}
				i += n
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// Equivalents returns the wordings in lang of the glossary entries that are
// exactly the whole phrase: read in the other language (its translations),
// and, with synonyms set, in lang itself too (its synonyms, the phrase's
// own wording left out). Entries for single words of the phrase never
// count: "digital divide" gives "divario digitale", never "digitale".
// Without synonyms (a quoted phrase: the phrase contract) only the entries
// of the glossary proper answer, whose wordings translate each other; a
// taxonomy's term names a theme in broader and narrower wordings at once
// ("sovranità" beside "sovranità digitale", "nuove tecnologie" beside
// "tecnologie emergenti"), none of them a faithful translation. With
// synonyms (the glossary terms in runs of plain words) both answer. Nil
// when no entry is the phrase.
func (g *Glossary) Equivalents(phrase, lang string, synonyms bool) []string {
	return g.memo.get(fmt.Sprintf("e\x00%s\x00%v\x00%s", lang, synonyms, phrase), func() []string { return g.equivalents(phrase, lang, synonyms) })
}

func (g *Glossary) equivalents(phrase, lang string, synonyms bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, to := range targetLangs(lang) {
		inTo := key(stems(phrase, to))
		froms := []string{other(to)}
		if synonyms {
			froms = append(froms, to)
		}
		for _, from := range froms {
			s := stems(phrase, from)
			if len(s) == 0 || len(s) < 2 && len(strings.Fields(phrase)) > 1 {
				// Read in this language the phrase is no phrase: its
				// other words are stop words there ("AI governance" is
				// "governance" to the Italian analyzer).
				continue
			}
			es, _ := g.lookup(from, key(s))
			for _, e := range es {
				if !synonyms && !g.paired[e] {
					continue // a theme's wordings are not one another's translations
				}
				for _, w := range g.entries[e].In(to) {
					if seen[w] || key(stems(w, to)) == inTo {
						continue
					}
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// IsTerm reports whether phrase, read in English or Italian, is the whole
// of a glossary wording of several words ("digital divide", "servizi
// pubblici digitali"): a term to be kept together.
func (g *Glossary) IsTerm(phrase string) bool {
	return len(g.memo.get("t\x00"+phrase, func() []string {
		if g.isTerm(phrase) {
			return []string{phrase}
		}
		return nil
	})) > 0
}

func (g *Glossary) isTerm(phrase string) bool {
	for _, lang := range []string{"en", "it"} {
		s := stems(phrase, lang)
		if es, _ := g.lookup(lang, key(s)); len(s) >= 2 && len(es) > 0 {
			return true
		}
	}
	return false
}
