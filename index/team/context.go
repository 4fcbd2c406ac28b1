package team

import (
	"strings"

	"attache/index/corpus"
)

// listKinds are the passage kinds that are items of a list.
var listKinds = map[string]bool{"point": true, "item": true, "bullet": true}

// passageContext is the text a list item is also found by, at a lower
// weight than its own (weight D in its tsvector): its nearest section
// heading and its list's lead-in sentence, the last sentence of the
// paragraph before the list, as the local library indexes it. Other
// passages have none. What is quoted and cited stays the passage's text.
func passageContext(d *corpus.Document, at int) string {
	p := &d.Passages[at]
	if !listKinds[p.Kind] {
		return ""
	}
	var parts []string
	if n := len(p.Section); n > 0 {
		parts = append(parts, p.Section[n-1])
	}
	for i := at - 1; i >= 0; i-- {
		q := &d.Passages[i]
		if listKinds[q.Kind] {
			continue
		}
		if sameSection(q.Section, p.Section) {
			parts = append(parts, lastSentence(q.Text))
		}
		break
	}
	return strings.Join(parts, "\n")
}

// sameSection reports whether two heading paths are the same.
func sameSection(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lastSentence returns what follows the last ". " of text (or all of it).
func lastSentence(text string) string {
	text = strings.TrimSpace(text)
	body := strings.TrimRight(text, ".:; ")
	if i := strings.LastIndex(body, ". "); i >= 0 {
		return text[i+2:]
	}
	return text
}
