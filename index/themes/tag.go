package themes

import (
	"math"
	"sort"
	"strings"

	"attache/index/corpus"
)

// How a passage is scored against a theme. See Tag.
const (
	// Threshold is the least score that tags a passage with a theme.
	Threshold = 1.5
	// relativeFloor drops a theme scoring under this share of the passage's
	// strongest theme: what a passage only touches on is not what it is about.
	relativeFloor = 0.25
	// maxTags is the most themes a passage is tagged with.
	maxTags = 4
	// refLength is the passage length, in stemmed words, at which no length
	// normalisation applies; a passage's score is divided by the square
	// root of its length over refLength, counting at least minLength words.
	refLength = 40
	minLength = 20
	// headingBonus is added when a theme's term is in the passage's nearest
	// section heading.
	headingBonus = 1.0
	// defaultIDF weighs terms when no corpus statistics have been gathered.
	defaultIDF = 0.75
)

// Score is how strongly a passage is about one theme.
type Score struct {
	// Theme is the theme's ID.
	Theme string `json:"theme"`
	// Score is the weighted, length-normalised term score (see Tag).
	Score float64 `json:"score"`
	// Terms are the theme's terms found in the passage, as the taxonomy
	// writes them.
	Terms []string `json:"terms,omitempty"`
	// InHeading is true when a term was found in the section heading.
	InHeading bool `json:"in_heading,omitempty"`
}

// corpusStats holds, per language, how many passages there are and in how
// many passages each stemmed term occurs.
type corpusStats struct {
	passages map[string]int
	df       map[string]map[string]int
}

// Tag returns the themes a passage is about, strongest first: those whose
// score reaches Threshold and a quarter of the strongest score, at most
// four.
//
// The score of a theme is computed in the passage's language ("en" or "it")
// on Bleve's stemmed tokens, stop words left out, the same way the index
// analyses text:
//
//  1. The theme's terms are found in the passage, longest phrases first, a
//     word counting for one term only.
//  2. Each term found weighs its length (1 for a word, +0.5 per further
//     word of a phrase) times its IDF scaled into [0.5, 1]:
//     0.5 + 0.5·ln(1 + N/df)/ln(1 + N) over the N passages of that language
//     the taxonomy was last given in TagDocuments (0.75 before any), so a
//     term found everywhere counts half as much as a rare one; repeats add
//     1 + ln(count).
//  3. The sum is divided by sqrt(words/40), counting at least 20 words,
//     so that a long passage naming a term once in a list scores lower than
//     a short one about it, and a one-sentence action point naming its
//     subject scores higher.
//  4. A bonus of 1 is added when a term of the theme occurs in the nearest
//     section heading above the passage.
func (tx *Taxonomy) Tag(p *corpus.Passage) []Score {
	all := tx.Scores(p)
	var out []Score
	for _, s := range all {
		if s.Score < Threshold || s.Score < relativeFloor*all[0].Score || len(out) == maxTags {
			break
		}
		out = append(out, s)
	}
	return out
}

