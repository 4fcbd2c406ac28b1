package corpus

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/lazyregexp"
)

var (
	reMDNoteDef   = newAnchored(`^\[\^([^\]\s]+)\]:\s*(.*)$`)
	reSupNoteDef  = newAnchored(`^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$`)
	rePlainNote   = newAnchored(`^(\d{1,3})\s+(\S.*)$`)
	reMDNoteRef   = lazyregexp.New(`\[\^([^\]\s]+)\]`)
	reSupRun      = lazyregexp.New(`[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
	reDigitRun    = lazyregexp.New(`\d+`)
	reURLLineOnly = newAnchored(`^<?(?:https?|ftp)://\S+>?$`)
)

// noteDef is a footnote found in the source, before it is attached.
type noteDef struct {
	Note
	// block is the number of text blocks read before the footnote, so that
	// a footnote no mark refers to can go to the passage above it.
	block int
	// plain is true for footnotes numbered with plain digits (the
	// reference marks are then digits glued to the running text).
	plain bool
	// markdown is true for "[^N]: text" footnotes, whose marks are exact:
	// one no mark refers to is left out rather than guessed at.
	markdown bool
	// text collects the raw lines of the footnote.
	text []string
	// used is true once a mark in the text refers to it.
	used bool
}

// noteTable holds a document's footnotes and tracks which mark comes next.
type noteTable struct {
	byNum map[string]*noteDef
	order []*noteDef
	// last is the number of the last footnote a mark referred to.
	last int
	// plain is true if some footnote is numbered with plain digits.
	plain bool
}

func newNoteTable() *noteTable {
	return &noteTable{byNum: map[string]*noteDef{}}
}

// add records a new footnote; a number already used keeps its first text.
func (t *noteTable) add(num, text string, block int, plain bool) *noteDef {
	n := &noteDef{Note: Note{Number: num}, block: block, plain: plain}
	n.text = append(n.text, text)
	if _, dup := t.byNum[num]; !dup {
		t.byNum[num] = n
		t.order = append(t.order, n)
	}
	if plain {
		t.plain = true
	}
	return n
}

// finish cleans every footnote's text and gathers its addresses.
func (t *noteTable) finish() {
	for _, n := range t.order {
		text, linkURLs := cleanInline(strings.Join(n.text, " "))
		n.Text = tidy(text)
		for _, u := range append(linkURLs, findURLs(text)...) {
			n.addURL(u)
		}
	}
}

// addURL adds an address to a footnote unless it is there already.
func (n *noteDef) addURL(u string) {
	u = trimURL(strings.Trim(u, "<>"))
	if u == "" {
		return
	}
	for _, have := range n.URLs {
		if have == u {
			return
		}
	}
	n.URLs = append(n.URLs, u)
}

// superscriptValue turns a run of superscript digits into its number.
func superscriptValue(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(superscriptDigit(r))
	}
	return b.String()
}

func superscriptDigit(r rune) rune {
	switch r {
	case '⁰':
		return '0'
	case '¹':
		return '1'
	case '²':
		return '2'
	case '³':
		return '3'
	}
	if r >= '⁴' && r <= '⁹' {
		return '0' + (r - '⁴' + 4)
	}
	return -1
}

func isSuperscriptDigit(r rune) bool { return superscriptDigit(r) >= 0 }

// takeMarks removes footnote reference marks from a passage text and
// returns the clean text with the footnotes the marks refer to, in order.
//
// Marks are Markdown references ("[^3]"), superscript digits right after a
// word ("Draghi²"), and plain digits glued to a word or punctuation
// ("resiliente2.", "del 20221,"). A superscript counts as a mark only if a
// footnote with that number exists and comes close after the last one
// referred to (so "IRIS²" stays a name); a glued digit only if it is exactly
// the next footnote expected (so "G7" and "2022" stay as they are).
//
// It also returns, for each footnote, where its mark stood: the rune
// offset in the clean text just after the word the mark followed, or 0
// when that cannot be told.
func (t *noteTable) takeMarks(s string) (string, []*noteDef, []int) {
	var refs []*noteDef
	if strings.Contains(s, "[^") {
		s = t.takeMarkdownRefs(s, &refs)
	}
	if hasSuperscriptDigit(s) {
		s = t.takeSuperscripts(s, &refs)
	}
	if t.plain {
		s = t.takeGluedDigits(s, &refs)
	}
	if len(refs) == 0 {
		return tidy(s), refs, nil
	}
	// each mark left a placeholder character; their places in the tidied
	// text are the marks' offsets
	marked := tidy(s)
	marks := make([]int, len(refs))
	var clean strings.Builder
	n, spaces := 0, 0 // runes so far, and spaces at their end
	for _, r := range marked {
		if r >= markPlaceholder && r < markPlaceholder+rune(len(refs)) {
			marks[r-markPlaceholder] = n - spaces // just after the word
			continue
		}
		clean.WriteRune(r)
		n++
		if r == ' ' {
			spaces++
		} else {
			spaces = 0
		}
	}
	text := tidy(clean.String())
	if text != clean.String() {
		// tidying again dropped spaces the marks had stood between
		// ("là [^b] fine"): follow the offsets into the shorter text
		marks = followDroppedSpaces(clean.String(), text, marks)
	}
	return text, refs, marks
}

