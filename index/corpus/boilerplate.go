package corpus

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplateRule is one pattern of web or press-office furniture that is
// not part of a document's text.
type boilerplateRule struct {
	// what says in a word what the pattern drops, for tests and readers.
	what string
	// needles: the rule is tried only on a line holding one of them (in
	// lower case); none means always.
	needles []string
	// maxLen: the rule is tried only on lines up to this many bytes; 0
	// means up to maxBoilerplateLine.
	maxLen int
	re     *anchoredRegexp
	// prefixes: an ASCII line is tried only when it starts with one of
	// them (in lower case), which every match of the pattern does; none
	// means always. (A line with other characters is always tried: the
	// pattern's case folding reads K as k and ſ as s.)
	prefixes []string
	// endsInDigit: the pattern only matches a line ending in 0-9.
	endsInDigit bool
	// only, if not nil: the pattern only matches a line of these
	// characters.
	only func(r rune) bool
}

// boilerplateLines are matched against each whole line (trimmed, spaces
// collapsed); a matching line is dropped before paragraphs are built.
var boilerplateLines = []boilerplateRule{
	{what: "cookie banner", needles: []string{"cookie"}, re: newAnchored(`(?i)^(questo sito|il sito|this (web)?site|we use|utilizziamo|usiamo).*\bcookies?\b`)},
	{what: "cookie banner", needles: []string{"cookie"}, re: newAnchored(`(?i)\bcookies?\b.*\b(informativa|privacy|policy|consent|consenso|accett|accept)`)},
	{what: "privacy link", maxLen: 60, re: newAnchored(`(?i)^(privacy( policy)?|cookie policy|informativa (sulla )?privacy|note legali|legal notice|accessibility|accessibilità|dichiarazione di accessibilità)$`),
		prefixes: []string{"privacy", "cookie policy", "informativa ", "note legali", "legal notice", "accessibilit", "dichiarazione di accessibilit"}},
	{what: "social links", maxLen: 60, re: newAnchored(`(?i)^(follow us|seguici|share|condividi|print|stampa)( on .*| su .*)?:?$`),
		prefixes: []string{"follow us", "seguici", "share", "condividi", "print", "stampa"}},
	{what: "feedback widget", maxLen: 60, re: newAnchored(`(?i)^(was this page helpful\??|questa pagina ti è stata utile\??|(yes|no|sì|si)( / (yes|no|sì|si))?)$`),
		prefixes: []string{"was this page helpful", "questa pagina ti ", "yes", "no", "si"}},
	{what: "robot check", needles: []string{"robot", "captcha"}, re: newAnchored(`(?i)\b(i am not a robot|i'm not a robot|non sono un robot|captcha)\b`)},
	{what: "back to top", maxLen: 60, re: newAnchored(`(?i)^(back to top( of the page)?|torna (all'inizio|su|in alto)( della pagina)?|skip to (main )?content|vai al contenuto( principale)?)$`),
		prefixes: []string{"back to top", "torna ", "skip to ", "vai al contenuto"}},
	{what: "press-office contact", needles: []string{"press office", "ufficio stampa", "media contact", "contatti stampa"}, re: newAnchored(`(?i)^(.*\b)?(press office|ufficio stampa|media contacts?|contatti stampa)\b\s*(:.*)?$`)},
	{what: "phone line", needles: []string{"+", "tel"}, re: newAnchored(`(?i)^[^.!?]*(\+|\btel\.? ?)\d[\d /.-]{6,}\d$`), endsInDigit: true},
	{what: "contact field", maxLen: 20, re: newAnchored(`(?i)^(website|sito web|web|e-?mail|tel\.?|phone|telefono|fax):?$`),
		prefixes: []string{"website", "sito web", "web", "e-mail", "email", "tel", "phone", "telefono", "fax"}},
	{what: "attachment name", needles: []string{"_"}, maxLen: 200, re: newAnchored(`^[\p{L}\p{N} .,-]*[\p{L}\p{N}]_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*(_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*)*$`),
		only: func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune(" .,-_", r)
		}},
	// (".xl": the pattern reads ſ as s, which strings.ToLower leaves)
	{what: "attachment name", needles: []string{".pdf", ".doc", ".odt", ".xl", ".ppt", ".zip"}, maxLen: 100, re: newAnchored(`(?i)^[^ ]+\.(pdf|docx?|odt|xlsx?|pptx?|zip)( \(\d+[.,]?\d* ?[kmg]b\))?$`)},
}