// Scores returns every theme with a term in the passage (or its heading),
// strongest first, whether or not it reaches the threshold.
func (tx *Taxonomy) Scores(p *corpus.Passage) []Score {
	lang := langOf(p.Lang)
	tokens := stems(p.Text, lang)
	var heading []string
	if n := len(p.Section); n > 0 {
		heading = stems(p.Section[n-1], lang)
	}
	tx.mu.RLock()
	st := tx.stats
	tx.mu.RUnlock()

	norm := math.Sqrt(float64(max(len(tokens), minLength)) / refLength)
	var out []Score
	for _, th := range tx.Themes {
		ms := th.matchers[lang]
		counts := matchCounts(tokens, ms)
		raw := 0.0
		var terms []string
		for i, c := range counts {
			if c == 0 {
				continue
			}
			m := ms[i]
			raw += lengthWeight(m.stems) * st.idf(lang, m.stems) * (1 + math.Log(float64(c)))
			terms = append(terms, m.text)
		}
		s := Score{Theme: th.ID, Score: raw / norm, Terms: terms}
		for _, c := range matchCounts(heading, ms) {
			if c > 0 {
				s.InHeading = true
				s.Score += headingBonus
				break
			}
		}
		if s.Score > 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// TagDocuments gathers term statistics over all the documents' passages,
// then sets every passage's Themes to the IDs of its tags, strongest first.
// Give it the whole library, so that the statistics are the library's.
func (tx *Taxonomy) TagDocuments(docs []*corpus.Document) {
	st := &corpusStats{passages: map[string]int{}, df: map[string]map[string]int{}}
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			lang := langOf(p.Lang)
			st.passages[lang]++
			if st.df[lang] == nil {
				st.df[lang] = map[string]int{}
			}
			seen := map[string]bool{}
			tokens := stems(p.Text, lang)
			for _, th := range tx.Themes {
				for _, m := range th.matchers[lang] {
					k := key(m.stems)
					if !seen[k] && indexOf(tokens, m.stems, 0) >= 0 {
						seen[k] = true
						st.df[lang][k]++
					}
				}
			}
		}
	}
	tx.mu.Lock()
	tx.stats = st
	tx.mu.Unlock()
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			p.Themes = nil
			for _, s := range tx.Tag(p) {
				p.Themes = append(p.Themes, s.Theme)
			}
		}
	}
}

// idf is the inverse document frequency of a stemmed term.
func (st *corpusStats) idf(lang string, s []string) float64 {
	if st == nil || st.passages[lang] == 0 {
		return defaultIDF
	}
	n := float64(st.passages[lang])
	df := st.df[lang][key(s)]
	if df < 1 {
		df = 1
	}
	return 0.5 + 0.5*math.Log(1+n/float64(df))/math.Log(1+n)
}

// lengthWeight favours phrases over single words.
func lengthWeight(s []string) float64 { return 1 + 0.5*float64(len(s)-1) }

// matchCounts counts the occurrences of each matcher in tokens, longest
// phrases first, each token counting for one matcher at most.
func matchCounts(tokens []string, ms []matcher) []int {
	counts := make([]int, len(ms))
	if len(tokens) == 0 {
		return counts
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(ms[order[a]].stems) > len(ms[order[b]].stems) })
	used := make([]bool, len(tokens))
	for _, i := range order {
		s := ms[i].stems
		for from := 0; ; {
			at := indexOf(tokens, s, from)
			if at < 0 {
				break
			}
			free := true
			for k := at; k < at+len(s); k++ {
				if used[k] {
					free = false
					break
				}
			}
			if free {
				for k := at; k < at+len(s); k++ {
					used[k] = true
				}
				counts[i]++
			}
			from = at + 1
		}
	}
	return counts
}

// indexOf returns where the sequence s starts in tokens at or after from,
// or -1.
func indexOf(tokens, s []string, from int) int {
	if len(s) == 0 {
		return -1
	}
outer:
	for i := from; i+len(s) <= len(tokens); i++ {
		for k, w := range s {
			if tokens[i+k] != w {
				continue outer
			}
		}
		return i
	}
	return -1
}

// langOf maps a passage's language to one the taxonomy has terms in.
func langOf(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "it") {
		return "it"
	}
	return "en"
}

// QueryThemes returns the IDs of the themes a query names, strongest
// first: those with a term in the query, read in English and in Italian,
// whose weight (see Tag, without IDF or length) is at least half the
// strongest's. The index uses it to rank the passages about those themes
// higher among the hits.
func (tx *Taxonomy) QueryThemes(text string) []string {
	type hit struct {
		id    string
		score float64
	}
	var hits []hit
	best := 0.0
	for _, th := range tx.Themes {
		score := 0.0
		for _, lang := range []string{"en", "it"} {
			ms := th.matchers[lang]
			s := 0.0
			for i, c := range matchCounts(stems(text, lang), ms) {
				if c > 0 {
					s += lengthWeight(ms[i].stems)
				}
			}
			score = math.Max(score, s)
		}
		if score > 0 {
			hits = append(hits, hit{th.ID, score})
			best = math.Max(best, score)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	var out []string
	for _, h := range hits {
		if h.score >= best/2 {
			out = append(out, h.id)
		}
	}
	return out
}