// followDroppedSpaces moves rune offsets in s to the same places in t,
// which is s with some spaces dropped; an offset t cannot follow becomes 0.
func followDroppedSpaces(s, t string, offsets []int) []int {
	sr, tr := []rune(s), []rune(t)
	at := make([]int, len(sr)+1) // at[i]: runes of t matching sr[:i]
	j := 0
	for i, r := range sr {
		at[i] = j
		if j < len(tr) && tr[j] == r {
			j++
		} else if r != ' ' {
			return make([]int, len(offsets))
		}
	}
	at[len(sr)] = j
	out := make([]int, len(offsets))
	for k, o := range offsets {
		out[k] = at[o]
	}
	return out
}

// markPlaceholder is the first of the private-use characters that stand
// where the k-th mark was taken out, until takeMarks measures their places.
const markPlaceholder = '\U000F0000'

// taken records a footnote whose mark was found and returns the
// placeholder that stands for the mark.
func (t *noteTable) taken(refs *[]*noteDef, n *noteDef) string {
	*refs = append(*refs, t.use(n))
	return string(markPlaceholder + rune(len(*refs)-1))
}

// takeMarkdownRefs removes "[^N]" references, noting those that exist.
func (t *noteTable) takeMarkdownRefs(s string, refs *[]*noteDef) string {
	return reMDNoteRef.ReplaceAllStringFunc(s, func(m string) string {
		num := reMDNoteRef.FindStringSubmatch(m)[1]
		if n, ok := t.byNum[num]; ok {
			return t.taken(refs, n)
		}
		return ""
	})
}

// takeSuperscripts removes superscript marks right after a word that
// refer to a footnote not yet referred to and close after the last one.
func (t *noteTable) takeSuperscripts(s string, refs *[]*noteDef) string {
	return replaceMatches(s, reSupRun, func(s string, lo, hi int) (string, bool) {
		if lo == 0 {
			return "", false
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:lo])
		if unicode.IsSpace(prev) {
			return "", false
		}
		num := superscriptValue(s[lo:hi])
		n, ok := t.byNum[num]
		v, _ := strconv.Atoi(num)
		if !ok || v <= t.last || v > t.last+5 {
			return "", false
		}
		return t.taken(refs, n), true
	})
}

// takeGluedDigits removes plain digits glued to a word or punctuation
// ("resiliente2.") or to a year ("del 20221,") when they are the number of
// the next footnote expected.
func (t *noteTable) takeGluedDigits(s string, refs *[]*noteDef) string {
	return replaceMatches(s, reDigitRun, func(s string, lo, hi int) (string, bool) {
		run := s[lo:hi]
		if hi < len(s) {
			next, _ := utf8.DecodeRuneInString(s[hi:])
			if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '%' || next == '/' || next == '-' {
				return "", false
			}
		}
		want := strconv.Itoa(t.last + 1)
		n, ok := t.byNum[want]
		if !ok || !n.plain || !strings.HasSuffix(run, want) {
			return "", false
		}
		var prev rune
		if lo > 0 {
			prev, _ = utf8.DecodeLastRuneInString(s[:lo])
		}
		switch {
		case run == want && prev != 0 && (unicode.IsLetter(prev) || strings.ContainsRune(`.,;:!?"'”’»)]`, prev)):
			// "resiliente2." or "Gateway"3."
			return t.taken(refs, n), true
		case len(run) >= 5 && isYear(run[:len(run)-len(want)]) && (prev == 0 || unicode.IsSpace(prev) || prev == '('):
			// "del 20221," is the year 2022 and mark 1
			return run[:len(run)-len(want)] + t.taken(refs, n), true
		}
		return "", false
	})
}

// use marks a footnote as referred to and moves the expected number on.
func (t *noteTable) use(n *noteDef) *noteDef {
	n.used = true
	if v, err := strconv.Atoi(n.Number); err == nil && v > t.last {
		t.last = v
	}
	return n
}

// isYear reports whether s is a four-digit year between 1900 and 2099.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	v, err := strconv.Atoi(s)
	return err == nil && v >= 1900 && v <= 2099
}

// replaceMatches calls f for every match of re in s, left to right; where f
// says so, the match is replaced by f's text. f sees the text as changed so
// far, so it can look at what precedes the match.
func replaceMatches(s string, re *lazyregexp.Regexp, f func(s string, lo, hi int) (string, bool)) string {
	pos := 0
	for pos <= len(s) {
		loc := re.FindStringIndex(s[pos:])
		if loc == nil {
			break
		}
		lo, hi := pos+loc[0], pos+loc[1]
		if repl, ok := f(s, lo, hi); ok {
			s = s[:lo] + repl + s[hi:]
			pos = lo + len(repl)
		} else {
			pos = hi
		}
		if hi == lo {
			pos++
		}
	}
	return s
}

// hasSuperscriptDigit is strings.ContainsAny(s, "⁰¹²³⁴⁵⁶⁷⁸⁹") on the
// valid UTF-8 this package reads, looking at bytes: ¹²³ are C2 B9, C2 B2
// and C2 B3, ⁰ and ⁴ to ⁹ E2 81 B0 and E2 81 B4 to B9.
func hasSuperscriptDigit(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xC2:
			if c := s[i+1]; c == 0xB9 || c == 0xB2 || c == 0xB3 {
				return true
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x81 {
				if c := s[i+2]; c == 0xB0 || c >= 0xB4 && c <= 0xB9 {
					return true
				}
			}
		}
	}
	return false
}