// rePageNumber is a page number standing alone on its line ("3", "- 3 -",
// "Page 3 of 9", "pag. 3").
var rePageNumber = newAnchored(`(?i)^(page |pag\. ?|p\. ?|- ?)?\d{1,3}( ?/ ?\d{1,3}| of \d{1,3}| di \d{1,3}| -)?$`)

// boilerplateTails are dangling contact labels cut from the end of a
// paragraph ("… headquartered in Milan and Rome. Website:").
var boilerplateTails = []boilerplateRule{
	{what: "dangling contact label", re: newAnchored(`(?i)\s*\b(website|sito web|sito internet|e-?mail|tel\.?|phone|telefono|fax|contacts?|contatti):\s*$`)},
}

// maxBoilerplateLine is the longest line (in bytes) taken for furniture;
// longer lines are running text.
const maxBoilerplateLine = 400

// isBoilerplateLine reports whether a line is web or press-office furniture.
func isBoilerplateLine(line string) bool {
	s := collapseSpace(line)
	if s == "" || len(s) > maxBoilerplateLine {
		return false
	}
	// the line in lower case (strings.ToLower), in a buffer on the stack
	var buf [3 * maxBoilerplateLine]byte
	low, ascii := appendLower(buf[:0], s)
	digitEnd := s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
	for i := range boilerplateLines {
		r := &boilerplateLines[i]
		if r.maxLen > 0 && len(s) > r.maxLen || r.endsInDigit && !digitEnd || !holdsAny(low, r.needles) {
			continue
		}
		if ascii && len(r.prefixes) > 0 && !hasAnyPrefix(low, r.prefixes) {
			continue
		}
		if r.only != nil && strings.IndexFunc(s, func(c rune) bool { return !r.only(c) }) >= 0 {
			continue
		}
		if r.re.MatchString(s) {
			return true
		}
	}
	return false
}

// appendLower appends s in lower case to b, as strings.ToLower writes it,
// and reports whether s is all ASCII.
func appendLower(b []byte, s string) ([]byte, bool) {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return b, ascii
}

// holdsAny reports whether s contains one of the needles, or there are none.
func holdsAny(s []byte, needles []string) bool {
	for _, n := range needles {
		if bytes.Contains(s, []byte(n)) {
			return true
		}
	}
	return len(needles) == 0
}

// hasAnyPrefix reports whether s starts with one of the prefixes.
func hasAnyPrefix(s []byte, prefixes []string) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(s, []byte(p)) {
			return true
		}
	}
	return false
}

// trimBoilerplateTail cuts dangling contact labels from the end of a text.
func trimBoilerplateTail(s string) string {
	if !strings.HasSuffix(strings.TrimSpace(s), ":") {
		return strings.TrimSpace(s)
	}
	// The labels' pattern ends in `:\s*$`: its match, if any, ends the
	// text, and starts at most a label's length before the colon, or in
	// the white space before that. It is looked for in the text from the
	// white space before that point on (where \b reads the same), not
	// along the whole paragraph; white space left before it is trimmed
	// below as it would have been.
	q := max(len(strings.TrimRight(s, reSpace))-maxTailLabel, 0)
	for q > 0 && strings.IndexByte(reSpace, s[q-1]) < 0 {
		q--
	}
	head, tail := s[:q], s[q:]
	for _, r := range boilerplateTails {
		tail = r.re.ReplaceAllString(tail, "")
	}
	return strings.TrimSpace(head + tail)
}

// maxTailLabel bounds the bytes of a label and its colon that
// boilerplateTails match ("sito internet:", ſ for s counted twice).
const maxTailLabel = 40
