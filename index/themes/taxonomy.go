package themes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"attache/assets"
	"attache/lazyregexp"
)

// Taxonomy is the list of themes Attaché tags passages with, in the order
// of its data file. Load one with Load or use Default. A Taxonomy is safe
// for concurrent use.
type Taxonomy struct {
	// Themes lists the themes in the order of the data file.
	Themes []*Theme

	byID map[string]*Theme

	// dfTerms lists, per language, every distinct stemmed term of the
	// themes once, for gathering Stats.
	dfTerms map[string][]matcher
	// starts maps, per language, the first stem of each term to the
	// indexes of the themes having a term starting with it: the themes a
	// text can score on are those of its stems here.
	starts map[string]map[string][]int
	// vocab holds, per language, every stem of the themes' terms: the
	// only tokens of a text that matching looks up.
	vocab map[string]map[string]bool
	// termIndexOnce builds dfTerms, starts and vocab when first needed
	// (termIndex).
	termIndexOnce sync.Once

	mu    sync.RWMutex
	stats *Stats // what Tag and Scores weigh terms with; nil before TagDocuments or SetStats
	// pendingStats gives the shipped taxonomy its statistics when first
	// needed (see SetDefaultStats); nil once asked or after SetStats.
	pendingStats func() *Stats
}

// Theme is one topic of the taxonomy.
type Theme struct {
	// ID is short, stable, kebab-case and unique, e.g. "undersea-cables".
	ID string `json:"id"`
	// LabelEN and LabelIT name the theme in English and in Italian.
	LabelEN string `json:"label_en"`
	LabelIT string `json:"label_it"`
	// Description says in one English line what the theme covers.
	Description string `json:"description"`
	// Terms are the theme's words and phrases, each an English–Italian pair
	// of synonyms; one side may be empty when the other language has no
	// counterpart in use.
	Terms []Term `json:"terms"`

	// matchers holds the stemmed terms per language; longest holds their
	// indexes, longest phrases first, the order they are matched in.
	matchers map[string][]matcher
	longest  map[string][]int
}

// Term is one concept of a theme or of the glossary: its English and
// Italian wordings, matched after stemming.
type Term struct {
	EN Words `json:"en,omitempty"`
	IT Words `json:"it,omitempty"`
}

// Words is a list of synonymous words or phrases in one language. In JSON
// it is a string or a list of strings.
type Words []string

// UnmarshalJSON reads a string or a list of strings.
func (w *Words) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*w = Words{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return err
	}
	*w = l
	return nil
}

// In returns the wordings of the term in a language ("en" or "it").
func (t Term) In(lang string) []string {
	if lang == "it" {
		return t.IT
	}
	return t.EN
}

// Label returns the theme's label in a language, English unless lang is "it".
func (t *Theme) Label(lang string) string {
	if lang == "it" {
		return t.LabelIT
	}
	return t.LabelEN
}

// TermsIn returns all of the theme's words and phrases in a language.
func (t *Theme) TermsIn(lang string) []string {
	var out []string
	for _, term := range t.Terms {
		out = append(out, term.In(lang)...)
	}
	return out
}

// matcher is one wording of a term, stemmed.
type matcher struct {
	text  string   // as written in the taxonomy
	stems []string // folded stems
	key   string   // the stems joined, for the statistics
	name  bool     // a wording of the theme's first term, its name
}

var idPattern = lazyregexp.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads a taxonomy from its JSON form (a list of themes) and checks
// it: every theme needs a kebab-case ID not used before, both labels, a
// description and at least one term in each language.
func Load(data []byte) (*Taxonomy, error) {
	var list []*Theme
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&list); err != nil {
		return nil, fmt.Errorf("read themes: %v", err)
	}
	return newTaxonomy(list)
}

