package cli

import (
	"strconv"
	"strings"
	"unicode"
)

// printable returns s as it is when it holds no control characters, else
// quoted with Go's escapes ("x\nadded …"), so that a file name or title
// printed in a report cannot start a line of its own, move the cursor or
// reverse the text on the terminal.
func printable(s string) string {
	if !strings.ContainsFunc(s, isUnsafeRune) {
		return s
	}
	return strconv.Quote(s)
}

// isUnsafeRune is a control character, a line or paragraph separator, or
// a bidirectional override or isolate.
func isUnsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
