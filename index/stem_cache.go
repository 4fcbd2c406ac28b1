package index

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
)

// stemCache is a stemmer that remembers the stems it made: an import
// stems the same few tens of thousands of words over and over (the Italian
// Snowball stemmer and the Porter stemmer took a tenth of the Bleve half
// of the GIMP manual's import), and a stem depends on the word alone. It
// gives the same tokens as the stemmer it wraps; Bleve's analysis workers
// call it at once from several goroutines.
type stemCache struct {
	stemmer analysis.TokenFilter
	stems   sync.Map // word → stem ([]byte, never changed)
	size    atomic.Int64
}

// stemCacheWords is the most words a stemCache remembers: about 10 MB of
// words and stems at most, far more than the GIMP manual's vocabulary.
const stemCacheWords = 200000

// Filter stems each token, from the cache when it can.
func (c *stemCache) Filter(input analysis.TokenStream) analysis.TokenStream {
	one := make(analysis.TokenStream, 1)
	for _, t := range input {
		if t.KeyWord {
			// a protected word: the stemmer decides (Porter leaves it)
			one[0] = t
			c.stemmer.Filter(one)
			continue
		}
		if s, ok := c.stems.Load(string(t.Term)); ok {
			t.Term = s.([]byte)
			continue
		}
		word := string(t.Term)
		one[0] = t
		c.stemmer.Filter(one)
		if c.size.Load() < stemCacheWords {
			c.size.Add(1)
			// A full slice: whoever appends to a token's term copies it.
			c.stems.Store(word, t.Term[:len(t.Term):len(t.Term)])
		}
	}
	return input
}

// isStemmer reports whether f is one of the stemmers the index's analyzers
// use, which stem each token by its term alone.
func isStemmer(f analysis.TokenFilter) bool {
	switch f.(type) {
	case *porter.PorterStemmer, *it.ItalianStemmerFilter, *en.EnglishStemmerFilter:
		return true
	}
	return false
}

// withStemCaches returns an analyzer that gives the same tokens as a, its
// stemmers wrapped in caches (shared through caches, by stemmer, between
// the analyzers built with the same map). Any other kind of analyzer is
// returned as it is.
func withStemCaches(a analysis.Analyzer, caches map[analysis.TokenFilter]*stemCache) analysis.Analyzer {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return a
	}
	out := &analysis.DefaultAnalyzer{CharFilters: da.CharFilters, Tokenizer: da.Tokenizer,
		TokenFilters: append([]analysis.TokenFilter(nil), da.TokenFilters...)}
	for i, f := range out.TokenFilters {
		if !isStemmer(f) {
			continue
		}
		c := caches[f]
		if c == nil {
			c = &stemCache{stemmer: f}
			caches[f] = c
		}
		out.TokenFilters[i] = c
	}
	return out
}
