package index

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"attache/index/themes"
)

// latinWordTokenizer cuts text into words as Bleve's unicode tokenizer does
// (Unicode word segmentation, UAX #29, through the segment package's
// generated scanner), faster, for text in Latin letters and the common
// signs beside them, which holds almost every English and Italian
// passage: the scanner took a sixth of the Bleve half of an import. The
// words are cut by themes.SplitWords, the tagger's own cutter of the same
// words (one set of rules for both, TestSplitWords checks it against the
// segment package); a text holding any character it does not read goes
// whole to the unicode tokenizer latinWordTokenizer wraps.
// TestLatinWordTokenizerCutsAsUnicode checks the two tokenizers against
// each other. On the GIMP manual's passages (BenchmarkLatinTokenizerGIMP)
// it takes 35-40 ms where this tokenizer's own byte scanner took 42-46,
// alternating, 4 runs each.
type latinWordTokenizer struct {
	full analysis.Tokenizer
}

// Tokenize cuts input into words, numbered from 1, as the unicode
// tokenizer does.
func (t *latinWordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	scratch := wordScratch.Get().(*[][]byte)
	defer wordScratch.Put(scratch)
	words, ok := themes.SplitWords((*scratch)[:0], input)
	*scratch = words[:0]
	if !ok {
		return t.full.Tokenize(input)
	}
	tokens := make([]analysis.Token, len(words))
	out := make(analysis.TokenStream, len(words))
	// each word is a slice of input: where it starts is told by how
	// much of input's capacity it leaves
	base := cap(input)
	for i, w := range words {
		start := base - cap(w)
		tokens[i] = analysis.Token{Term: w, Start: start, End: start + len(w), Position: i + 1, Type: wordType(w)}
		out[i] = &tokens[i]
	}
	return out
}

// wordScratch holds the slices Tokenize cuts words into, before it makes
// their tokens: analysis runs on several goroutines at once.
var wordScratch = sync.Pool{New: func() any { return new([][]byte) }}

// wordType is the type the unicode tokenizer gives a word: numeric when
// it has digits and no letter.
func wordType(w []byte) analysis.TokenType {
	digits := false
	for i := 0; i < len(w); {
		b := w[i]
		if b < utf8.RuneSelf {
			if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' {
				return analysis.AlphaNumeric
			}
			digits = digits || '0' <= b && b <= '9'
			i++
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		if unicode.IsLetter(r) {
			return analysis.AlphaNumeric
		}
		i += n
	}
	if digits {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}
