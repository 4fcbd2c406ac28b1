package bridge

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"attache/briefing"
	"attache/index"
	"attache/index/corpus"
	"attache/index/themes"
)

// DefaultPerTheme is how many passages Draft puts in each section unless
// told otherwise.
const DefaultPerTheme = 4

// Draft options.
const (
	// nearDuplicate is the word-shingle Jaccard similarity above which two
	// passages count as saying the same thing.
	nearDuplicate = 0.6
	// shingleSize is the number of words in a shingle.
	shingleSize = 3
	// minWords leaves out lead-ins such as "Examples of future actions:".
	minWords = 12
)

// Draft creates a brief with one section per theme, in the order given,
// each headed with the theme's label in the brief's language (h.Lang, "en"
// by default), carrying the theme, and pre-filled with up to perTheme
// (DefaultPerTheme if 0 or less) representative passages: see
// Representative. Without a title, the brief is titled with the themes'
// labels. The user prunes it afterwards.
func Draft(lib index.Library, h briefing.Header, themeIDs []string, perTheme int) (*briefing.Brief, error) {
	if len(themeIDs) == 0 {
		return nil, fmt.Errorf("draft: give at least one theme")
	}
	tx := themes.Default()
	seen := map[string]bool{}
	for _, id := range themeIDs {
		if tx.Theme(id) == nil {
			return nil, fmt.Errorf("no theme %q: 'attache themes' lists them", id)
		}
		if seen[id] {
			return nil, fmt.Errorf("theme %q given twice", id)
		}
		seen[id] = true
	}
	if perTheme <= 0 {
		perTheme = DefaultPerTheme
	}
	if strings.TrimSpace(h.Title) == "" {
		var labels []string
		for _, id := range themeIDs {
			labels = append(labels, tx.Theme(id).Label(h.Lang))
		}
		h.Title = strings.Join(labels, "; ")
	}
	b, err := briefing.New(h, "blank")
	if err != nil {
		return nil, err
	}
	docs, err := libraryDocs(lib)
	if err != nil {
		return nil, err
	}
	for _, id := range themeIDs {
		th := tx.Theme(id)
		sid, err := b.AddSection(th.Label(b.Lang), -1)
		if err != nil {
			return nil, err
		}
		if err := b.SetSectionTheme(sid, id); err != nil {
			return nil, err
		}
		for _, c := range representative(tx, docs, id, perTheme) {
			if _, err := b.AddExcerpt(sid, Snapshot(c.p, c.doc.Meta), -1); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}

// Representative returns up to n passages of the library that best
// represent a theme, spread across documents and languages and without
// near-duplicates:
//
//   - the candidates are the passages tagged with the theme, scored by the
//     taxonomy (themes.Taxonomy.Scores), leaving out lead-ins of fewer than
//     twelve words;
//   - each document's candidates are taken strongest first, round-robin
//     across documents: each pick goes to the document with the fewest
//     picks so far, then to the language with the fewest, then to the
//     strongest next candidate;
//   - a candidate whose three-word shingles overlap a picked passage's with
//     a Jaccard similarity above 0.6 is skipped as a near-duplicate.
func Representative(lib index.Library, theme string, n int) ([]*corpus.Passage, error) {
	tx := themes.Default()
	if tx.Theme(theme) == nil {
		return nil, fmt.Errorf("no theme %q", theme)
	}
	docs, err := libraryDocs(lib)
	if err != nil {
		return nil, err
	}
	var out []*corpus.Passage
	for _, c := range representative(tx, docs, theme, n) {
		out = append(out, c.p)
	}
	return out, nil
}

// candidate is a passage tagged with a theme, with its score.
type candidate struct {
	p        *corpus.Passage
	doc      *corpus.Document
	score    float64
	shingles map[string]bool
}

func representative(tx *themes.Taxonomy, docs []*corpus.Document, theme string, n int) []candidate {
	// Per document, its candidates strongest first.
	var queues [][]candidate
	for _, d := range docs {
		var q []candidate
		for i := range d.Passages {
			p := &d.Passages[i]
			if !hasTheme(p, theme) || len(strings.Fields(p.Text)) < minWords {
				continue
			}
			score := 0.0
			for _, s := range tx.Scores(p) {
				if s.Theme == theme {
					score = s.Score
				}
			}
			q = append(q, candidate{p: p, doc: d, score: score, shingles: shingles(p.Text)})
		}
		sort.SliceStable(q, func(i, j int) bool { return q[i].score > q[j].score })
		if len(q) > 0 {
			queues = append(queues, q)
		}
	}
	perDoc := make([]int, len(queues))
	perLang := map[string]int{}
	var picked []candidate
	for len(picked) < n {
		best := -1
		for i, q := range queues {
			if len(q) == 0 {
				continue
			}
			if best < 0 || better(q[0], perDoc[i], perLang, queues[best][0], perDoc[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		c := queues[best][0]
		queues[best] = queues[best][1:]
		if duplicates(c, picked) {
			continue
		}
		picked = append(picked, c)
		perDoc[best]++
		perLang[c.p.Lang]++
	}
	return picked
}

// better says whether candidate a, from a document with docPicks picks so
// far, should be picked before b.
func better(a candidate, aPicks int, perLang map[string]int, b candidate, bPicks int) bool {
	if aPicks != bPicks {
		return aPicks < bPicks
	}
	if la, lb := perLang[a.p.Lang], perLang[b.p.Lang]; la != lb {
		return la < lb
	}
	return a.score > b.score
}

func hasTheme(p *corpus.Passage, theme string) bool {
	for _, t := range p.Themes {
		if t == theme {
			return true
		}
	}
	return false
}

// duplicates says whether c nearly repeats a passage already picked.
func duplicates(c candidate, picked []candidate) bool {
	for _, p := range picked {
		if p.p.ID == c.p.ID || Jaccard(p.shingles, c.shingles) > nearDuplicate {
			return true
		}
	}
	return false
}

// shingles returns the set of runs of shingleSize consecutive words of a
// text, lower-cased, punctuation ignored (the whole text when shorter).
func shingles(text string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := map[string]bool{}
	if len(words) < shingleSize {
		out[strings.Join(words, " ")] = true
		return out
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		out[strings.Join(words[i:i+shingleSize], " ")] = true
	}
	return out
}

// Jaccard is the size of the intersection of two sets over that of their
// union, 0 for two empty sets.
func Jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// libraryDocs returns every document of the library, in its order.
func libraryDocs(lib index.Library) ([]*corpus.Document, error) {
	infos, err := lib.Documents()
	if err != nil {
		return nil, err
	}
	docs := make([]*corpus.Document, 0, len(infos))
	for _, info := range infos {
		d, err := lib.Document(info.ID)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}
