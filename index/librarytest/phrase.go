package librarytest

import (
	"strings"
	"testing"
	"unicode"

	"attache/index"
	"attache/index/corpus"
)

// typedPhrases are quoted phrases searched in the same language only, so
// that every hit must hold the phrase's own words: "digital governance"
// shares its stems with "Digital Government", and "AI governance" is only
// "governance" to the Italian analyzer ("ai" being "to the").
var typedPhrases = []string{
	`"digital governance"`, `"governance digitale"`, `"AI governance"`, `"digital divide"`, `"Privacy Policy"`,
	`"la chiusura e la censura"`, `"cavi sottomarini"`, `"sovranità digitale"`, `"small and medium-sized enterprises"`,
	`"ricerca e innovazione"`,
}

// requiredWords are queries with a +word, searched in the same language
// only: every hit holds that word as typed or inflected, in its text or
// its list context, not a word that only shares its stem.
var requiredWords = []struct{ query, word string }{
	{"+governance digital", "governance"},
	{"+governance +digital", "governance"},
	{"+sostenibilità digitale", "sostenibilità"},
	{"+recommendations governments", "recommendations"},
}

// testPhraseWords holds a library to the phrase contract word by word: a
// quoted phrase's hits all hold the phrase's words in order, each as typed
// or inflected; +word hits all hold the word.
func testPhraseWords(t *testing.T, lib index.Library) {
	for _, text := range typedPhrases {
		res := search(t, lib, index.Query{Text: text, SameLanguage: true, Limit: index.MaxLimit})
		for _, h := range res.Hits {
			if !HoldsInOrder(h.Text, strings.Trim(text, `"`)) {
				t.Errorf("%s: hit %s lacks the phrase's words in order: %q", text, h.ID, h.Text)
			}
		}
		if res.Total != len(res.Hits) {
			t.Errorf("%s: total %d, %d hits", text, res.Total, len(res.Hits))
		}
	}
	for _, r := range requiredWords {
		res := search(t, lib, index.Query{Text: r.query, SameLanguage: true, Limit: index.MaxLimit})
		if res.Total == 0 {
			t.Errorf("%s: nothing", r.query)
		}
		docs := map[string]*corpus.Document{}
		for _, h := range res.Hits {
			d, ok := docs[h.DocID]
			if !ok {
				var err error
				if d, err = lib.Document(h.DocID); err != nil {
					t.Fatal(err)
				}
				docs[h.DocID] = d
			}
			text := h.Text
			if h.Seq < len(d.Passages) {
				text += " " + index.PassageContext(d, &d.Passages[h.Seq])
			}
			if !inOrder(wordsOf(text), []string{r.word}) {
				t.Errorf("%s: hit %s lacks %s (text and list context): %q", r.query, h.ID, r.word, text)
			}
		}
	}
}

// HoldsInOrder reports whether text holds the words of phrase one after
// the other, each as typed or inflected (they agree but for their last
// three letters: "cables" for "cable", not "governments" for
// "governance"), its words of up to three letters (articles,
// prepositions) only as places any word may take, an elided article
// ("dell'") left out, hyphenated words as their parts.
func HoldsInOrder(text, phrase string) bool { return inOrder(wordsOf(text), wordsOf(phrase)) }

// wordsOf are the words of a text, lower case, an elided article
// ("dell'") left out and hyphenated words as their parts.
func wordsOf(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		if i := strings.LastIndexAny(w, "'’"); i >= 0 {
			w = strings.TrimLeft(w[i:], "'’")
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// inOrder reports whether text's words hold the phrase's words one after
// the other, each as typed or inflected (see inflection), the phrase's
// words of up to three letters (articles, prepositions: stop words) only
// as places: any word may stand there.
func inOrder(text, phrase []string) bool {
	for start := range text {
		if start+len(phrase) > len(text) {
			return false
		}
		ok := true
		for j, w := range phrase {
			if len([]rune(w)) > 3 && !inflection(text[start+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// inflection reports whether word is typed or an inflection of it: the two
// agree but for their last three letters ("cables" for "cable", not
// "governments" for "governance").
func inflection(word, typed string) bool {
	a, b := []rune(word), []rune(typed)
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n == len(a) || n == len(b) || n >= len(b)-3 && n >= 3
}
