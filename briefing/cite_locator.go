package briefing

import (
	"strconv"
	"strings"

	"attache/lazyregexp"
)

// A passage's locator is stored as index/corpus writes it, in English
// ("para. 4(c)", "para. 3, 2nd subpara.", "p. 12, § 4, point (b)"); a
// brief prints it in its label language. FormatLocator parses the forms
// corpus makes and writes them again in that language; anything it does
// not recognise prints as it is. See docs/brief-format.md, "Pinpoints".

// locatorPart is one comma-separated element of a locator.
type locatorPart struct {
	kind  string // page, section, heading, para, point, letter, subpara
	num   string // the number or label
	sub   string // a paragraph's lettered point: "c" of "para. 4(c)"
	whole string // the element as written
}

var locatorForms = []struct {
	kind string
	re   *lazyregexp.Regexp
}{
	{"page", lazyregexp.New(`^p\. (\d+)`)},
	{"section", lazyregexp.New(`^§ ([0-9A-Za-z][0-9A-Za-z.]*)`)},
	{"heading", lazyregexp.New(`^"[^"]*"`)},
	{"para", lazyregexp.New(`^para\. ([0-9A-Za-z][0-9A-Za-z.]*?)(?:\(([0-9A-Za-z]+)\))?(?:$|,)`)},
	{"letter", lazyregexp.New(`^point \(([0-9A-Za-z]+)\)`)},
	{"point", lazyregexp.New(`^point ([0-9A-Za-z][0-9A-Za-z.]*)`)},
	{"subpara", lazyregexp.New(`^(\d+)(?:st|nd|rd|th) subpara\.`)},
}

// parseLocator splits a locator into its elements, or reports false when
// any element is not one of the forms corpus makes.
func parseLocator(loc string) ([]locatorPart, bool) {
	var parts []locatorPart
	rest := loc
	for rest != "" {
		matched := false
		for _, f := range locatorForms {
			m := f.re.FindStringSubmatchIndex(rest)
			if m == nil {
				continue
			}
			end := m[1]
			if strings.HasSuffix(rest[:end], ",") {
				end-- // the para form looks one character ahead
			}
			p := locatorPart{kind: f.kind, whole: rest[:end]}
			if len(m) > 2 && m[2] >= 0 {
				p.num = rest[m[2]:m[3]]
			}
			if len(m) > 4 && m[4] >= 0 {
				p.sub = rest[m[4]:m[5]]
			}
			parts = append(parts, p)
			rest = rest[end:]
			matched = true
			break
		}
		if !matched {
			return nil, false
		}
		if rest == "" {
			break
		}
		if !strings.HasPrefix(rest, ", ") {
			return nil, false
		}
		rest = rest[2:]
	}
	return parts, len(parts) > 0
}

// italianOrdinals are the ordinals Italian citations spell out for
// unnumbered paragraphs ("secondo comma"); higher ones are written "11°".
var italianOrdinals = []string{"", "primo", "secondo", "terzo", "quarto", "quinto",
	"sesto", "settimo", "ottavo", "nono", "decimo"}

// FormatLocator writes a locator as corpus makes it ("para. 4(c)") in the
// label language lang: English returns it unchanged; Italian writes
// "par. 4, lett. c)", "par. 3, secondo comma", "punto 6", "lett. b)",
// "p. 12", "§ 4" and keeps quoted headings as they are. A locator of an
// unknown form is returned as it is.
func FormatLocator(loc, lang string) string {
	if lang != "it" {
		return loc
	}
	parts, ok := parseLocator(loc)
	if !ok {
		return loc
	}
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		switch p.kind {
		case "page":
			out = append(out, "p. "+p.num)
		case "para":
			s := "par. " + p.num
			if p.sub != "" {
				s += ", lett. " + p.sub + ")"
			}
			out = append(out, s)
		case "letter":
			out = append(out, "lett. "+p.num+")")
		case "point":
			out = append(out, "punto "+p.num)
		case "subpara":
			n, _ := strconv.Atoi(p.num)
			if n > 0 && n < len(italianOrdinals) {
				out = append(out, italianOrdinals[n]+" comma")
			} else {
				out = append(out, p.num+"° comma")
			}
		default: // section, heading
			out = append(out, p.whole)
		}
	}
	return strings.Join(out, ", ")
}
