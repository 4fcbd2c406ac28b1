package index

import (
	"context"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// termStats answers how rare a wording is in the library's passages of a
// language, from the index's document frequencies, for one search.
type termStats struct {
	reader    bindex.IndexReader // nil: every wording counts as rare
	analyzers analyzerSet
	total     map[string]float64 // passages per language code
	cache     map[string]float64
}

// statsCache keeps the last snapshot's statistics between searches: they
// do not change until the index does, and a user refining a query asks
// for the same words again.
var statsCache struct {
	sync.Mutex
	reader bindex.IndexReader // the snapshot (compared, not read)
	total  map[string]float64
	rarity map[string]float64
}

// statsCacheSize is the most wordings statsCache keeps.
const statsCacheSize = 4096

// newTermStats opens a reader on idx for the statistics of one search.
func newTermStats(idx bleve.Index, an analyzerSet) *termStats {
	ts := &termStats{analyzers: an, total: map[string]float64{}, cache: map[string]float64{}}
	adv, err := idx.Advanced()
	if err != nil {
		return ts
	}
	r, err := adv.Reader()
	if err != nil {
		return ts
	}
	ts.reader = r
	statsCache.Lock()
	if statsCache.reader == r {
		for k, v := range statsCache.total {
			ts.total[k] = v
		}
		statsCache.Unlock()
		return ts
	}
	statsCache.Unlock()
	all, _ := r.DocCount()
	var known float64
	for _, code := range []string{"en", "it"} {
		ts.total[code] = float64(ts.docFreq(fieldLang, code))
		known += ts.total[code]
	}
	ts.total["xx"] = math.Max(0, float64(all)-known)
	statsCache.Lock()
	statsCache.reader, statsCache.total, statsCache.rarity = r, ts.total, map[string]float64{}
	statsCache.Unlock()
	return ts
}

// close releases the reader.
func (ts *termStats) close() {
	if ts.reader != nil {
		ts.reader.Close()
	}
}

// known returns a wording's rarity from the snapshot's cache.
func (ts *termStats) known(k string) (float64, bool) {
	statsCache.Lock()
	defer statsCache.Unlock()
	if statsCache.reader != ts.reader {
		return 0, false
	}
	r, ok := statsCache.rarity[k]
	return r, ok
}

// keep puts a wording's rarity in the snapshot's cache.
func (ts *termStats) keep(k string, r float64) {
	statsCache.Lock()
	defer statsCache.Unlock()
	if statsCache.reader == ts.reader && len(statsCache.rarity) < statsCacheSize {
		statsCache.rarity[k] = r
	}
}

// docFreq is the number of passages with term in field.
func (ts *termStats) docFreq(field, term string) uint64 {
	tfr, err := ts.reader.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}

// rarity is the inverse document frequency of a wording's rarest word in
// the passages of a language, scaled to 1 for a word in none of them: 0
// for a word in every passage. It is query.Options.Rarity.
func (ts *termStats) rarity(lang, text string) float64 {
	if ts.reader == nil {
		return 1
	}
	k := lang + "\x00" + text
	if r, ok := ts.cache[k]; ok {
		return r
	}
	if r, ok := ts.known(k); ok {
		ts.cache[k] = r
		return r
	}
	var lf langField
	for _, f := range langFields {
		if f.code == lang {
			lf = f
		}
	}
	n := ts.total[lang]
	r := 1.0
	if n > 0 && lf.text != "" {
		r = 0
		for _, tok := range (bleveQuery{analyzers: ts.analyzers}).tokens(text, lf.analyzer) {
			df := float64(ts.docFreq(lf.text, tok))
			r = math.Max(r, math.Log(1+n/(df+1))/math.Log(1+n))
		}
		if r == 0 {
			r = 1 // only stop words: nothing to weigh
		}
	}
	ts.cache[k] = r
	ts.keep(k, r)
	return r
}
