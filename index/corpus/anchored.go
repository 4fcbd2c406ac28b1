package corpus

import (
	"regexp/syntax"
	"sync"
	"unicode"
	"unicode/utf8"

	"attache/lazyregexp"
)

// Most of the patterns tried on every line and block of a text are
// anchored at its start (`^#`, `^\d{1,3}\.`, `^(privacy|…)$`), and most
// lines start with a byte none of them can start with. Go's backtracker
// still sets up for each call (a pooled state, its bitmap cleared), which
// made those calls a fifth of a parse. An anchoredRegexp first checks the
// text's first byte against the bytes the pattern's matches can start
// with, worked out from the pattern when first used, and runs the pattern
// only when it can match: the same answers, most lines spared.

// anchoredRegexp is a lazily compiled pattern with the set of first bytes
// its matches can start with.
type anchoredRegexp struct {
	*lazyregexp.Regexp
	once  sync.Once
	any   bool // the set is not known, or a match may be empty
	first [256]bool
}

// newAnchored returns a pattern compiled on first use, checked on the
// text's first byte when it is anchored at the start of the text.
func newAnchored(pattern string) *anchoredRegexp {
	return &anchoredRegexp{Regexp: lazyregexp.New(pattern)}
}

// mayMatch reports whether s can hold a match: false only when the
// pattern is anchored at the start and s starts with a byte no match
// starts with (or is empty while no match is).
func (r *anchoredRegexp) mayMatch(s string) bool {
	r.once.Do(func() { r.any, r.first = firstBytes(r.Regexp.String()) })
	if r.any {
		return true
	}
	return s != "" && r.first[s[0]]
}

// MatchString is regexp.MatchString.
func (r *anchoredRegexp) MatchString(s string) bool {
	return r.mayMatch(s) && r.Regexp.MatchString(s)
}

// FindString is regexp.FindString.
func (r *anchoredRegexp) FindString(s string) string {
	if !r.mayMatch(s) {
		return ""
	}
	return r.Regexp.FindString(s)
}

// FindStringSubmatch is regexp.FindStringSubmatch.
func (r *anchoredRegexp) FindStringSubmatch(s string) []string {
	if !r.mayMatch(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// ReplaceAllString is regexp.ReplaceAllString.
func (r *anchoredRegexp) ReplaceAllString(src, repl string) string {
	if !r.mayMatch(src) {
		return src
	}
	return r.Regexp.ReplaceAllString(src, repl)
}

// firstBytes works out the bytes a match of pattern can start with; any
// is true when the pattern is not anchored at the start of the text (no
// (?m)), when a match may be empty, or when the pattern does not parse.
func firstBytes(pattern string) (any bool, first [256]bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || !anchoredAtStart(re) {
		return true, first
	}
	if nullable := firstOf(re.Simplify(), &first); nullable {
		return true, first
	}
	return false, first
}

// anchoredAtStart reports whether every match of re starts at the start
// of the text.
func anchoredAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return anchoredAtStart(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchoredAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !anchoredAtStart(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// firstOf adds to first the first bytes of the runes a match of re can
// start with, and reports whether re can match the empty string.
func firstOf(re *syntax.Regexp, first *[256]bool) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		addRunes(first, r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addRunes(first, f, f)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			addRunes(first, re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		addRunes(first, 0, unicode.MaxRune)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0], first)
	case syntax.OpStar, syntax.OpQuest:
		firstOf(re.Sub[0], first)
		return true
	case syntax.OpRepeat:
		n := firstOf(re.Sub[0], first)
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !firstOf(s, first) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable = false
		for _, s := range re.Sub {
			if firstOf(s, first) {
				nullable = true
			}
		}
		return nullable
	}
	// an operator not known here: any byte may start a match
	addRunes(first, 0, unicode.MaxRune)
	return true
}

// addRunes adds the first bytes of the UTF-8 forms of the runes lo to hi
// (those bytes rise with the runes); a range holding U+FFFD adds every
// byte that is not ASCII too, since the matcher reads a byte of invalid
// UTF-8 as U+FFFD.
func addRunes(first *[256]bool, lo, hi rune) {
	lead := func(r rune) int {
		if r < utf8.RuneSelf {
			return int(r)
		}
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		return int(b[0])
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := utf8.RuneSelf; b < 256; b++ {
			first[b] = true
		}
	}
	if hi > unicode.MaxRune {
		hi = unicode.MaxRune
	}
	// surrogates have no UTF-8 form
	if lo >= 0xD800 && lo <= 0xDFFF {
		lo = 0xE000
	}
	if hi >= 0xD800 && hi <= 0xDFFF {
		hi = 0xD7FF
	}
	if lo > hi {
		return
	}
	for b := lead(lo); b <= lead(hi); b++ {
		first[b] = true
	}
}
