package briefing

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// liveSchemes are the only kinds of address that become live links in an
// exported brief. Briefs travel between colleagues: a received one must
// not plant a javascript:, file: or data: link that a click would follow.
var liveSchemes = map[string]bool{"http": true, "https": true, "mailto": true}

// LiveLink says whether the address u may be exported as a live link
// (a PDF /URI action, a Markdown autolink, a Word hyperlink): only a
// well-formed http or https address with a host, or a mailto address.
// Anything else is printed as text. Every exporter asks this before it
// makes a link.
func LiveLink(u string) bool {
	if u == "" || strings.ContainsFunc(u, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch scheme := strings.ToLower(p.Scheme); {
	case !liveSchemes[scheme]:
		return false
	case scheme == "mailto":
		return p.Opaque != ""
	}
	return p.Host != "" && p.Opaque == ""
}

// LinkWarning is the one warning to give when a brief is opened whose
// addresses include some that will not become live links (see LiveLink),
// or "" when all are fine. It names the first such address and how many
// there are, in one line.
func (b *Brief) LinkWarning() string {
	var bad []string
	seen := map[string]bool{}
	add := func(u string) {
		if u != "" && !LiveLink(u) && !seen[u] {
			seen[u] = true
			bad = append(bad, u)
		}
	}
	for _, x := range b.Excerpts() {
		add(x.Source.URL)
		for _, n := range x.Notes {
			for _, u := range n.URLs {
				add(u)
			}
		}
	}
	if len(bad) == 0 {
		return ""
	}
	first := bad[0]
	if r := []rune(first); len(r) > 60 {
		first = string(r[:60]) + "…"
	}
	first = fmt.Sprintf("%q", first)
	if len(bad) == 1 {
		return fmt.Sprintf("brief has an address that is not http, https or mailto (%s): it will print as text, not as a link", first)
	}
	return fmt.Sprintf("brief has %d addresses that are not http, https or mailto (the first %s): they will print as text, not as links", len(bad), first)
}

// trimURL takes off the punctuation that ends the sentence around an
// address found in a note's text: full stops, commas, colons, and a
// closing parenthesis only when the address does not open one itself, so
// that ".../Digital_divide_(disambiguation)" keeps its own. (The library
// does the same when it reads notes: index/corpus.)
func trimURL(u string) string {
	for u != "" {
		last := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:", last) >= 0:
			u = u[:len(u)-1]
		case last == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}
