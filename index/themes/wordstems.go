package themes

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/token/elision"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/segment"
)

// Tagging stems every word of every passage. Bleve's analyzers for
// English and Italian cut a text into words (Unicode word boundaries),
// then pass each word alone through their token filters (possessive or
// elision, lower case, stop words, stemmer): what a word becomes depends
// on the word only. So the words of a text are cut here in one pass over
// it (splitWords, for texts in Latin letters), and what the filters make
// of each distinct word is worked out once
// and kept, per language, for the rest of the process: words repeat, a
// manual of 1,370 pages has some 40,000 distinct ones. The stems are
// the analyzer's, exactly (TestWordStemsAreTheAnalyzers).

// maxCachedWords bounds each language's cache of words; past it, new
// words are stemmed each time they come.
const maxCachedWords = 1 << 17

// word is what the analyzer's filters make of a word: its stem, folded
// (fold), or nothing (a stop word).
type word struct {
	stem    string
	dropped bool
}

// wordCache holds the words of one language seen so far.
type wordCache struct {
	mu    sync.RWMutex
	words map[string]word
}

var (
	wordCachesOnce sync.Once
	wordCaches     map[string]*wordCache
)

// wordCacheFor returns the cache of a language's words: Italian's for
// "it", English's for every other (analyzerFor's English analyzer, and
// fold leaves them alike).
func wordCacheFor(lang string) *wordCache {
	wordCachesOnce.Do(func() {
		wordCaches = map[string]*wordCache{
			"en": {words: map[string]word{}},
			"it": {words: map[string]word{}},
		}
	})
	if lang == "it" {
		return wordCaches["it"]
	}
	return wordCaches["en"]
}

// segmentScratch is what one cut of a text into words uses, reused.
type segmentScratch struct {
	segs  [][]byte
	types []int
	words []word
	found []bool
}

var segmentScratchPool = sync.Pool{New: func() any { return &segmentScratch{} }}

// appendWordStems appends to dst the stem of each word of text in a
// language that is not a stop word, in reading order: what liveStems
// returns, without Bleve's tokens. It reports false, with dst as given,
// when it cannot say (the segmenter stopped early, an analyzer unlike
// Bleve's English and Italian ones): use liveStems then.
func appendWordStems(dst []string, text, lang string) ([]string, bool) {
	a, ok := analyzerFor(lang).(*analysis.DefaultAnalyzer)
	if !ok || !analyzerIsWordByWord(a) {
		return dst, false
	}
	sc := segmentScratchPool.Get().(*segmentScratch)
	usedSegs, usedWords := 0, 0
	defer func() {
		// let go of the text and the words before the scratch is pooled
		clear(sc.segs[:usedSegs])
		clear(sc.words[:usedWords])
		segmentScratchPool.Put(sc)
	}()
	data := []byte(text)
	segs, ok := splitWords(sc.segs[:0], data)
	var types []int // nil: every one a word of letters or digits
	if !ok {
		var n int
		var err error
		segs, types, n, err = segment.SegmentWordsDirect(data, sc.segs[:0], sc.types[:0])
		sc.segs, sc.types, usedSegs = segs, types, len(segs)
		if err != nil || n != len(data) {
			return dst, false
		}
		// Keep only the words (Bleve's tokenizer drops the rest: spaces,
		// punctuation).
		k := 0
		for i, b := range segs {
			if types[i] != segment.None {
				segs[k], types[k] = b, types[i]
				k++
			}
		}
		segs, types = segs[:k], types[:k]
	}
	sc.segs = segs
	usedSegs = max(usedSegs, len(segs))
	// Look the words up under one read lock.
	k := len(segs)
	if cap(sc.words) < k {
		sc.words = make([]word, k)
		sc.found = make([]bool, k)
	}
	words, found := sc.words[:k], sc.found[:k]
	usedWords = k
	c := wordCacheFor(lang)
	missing := 0
	c.mu.RLock()
	for i, b := range segs {
		words[i], found[i] = c.words[string(b)]
		if !found[i] {
			missing++
		}
	}
	c.mu.RUnlock()
	if missing > 0 {
		for i, b := range segs {
			if !found[i] {
				typ := segment.Letter
				if types != nil {
					typ = types[i]
				}
				if words[i], ok = analyzeWord(a, b, typ, lang); !ok {
					return dst, false
				}
			}
		}
		c.mu.Lock()
		for i, b := range segs {
			if !found[i] && len(c.words) < maxCachedWords {
				c.words[string(b)] = words[i]
			}
		}
		c.mu.Unlock()
	}
	for i := range words {
		if !words[i].dropped {
			dst = append(dst, words[i].stem)
		}
	}
	return dst, true
}

// analyzeWord passes one word through an analyzer's token filters; false
// if they made several tokens of it (none of Bleve's do).
func analyzeWord(a *analysis.DefaultAnalyzer, b []byte, typ int, lang string) (word, bool) {
	tt := analysis.AlphaNumeric
	switch typ {
	case segment.Ideo, segment.Kana:
		tt = analysis.Ideographic
	case segment.Number:
		tt = analysis.Numeric
	}
	term := append([]byte(nil), b...)
	ts := analysis.TokenStream{{Term: term, Start: 0, End: len(term), Position: 1, Type: tt}}
	for _, f := range a.TokenFilters {
		ts = f.Filter(ts)
	}
	switch len(ts) {
	case 0:
		return word{dropped: true}, true
	case 1:
		return word{stem: fold(string(ts[0].Term), lang)}, true
	}
	return word{}, false
}

var (
	wordByWordOnce sync.Once
	wordByWord     map[*analysis.DefaultAnalyzer]bool
)

// analyzerIsWordByWord reports whether a cuts words as Bleve's unicode
// tokenizer does, has no character filter, and has only token filters
// known to change or drop each token by itself alone (those of Bleve's
// English and Italian analyzers), so that a word's stem does not depend
// on its neighbours.
func analyzerIsWordByWord(a *analysis.DefaultAnalyzer) bool {
	wordByWordOnce.Do(func() {
		wordByWord = map[*analysis.DefaultAnalyzer]bool{}
		for _, lang := range []string{"en", "it"} {
			d, ok := analyzerFor(lang).(*analysis.DefaultAnalyzer)
			if !ok || d.CharFilters != nil {
				continue
			}
			if _, ok := d.Tokenizer.(*unicode.UnicodeTokenizer); !ok {
				continue
			}
			alone := true
			for _, f := range d.TokenFilters {
				switch f.(type) {
				case *en.PossessiveFilter, *lowercase.LowerCaseFilter, *stop.StopTokensFilter,
					*porter.PorterStemmer, *elision.ElisionFilter, *it.ItalianLightStemmerFilter:
				default:
					alone = false
				}
			}
			wordByWord[d] = alone
		}
	})
	return wordByWord[a]
}
