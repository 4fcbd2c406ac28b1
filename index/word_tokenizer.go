package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// latinWordTokenizer cuts text into words as Bleve's unicode tokenizer does
// (Unicode word segmentation, UAX #29, through the segment package's
// generated scanner), faster, for text in ASCII and the Latin-1 letters
// (à, è, é, ì, ò, ù…) and a few common signs (’ “ ” « » – — … → © ° ™),
// which holds almost every English and Italian passage: the scanner took
// a sixth of the Bleve half of an import. Any other character, anywhere
// in the text, hands the whole text to the unicode tokenizer it wraps. TestLatinWordTokenizerCutsAsUnicode checks
// the two against each other.
//
// In that alphabet the segmentation's rules come down to these: a word is
// a run of letters, digits and underscores (ExtendNumLet), which also
// holds a colon (MidLetter), a full stop or an apostrophe, straight or
// curly (MidNumLet, Single_Quote), between two letters, and a comma, a
// semicolon (MidNum), a full stop or an apostrophe between two digits;
// anything else is between words.
type latinWordTokenizer struct {
	full analysis.Tokenizer
}

// The classes of the characters latinWordTokenizer knows.
const (
	wcOther     = iota // between words
	wcLetter           // ALetter
	wcDigit            // Numeric
	wcUnder            // ExtendNumLet: _
	wcMidLetter        // MidLetter: :
	wcMidBoth          // MidNumLet and Single_Quote: . '
	wcMidNum           // MidNum: , ;
	wcUnknown          // not handled: the unicode tokenizer decides
)

// asciiWordClass is the class of each ASCII character.
var asciiWordClass = func() (c [128]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b], c[b-'a'+'A'] = wcLetter, wcLetter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = wcDigit
	}
	c['_'], c[':'], c['.'], c['\''], c[','], c[';'] = wcUnder, wcMidLetter, wcMidBoth, wcMidBoth, wcMidNum, wcMidNum
	return c
}()

// wordClass returns the class of the character at in[i] and its length in
// bytes (0 past the end).
func wordClass(in []byte, i int) (class uint8, size int) {
	if i >= len(in) {
		return wcOther, 0
	}
	b := in[i]
	if b < 0x80 {
		return asciiWordClass[b], 1
	}
	if i+1 < len(in) {
		switch c := in[i+1]; b {
		case 0xC3: // U+00C0–U+00FF: letters, but for × and ÷
			if c >= 0x80 && c <= 0xBF {
				if c == 0x97 || c == 0xB7 {
					return wcOther, 2
				}
				return wcLetter, 2
			}
		case 0xC2:
			switch c {
			case 0xAA, 0xB5, 0xBA: // ª µ º
				return wcLetter, 2
			case 0xA9, 0xAB, 0xB0, 0xBB: // © « ° »
				return wcOther, 2
			}
		case 0xE2:
			if i+2 < len(in) {
				switch d := in[i+2]; c {
				case 0x80:
					switch d {
					case 0x98, 0x99: // ‘ ’: MidNumLet
						return wcMidBoth, 3
					case 0x93, 0x94, 0x9C, 0x9D, 0xA6: // – — “ ” …
						return wcOther, 3
					}
				case 0x84:
					if d == 0xA2 { // ™
						return wcOther, 3
					}
				case 0x86:
					if d == 0x92 { // →
						return wcOther, 3
					}
				}
			}
		}
	}
	return wcUnknown, 1
}

// isWordChar reports whether a character of class c is always part of a
// word.
func isWordChar(c uint8) bool {
	return c == wcLetter || c == wcDigit || c == wcUnder
}

// joins reports whether a middle character of class mid joins the
// characters of classes prev and next into one word.
func joins(prev, mid, next uint8) bool {
	switch {
	case prev == wcLetter && next == wcLetter:
		return mid == wcMidLetter || mid == wcMidBoth
	case prev == wcDigit && next == wcDigit:
		return mid == wcMidNum || mid == wcMidBoth
	}
	return false
}

// Tokenize cuts input into words, numbered from 1, as the unicode
// tokenizer does.
func (t *latinWordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	words := 0 // runs of word characters: at least the words
	inRun := false
	for i := 0; i < len(input); {
		c, n := wordClass(input, i)
		if c == wcUnknown {
			return t.full.Tokenize(input)
		}
		if isWordChar(c) && !inRun {
			words++
		}
		inRun = isWordChar(c)
		i += n
	}
	tokens := make([]analysis.Token, 0, words)
	out := make(analysis.TokenStream, 0, words)
	for i := 0; i < len(input); {
		c, n := wordClass(input, i)
		if !isWordChar(c) {
			i += n
			continue
		}
		start, prev := i, c
		i += n
		for i < len(input) {
			c, n := wordClass(input, i)
			if isWordChar(c) {
				prev, i = c, i+n
				continue
			}
			next, m := wordClass(input, i+n)
			if m > 0 && joins(prev, c, next) {
				prev, i = next, i+n+m
				continue
			}
			break
		}
		tokens = append(tokens, analysis.Token{Term: input[start:i], Start: start, End: i,
			Position: len(tokens) + 1, Type: wordType(input[start:i])})
		out = append(out, &tokens[len(tokens)-1])
	}
	return out
}

// wordType is the type the unicode tokenizer gives a word: numeric when
// it has digits and no letter.
func wordType(w []byte) analysis.TokenType {
	digits := false
	for i := 0; i < len(w); {
		c, n := wordClass(w, i)
		if c == wcLetter {
			return analysis.AlphaNumeric
		}
		digits = digits || c == wcDigit
		i += n
	}
	if digits {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}
