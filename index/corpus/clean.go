package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/lazyregexp"
)

var (
	reMDLink      = lazyregexp.New(`\[([^\]\^][^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)`)
	reAutoLink    = lazyregexp.New(`<((?:https?|ftp)://[^>\s]+)>`)
	reBold        = lazyregexp.New(`\*\*([^*]+?)\*\*`)
	reBoldUnder   = lazyregexp.New(`(^|[^\p{L}\p{N}_])__([^_]+?)__([^\p{L}\p{N}_]|$)`)
	reStrayStars  = lazyregexp.New(`\*{2,}`)
	reItalicUnder = lazyregexp.New(`(^|[^\p{L}\p{N}_])_([^_\s][^_]*?)_([^\p{L}\p{N}_]|$)`)
	reCode        = lazyregexp.New("`([^`]+)`")
	reImage       = lazyregexp.New(`!\[([^\]]*)\]\([^)]*\)`)
	reEscape      = lazyregexp.New(`\\([\\` + "`" + `*_{}\[\]()#+\-.!<>|~])`)
	reURL         = lazyregexp.New(`(?:https?|ftp)://[^\s<>"]+|www\.[^\s<>"]+\.[a-z]{2,}[^\s<>"]*`)
)

// cleanInline turns a line of text with Markdown-like markup into plain
// text: links read as their text, emphasis and escapes are dropped, and
// white space is collapsed. It returns the link targets that were real
// addresses.
func cleanInline(s string) (string, []string) {
	var urls []string
	if strings.Contains(s, "<") {
		s = reAutoLink.ReplaceAllStringFunc(s, func(m string) string {
			u := reAutoLink.FindStringSubmatch(m)[1]
			urls = append(urls, u)
			return u
		})
	}
	if strings.Contains(s, "![") {
		s = reImage.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "](") {
		s = reMDLink.ReplaceAllStringFunc(s, func(m string) string {
			sub := reMDLink.FindStringSubmatch(m)
			if isURL(sub[2]) {
				urls = append(urls, sub[2])
			}
			return sub[1]
		})
	}
	if strings.Contains(s, "*") {
		s = reBold.ReplaceAllString(s, "$1")
		s = stripItalics(s)
		s = reStrayStars.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "_") {
		s = reBoldUnder.ReplaceAllString(s, "$1$2$3")
		s = reItalicUnder.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "`") {
		s = reCode.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, `\`) {
		s = reEscape.ReplaceAllString(s, "$1")
	}
	return collapseSpace(s), urls
}

// stripItalics removes the stars of *emphasis*: an opening star not
// glued to a word before it nor followed by a space, and the next star not
// preceded by a space nor glued to a word after it.
func stripItalics(s string) string {
	if !strings.Contains(s, "*") {
		return s
	}
	r := []rune(s)
	wordy := func(i int) bool {
		return i >= 0 && i < len(r) && (unicode.IsLetter(r[i]) || unicode.IsDigit(r[i]) || r[i] == '*')
	}
	drop := make([]bool, len(r))
	for i := 0; i < len(r); i++ {
		if r[i] != '*' || wordy(i-1) || i+1 >= len(r) || unicode.IsSpace(r[i+1]) || r[i+1] == '*' {
			continue
		}
		for j := i + 2; j < len(r); j++ {
			if r[j] != '*' {
				continue
			}
			if !unicode.IsSpace(r[j-1]) && !wordy(j+1) {
				drop[i], drop[j] = true, true
				i = j
			}
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, c := range r {
		if !drop[i] {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// isURL reports whether s is a web address rather than an anchor like "#".
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") ||
		strings.HasPrefix(s, "ftp://") || strings.HasPrefix(s, "www.")
}

// findURLs returns the addresses written out in s, without trailing
// punctuation.
func findURLs(s string) []string {
	var out []string
	for _, u := range reURL.FindAllString(s, -1) {
		if u = trimURL(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// trimURL takes off the punctuation that ends the sentence around an
// address found in text: full stops, commas, quotes, and a closing
// parenthesis only when the address does not open one itself, so that
// ".../Digital_divide_(disambiguation)" keeps its own. (briefing's
// linkify does the same for the notes of a brief.)
func trimURL(u string) string {
	for u != "" {
		last := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:]'\"", last) >= 0:
			u = u[:len(u)-1]
		case last == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
			u = u[:len(u)-1]
		case strings.HasSuffix(u, "»"):
			u = strings.TrimSuffix(u, "»")
		case strings.HasSuffix(u, "”"):
			u = strings.TrimSuffix(u, "”")
		default:
			return u
		}
	}
	return u
}

// collapseSpace trims s and turns every run of white space into one space
// (strings.Join(strings.Fields(s), " ") for the valid UTF-8 this package
// reads).
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// ASCII by its table, without decoding; anything else by unicode
		r, size, isSpace := rune(s[i]), 1, false
		if r < utf8.RuneSelf {
			isSpace = asciiSpace[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		i += size
		if isSpace {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiSpace is unicode.IsSpace on ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isSpaceAt reports whether s holds white space at byte i, and its size.
func isSpaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// spaceLead marks the bytes that can start white space in UTF-8 other
// than a plain space: ASCII's other spaces, and the first bytes of
// U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3).
var spaceLead = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// collapsed reports whether collapseSpace would return s as it is: no
// white space at either end, and single spaces only between words (most
// lines and paragraphs, which are then not copied).
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if s[i+1] == ' ' { // s does not end in a space
				return false
			}
			continue
		}
		if spaceLead[c] {
			if c < utf8.RuneSelf {
				return false
			}
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

// countFields is len(strings.Fields(s)), without the slice.
func countFields(s string) int {
	n := 0
	inField := false
	for i := 0; i < len(s); {
		space, size := isSpaceAt(s, i)
		if !space && !inField {
			n++
		}
		inField = !space
		i += size
	}
	return n
}

// lastField returns the last of strings.Fields(s) and whether there are
// others before it.
func lastField(s string) (string, bool) {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	return s[start:end], start > 0 && countFields(s[:start]) > 0
}

// tidy collapses white space and removes the spaces left before
// punctuation where a mark or markup was taken out.
func tidy(s string) string {
	s = collapseSpace(s)
	if !spaceBeforePunctuation(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && strings.IndexByte(",.;:!?)]", s[i+1]) >= 0 {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// spaceBeforePunctuation reports whether tidy has spaces to take out.
func spaceBeforePunctuation(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0 && i+1 < len(s); {
		if strings.IndexByte(",.;:!?)]", s[i+1]) >= 0 {
			return true
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// normalizeRunes replaces no-break and odd spaces by plain spaces and drops
// invisible characters (zero-width, soft hyphen, byte order mark).
func normalizeRunes(s string) string {
	if !needsNormalizing(s) {
		return s
	}
	return strings.Map(normalizeRune, s)
}

// normalizeRune is what normalizeRunes makes of r: a space, r itself, or
// -1 to drop it.
func normalizeRune(r rune) rune {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\t', '\v':
		return ' '
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return -1
	}
	if r != '\n' && r != '\f' && unicode.IsControl(r) {
		return -1
	}
	return r
}

// needsNormalizing reports whether normalizeRunes changes s.
func needsNormalizing(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// tabs, vertical tabs and the other control characters but
			// newlines and form feeds
			if (c < 0x20 || c == 0x7f) && c != '\n' && c != '\f' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003',
			'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return true
		}
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// isTerminal reports whether a text ends a sentence: its last character,
// past closing quotes, brackets, markup and superscript marks, is one of
// . ! ? : ; or an ellipsis.
func isTerminal(s string) bool {
	for {
		s = strings.TrimRightFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)*_`, r) || isSuperscriptDigit(r)
		})
		if i := trailingRef(s); i >= 0 {
			s = s[:i]
			continue
		}
		if !strings.HasSuffix(s, "]") {
			break
		}
		s = s[:len(s)-1]
	}
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', ':', ';', '…':
		return true
	}
	return false
}

// trailingRef returns where a footnote reference "[^N]" ending s starts,
// or -1: the match of reTrailingRef, found from the end of s, so that
// the cost is that of the reference, not of the whole text (an anchored
// regular expression scans it all, and isTerminal runs on every passage).
func trailingRef(s string) int {
	if !strings.HasSuffix(s, "]") {
		return -1
	}
	found := -1
	for j := len(s) - 2; j >= 1; j-- {
		switch s[j] {
		case ']', ' ', '\t', '\n', '\f', '\r':
			return found
		case '^':
			if s[j-1] == '[' && j+1 < len(s)-1 {
				found = j - 1
			}
		}
	}
	return found
}

// startsLower reports whether the first letter of s, past markup and
// quotes, is lower case.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// startsUpperOrDigit reports whether the first character of s, past markup
// and quotes, is an upper-case letter or a digit.
func startsUpperOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
		if !strings.ContainsRune(`*_"'“‘«([`, r) {
			return false
		}
	}
	return false
}

// isCaps reports whether the letters of s are (almost) all capitals.
func isCaps(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper*10 >= letters*9
}
