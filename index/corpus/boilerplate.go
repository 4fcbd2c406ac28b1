package corpus

import (
	"regexp"
	"strings"
)

// boilerplateRule is one pattern of web or press-office furniture that is
// not part of a document's text.
type boilerplateRule struct {
	// what says in a word what the pattern drops, for tests and readers.
	what string
	re   *regexp.Regexp
}

// boilerplateLines are matched against each whole line (trimmed, spaces
// collapsed); a matching line is dropped before paragraphs are built.
var boilerplateLines = []boilerplateRule{
	{"cookie banner", regexp.MustCompile(`(?i)^(questo sito|il sito|this (web)?site|we use|utilizziamo|usiamo).{0,200}\bcookies?\b`)},
	{"cookie banner", regexp.MustCompile(`(?i)\bcookies?\b.{0,200}\b(informativa|privacy|policy|consent|consenso|accett|accept)`)},
	{"privacy link", regexp.MustCompile(`(?i)^(privacy( policy)?|cookie policy|informativa (sulla )?privacy|note legali|legal notice|accessibility|accessibilità|dichiarazione di accessibilità)$`)},
	{"social links", regexp.MustCompile(`(?i)^(follow us|seguici|share|condividi|print|stampa)( on .{0,40}| su .{0,40})?:?$`)},
	{"feedback widget", regexp.MustCompile(`(?i)^(was this page helpful\??|questa pagina ti è stata utile\??|(yes|no|sì|si)( / (yes|no|sì|si))?)$`)},
	{"robot check", regexp.MustCompile(`(?i)\b(i am not a robot|i'm not a robot|non sono un robot|captcha)\b`)},
	{"back to top", regexp.MustCompile(`(?i)^(back to top( of the page)?|torna (all'inizio|su|in alto)( della pagina)?|skip to (main )?content|vai al contenuto( principale)?)$`)},
	{"press-office contact", regexp.MustCompile(`(?i)^(.{0,80}\b)?(press office|ufficio stampa|media contacts?|contatti stampa)\b\s*(:.{0,120})?$`)},
	{"phone line", regexp.MustCompile(`(?i)^[^.!?]{0,100}(\+|\btel\.? ?)\d[\d /.-]{6,}\d$`)},
	{"contact field", regexp.MustCompile(`(?i)^(website|sito web|web|e-?mail|tel\.?|phone|telefono|fax):?$`)},
	{"attachment name", regexp.MustCompile(`^[\p{L}\p{N} .,-]*[\p{L}\p{N}]_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*(_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*)*$`)},
	{"attachment name", regexp.MustCompile(`(?i)^[^ ]{1,80}\.(pdf|docx?|odt|xlsx?|pptx?|zip)( \(\d+[.,]?\d* ?[kmg]b\))?$`)},
}

// boilerplateTails are dangling contact labels cut from the end of a
// paragraph ("… headquartered in Milan and Rome. Website:").
var boilerplateTails = []boilerplateRule{
	{"dangling contact label", regexp.MustCompile(`(?i)\s*\b(website|sito web|sito internet|e-?mail|tel\.?|phone|telefono|fax|contacts?|contatti):\s*$`)},
}

// isBoilerplateLine reports whether a line is web or press-office furniture.
func isBoilerplateLine(line string) bool {
	s := strings.Join(strings.Fields(line), " ")
	if s == "" {
		return false
	}
	for _, r := range boilerplateLines {
		if r.re.MatchString(s) {
			return true
		}
	}
	return false
}

// trimBoilerplateTail cuts dangling contact labels from the end of a text.
func trimBoilerplateTail(s string) string {
	for _, r := range boilerplateTails {
		s = r.re.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}
