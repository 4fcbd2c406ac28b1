package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// stemCache is a stemmer that remembers the stems it made: an import
// stems the same few tens of thousands of words over and over (the Italian
// Snowball stemmer and the Porter stemmer took a tenth of the Bleve half
// of the GIMP manual's import), and a stem depends on the word alone. It
// gives the same tokens as the stemmer it wraps; Bleve's analysis workers
// call it at once from several goroutines.
type stemCache struct {
	stemmer analysis.TokenFilter
	shards  [stemShards]stemShard
}

// stemShards is how many parts a stemCache's words are kept in, each with
// its own lock, so that the analysis workers seldom wait for each other.
const stemShards = 16

// stemShard is a part of a stemCache.
type stemShard struct {
	mu    sync.RWMutex
	stems map[string][]byte // word → stem, never changed
}

// stemShardWords is the most words a shard remembers: about 10 MB of
// words and stems for a whole cache at most, far more than the GIMP
// manual's vocabulary.
const stemShardWords = 200000 / stemShards

// Filter stems each token, from the cache when it can.
func (c *stemCache) Filter(input analysis.TokenStream) analysis.TokenStream {
	var one analysis.TokenStream
	for _, t := range input {
		if t.KeyWord || len(t.Term) == 0 {
			// a protected word: the stemmer decides (Porter leaves it)
			one = append(one[:0], t)
			c.stemmer.Filter(one)
			continue
		}
		term := t.Term
		sh := &c.shards[(len(term)+int(term[0])+int(term[len(term)-1]))%stemShards]
		sh.mu.RLock()
		s, ok := sh.stems[string(term)]
		sh.mu.RUnlock()
		if ok {
			t.Term = s
			continue
		}
		word := string(term)
		one = append(one[:0], t)
		c.stemmer.Filter(one)
		sh.mu.Lock()
		if sh.stems == nil {
			sh.stems = map[string][]byte{}
		}
		if len(sh.stems) < stemShardWords {
			// A full slice: whoever appends to a token's term copies it.
			sh.stems[word] = t.Term[:len(t.Term):len(t.Term)]
		}
		sh.mu.Unlock()
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

// forIndexing returns an analyzer that gives the same tokens as a,
// faster: its unicode tokenizer in a latinWordTokenizer, its stemmers in
// caches (shared through caches, by stemmer, between the analyzers made
// with the same map). Any other kind of analyzer is returned as it is.
func forIndexing(a analysis.Analyzer, caches map[analysis.TokenFilter]*stemCache) analysis.Analyzer {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return a
	}
	out := &analysis.DefaultAnalyzer{CharFilters: da.CharFilters, Tokenizer: da.Tokenizer,
		TokenFilters: append([]analysis.TokenFilter(nil), da.TokenFilters...)}
	if _, ok := da.Tokenizer.(*unicode.UnicodeTokenizer); ok {
		out.Tokenizer = &latinWordTokenizer{full: da.Tokenizer}
	}
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
