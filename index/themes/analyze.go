package themes

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/registry"
)

var (
	analyzersOnce sync.Once
	analyzers     map[string]analysis.Analyzer
	analyzersErr  error
)

// analyzerFor returns Bleve's analyzer for a language ("en" or "it"), the
// same one the index uses, so that terms and texts are stemmed alike.
// Other languages fall back to English.
func analyzerFor(lang string) analysis.Analyzer {
	analyzersOnce.Do(func() {
		cache := registry.NewCache()
		analyzers = map[string]analysis.Analyzer{}
		for _, name := range []string{en.AnalyzerName, it.AnalyzerName} {
			a, err := cache.AnalyzerNamed(name)
			if err != nil {
				analyzersErr = err
				return
			}
			analyzers[name] = a
		}
	})
	if analyzersErr != nil {
		panic("themes: bleve analyzers: " + analyzersErr.Error())
	}
	if a, ok := analyzers[lang]; ok {
		return a
	}
	return analyzers[en.AnalyzerName]
}

// stems returns the stemmed tokens of text in a language, stop words left
// out, in reading order.
func stems(text, lang string) []string {
	if s, ok := shippedStemsOf(text, lang); ok {
		return s
	}
	if shippedFresh() {
		// the stem table holds the same wordings as shippedStems: no
		// need to read it to miss (a query's words, every search)
		return wordStemsOf(text, lang)
	}
	if s, ok := tableStems(text, lang); ok {
		return s
	}
	return wordStemsOf(text, lang)
}

// wordStemsOf is liveStems through the cache of words (appendWordStems),
// falling back to Bleve's analyzer when that cannot say.
func wordStemsOf(text, lang string) []string {
	if s, ok := appendWordStems(make([]string, 0, len(text)/6+1), text, lang); ok {
		return s
	}
	return liveStems(text, lang)
}

// liveStems is stems through Bleve's analyzer, without the table.
func liveStems(text, lang string) []string {
	ts := analyzerFor(lang).Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, fold(string(t.Term), lang))
	}
	return out
}

// fold evens out what Bleve's light Italian stemmer leaves apart: it keeps
// the final vowel of some plurals ("cavi", "cavo"), so a trailing vowel of an
// Italian stem longer than three letters is dropped. Only this package's
// matching uses the folded form; texts sent to Bleve are never folded.
func fold(stem, lang string) string {
	if lang != "it" || len(stem) <= 3 {
		return stem
	}
	switch stem[len(stem)-1] {
	case 'a', 'e', 'i', 'o', 'u':
		return stem[:len(stem)-1]
	}
	return stem
}

// key joins stems into a map key.
func key(s []string) string { return strings.Join(s, " ") }