// newTaxonomy checks a list of themes (see Load) and makes it a taxonomy,
// stemming its terms; the themes become the taxonomy's.
func newTaxonomy(list []*Theme) (*Taxonomy, error) {
	if len(list) == 0 {
		return nil, fmt.Errorf("read themes: no themes")
	}
	tx := &Taxonomy{Themes: list, byID: map[string]*Theme{}}
	for i, th := range list {
		if th == nil {
			return nil, fmt.Errorf("theme %d: empty", i+1)
		}
		if !idPattern.MatchString(th.ID) {
			return nil, fmt.Errorf("theme %d: id %q is not kebab-case", i+1, th.ID)
		}
		if tx.byID[th.ID] != nil {
			return nil, fmt.Errorf("theme %q: duplicate id", th.ID)
		}
		tx.byID[th.ID] = th
		if strings.TrimSpace(th.LabelEN) == "" || strings.TrimSpace(th.LabelIT) == "" {
			return nil, fmt.Errorf("theme %q: missing label_en or label_it", th.ID)
		}
		if strings.TrimSpace(th.Description) == "" {
			return nil, fmt.Errorf("theme %q: missing description", th.ID)
		}
		th.matchers = map[string][]matcher{}
		th.longest = map[string][]int{}
		for _, lang := range []string{"en", "it"} {
			for _, w := range th.TermsIn(lang) {
				s := stems(w, lang)
				if len(s) == 0 {
					return nil, fmt.Errorf("theme %q: term %q has no words once stop words are left out", th.ID, w)
				}
				m := matcher{text: w, stems: s, key: key(s), name: isName(th, lang, w)}
				th.matchers[lang] = append(th.matchers[lang], m)
			}
			if len(th.matchers[lang]) == 0 {
				return nil, fmt.Errorf("theme %q: no %s terms", th.ID, lang)
			}
			ms := th.matchers[lang]
			order := make([]int, len(ms))
			for i := range order {
				order[i] = i
			}
			sort.SliceStable(order, func(a, b int) bool { return len(ms[order[a]].stems) > len(ms[order[b]].stems) })
			th.longest[lang] = order
		}
	}
	return tx, nil
}

// termIndex builds, once, the taxonomy's indexes of its terms that
// tagging and gathering statistics use (starts, dfTerms), which a program
// that only searches (QueryThemes) never needs.
func (tx *Taxonomy) termIndex() {
	tx.termIndexOnce.Do(func() {
		tx.dfTerms = map[string][]matcher{}
		tx.starts = map[string]map[string][]int{"en": {}, "it": {}}
		tx.vocab = map[string]map[string]bool{"en": {}, "it": {}}
		seenTerm := map[string]bool{}
		for i, th := range tx.Themes {
			for _, lang := range []string{"en", "it"} {
				for _, m := range th.matchers[lang] {
					for _, st := range m.stems {
						tx.vocab[lang][st] = true
					}
					if ts := tx.starts[lang][m.stems[0]]; len(ts) == 0 || ts[len(ts)-1] != i {
						tx.starts[lang][m.stems[0]] = append(ts, i)
					}
					if !seenTerm[lang+" "+m.key] {
						seenTerm[lang+" "+m.key] = true
						tx.dfTerms[lang] = append(tx.dfTerms[lang], m)
					}
				}
			}
		}
	})
}

// Theme returns a theme by its ID, or nil.
func (tx *Taxonomy) Theme(id string) *Theme { return tx.byID[id] }

var (
	defaultOnce sync.Once
	defaultTax  *Taxonomy
	defaultErr  error
)

// Default returns the taxonomy shipped with Attaché (assets/themes.json),
// loaded once. It panics if the shipped file is broken, which its tests
// rule out.
func Default() *Taxonomy {
	defaultOnce.Do(func() {
		var tx *Taxonomy
		var err error
		if themes, _, ok := shippedData(); ok {
			tx, err = newTaxonomy(themes)
		} else {
			tx, err = Load(assets.Themes)
		}
		if err == nil {
			applyDefaultStats(tx)
		}
		defaultTax, defaultErr = tx, err
	})
	if defaultErr != nil {
		panic("themes: shipped taxonomy: " + defaultErr.Error())
	}
	return defaultTax
}

// isName reports whether w is one of the wordings of a theme's first term
// in a language: the theme's own name ("undersea cables", "tecnologie
// quantistiche").
func isName(th *Theme, lang, w string) bool {
	if len(th.Terms) == 0 {
		return false
	}
	for _, x := range th.Terms[0].In(lang) {
		if x == w {
			return true
		}
	}
	return false
}
