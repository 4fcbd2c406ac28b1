package corpus

import (
	"strings"

	"attache/lazyregexp"
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
	re     *lazyregexp.Regexp
}

// boilerplateLines are matched against each whole line (trimmed, spaces
// collapsed); a matching line is dropped before paragraphs are built.
var boilerplateLines = []boilerplateRule{
	{"cookie banner", []string{"cookie"}, 0, lazyregexp.New(`(?i)^(questo sito|il sito|this (web)?site|we use|utilizziamo|usiamo).*\bcookies?\b`)},
	{"cookie banner", []string{"cookie"}, 0, lazyregexp.New(`(?i)\bcookies?\b.*\b(informativa|privacy|policy|consent|consenso|accett|accept)`)},
	{"privacy link", nil, 60, lazyregexp.New(`(?i)^(privacy( policy)?|cookie policy|informativa (sulla )?privacy|note legali|legal notice|accessibility|accessibilità|dichiarazione di accessibilità)$`)},
	{"social links", nil, 60, lazyregexp.New(`(?i)^(follow us|seguici|share|condividi|print|stampa)( on .*| su .*)?:?$`)},
	{"feedback widget", nil, 60, lazyregexp.New(`(?i)^(was this page helpful\??|questa pagina ti è stata utile\??|(yes|no|sì|si)( / (yes|no|sì|si))?)$`)},
	{"robot check", []string{"robot", "captcha"}, 0, lazyregexp.New(`(?i)\b(i am not a robot|i'm not a robot|non sono un robot|captcha)\b`)},
	{"back to top", nil, 60, lazyregexp.New(`(?i)^(back to top( of the page)?|torna (all'inizio|su|in alto)( della pagina)?|skip to (main )?content|vai al contenuto( principale)?)$`)},
	{"press-office contact", []string{"press office", "ufficio stampa", "media contact", "contatti stampa"}, 0, lazyregexp.New(`(?i)^(.*\b)?(press office|ufficio stampa|media contacts?|contatti stampa)\b\s*(:.*)?$`)},
	{"phone line", []string{"+", "tel"}, 0, lazyregexp.New(`(?i)^[^.!?]*(\+|\btel\.? ?)\d[\d /.-]{6,}\d$`)},
	{"contact field", nil, 20, lazyregexp.New(`(?i)^(website|sito web|web|e-?mail|tel\.?|phone|telefono|fax):?$`)},
	{"attachment name", []string{"_"}, 200, lazyregexp.New(`^[\p{L}\p{N} .,-]*[\p{L}\p{N}]_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*(_ ?[\p{L}\p{N}][\p{L}\p{N} .,-]*)*$`)},
	{"attachment name", []string{"."}, 100, lazyregexp.New(`(?i)^[^ ]+\.(pdf|docx?|odt|xlsx?|pptx?|zip)( \(\d+[.,]?\d* ?[kmg]b\))?$`)},
}

// rePageNumber is a page number standing alone on its line ("3", "- 3 -",
// "Page 3 of 9", "pag. 3").
var rePageNumber = lazyregexp.New(`(?i)^(page |pag\. ?|p\. ?|- ?)?\d{1,3}( ?/ ?\d{1,3}| of \d{1,3}| di \d{1,3}| -)?$`)

// boilerplateTails are dangling contact labels cut from the end of a
// paragraph ("… headquartered in Milan and Rome. Website:").
var boilerplateTails = []boilerplateRule{
	{"dangling contact label", nil, 0, lazyregexp.New(`(?i)\s*\b(website|sito web|sito internet|e-?mail|tel\.?|phone|telefono|fax|contacts?|contatti):\s*$`)},
}

// maxBoilerplateLine is the longest line (in bytes) taken for furniture;
// longer lines are running text.
const maxBoilerplateLine = 400

// isBoilerplateLine reports whether a line is web or press-office furniture.
func isBoilerplateLine(line string) bool {
	s := strings.Join(strings.Fields(line), " ")
	if s == "" || len(s) > maxBoilerplateLine {
		return false
	}
	low := strings.ToLower(s)
	for _, r := range boilerplateLines {
		if r.maxLen > 0 && len(s) > r.maxLen || !holdsAny(low, r.needles) {
			continue
		}
		if r.re.MatchString(s) {
			return true
		}
	}
	return false
}

// holdsAny reports whether s contains one of the needles, or there are none.
func holdsAny(s string, needles []string) bool {
	for _, n := range needles {
		if strings.Contains(s, n) {
			return true
		}
	}
	return len(needles) == 0
}

// trimBoilerplateTail cuts dangling contact labels from the end of a text.
func trimBoilerplateTail(s string) string {
	if !strings.HasSuffix(strings.TrimSpace(s), ":") {
		return strings.TrimSpace(s)
	}
	for _, r := range boilerplateTails {
		s = r.re.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}
