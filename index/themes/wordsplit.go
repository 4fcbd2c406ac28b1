package themes

import "unicode/utf8"

// splitWords cuts the words out of texts written in Latin letters as
// Bleve's unicode tokenizer does (the segment package: Unicode 8.0 word
// boundaries, UAX #29), without its general machine, which took two
// fifths of tagging. The rules that matter in such texts: letters and
// digits run together (WB5, WB8-WB10), so does the connector '_' (WB13a,
// WB13b); one of ": · ‧" or ". ’ ‘ ․ '" between two letters joins them
// (WB6, WB7), one of ", ;" or ". ’ ‘ ․ '" between two digits joins them
// (WB11, WB12); everything else ends a word. A text holding any other
// character (another script, a combining mark, a soft hyphen) is left to
// the segment package: splitWords reports false. TestSplitWords compares
// both on every character it reads, in every context.

// wordClass is a character's class for word boundaries.
type wordClass uint8

const (
	wcUnknown   wordClass = iota // not read here
	wcOther                      // ends a word, is none
	wcLetter                     // ALetter
	wcDigit                      // Numeric
	wcMidLetter                  // MidLetter
	wcMidNumLet                  // MidNumLet and Single_Quote
	wcMidNum                     // MidNum
	wcConnector                  // ExtendNumLet
)

// latinClasses classifies U+0000 to U+00FF.
var latinClasses = func() (t [256]wordClass) {
	for c := 0; c < 256; c++ {
		t[c] = wcOther
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wcLetter, wcLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wcDigit
	}
	t[':'], t['.'], t['\''], t[','], t[';'], t['_'] = wcMidLetter, wcMidNumLet, wcMidNumLet, wcMidNum, wcMidNum, wcConnector
	t[0xAA], t[0xB5], t[0xBA] = wcLetter, wcLetter, wcLetter
	t[0xB7] = wcMidLetter
	t[0xAD] = wcUnknown // SOFT HYPHEN: Format, which words carry along
	for c := 0xC0; c < 0x100; c++ {
		if c != 0xD7 && c != 0xF7 {
			t[c] = wcLetter
		}
	}
	return t
}()

// classOf classifies a character that is not ASCII.
func classOf(r rune) wordClass {
	switch {
	case r < 0x100:
		return latinClasses[r]
	case r < 0x250: // Latin Extended-A and -B: letters
		return wcLetter
	}
	switch r {
	case 0x2018, 0x2019, 0x2024:
		return wcMidNumLet
	case 0x2027:
		return wcMidLetter
	case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2016, 0x2017,
		0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2020, 0x2021, 0x2022, 0x2023,
		0x2025, 0x2026, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A, 0x20AC, 0x2122:
		return wcOther
	}
	return wcUnknown
}

// splitWords appends to dst the words of text (the segments Bleve's
// tokenizer keeps), or reports false, with dst as given, when text holds
// a character it does not read.
func splitWords(dst [][]byte, text []byte) ([][]byte, bool) {
	n0 := len(dst)
	start := -1        // where the current word starts, or -1
	var last wordClass // the class of the current word's last character
	for i := 0; i < len(text); {
		c, size := classAt(text, i)
		switch c {
		case wcUnknown:
			return dst[:n0], false
		case wcLetter, wcDigit, wcConnector:
			if start < 0 {
				start = i
			}
			last = c
			i += size
			continue
		case wcMidLetter, wcMidNumLet, wcMidNum:
			if start >= 0 && i+size < len(text) {
				next, _ := classAt(text, i+size)
				if next == wcUnknown {
					return dst[:n0], false
				}
				joins := last == wcLetter && next == wcLetter && (c == wcMidLetter || c == wcMidNumLet) ||
					last == wcDigit && next == wcDigit && (c == wcMidNum || c == wcMidNumLet)
				if joins {
					i += size
					continue
				}
			}
		}
		if start >= 0 {
			dst = append(dst, text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, text[start:])
	}
	return dst, true
}

// classAt classifies the character at byte i of text, and gives its size.
func classAt(text []byte, i int) (wordClass, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return latinClasses[c], 1
	}
	r, size := utf8.DecodeRune(text[i:])
	if r == utf8.RuneError && size == 1 {
		return wcUnknown, 1
	}
	return classOf(r), size
}

// SplitWords appends to dst the words of text as Bleve's unicode
// tokenizer cuts them (see splitWords), or reports false, with dst as
// given, when text holds a character it does not read. The index's word
// tokenizer uses it too.
func SplitWords(dst [][]byte, text []byte) ([][]byte, bool) { return splitWords(dst, text) }
