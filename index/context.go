package index

import (
	"strings"

	"attache/index/corpus"
)

// listKinds are the passage kinds that are items of a list.
var listKinds = map[string]bool{"point": true, "item": true, "bullet": true}

// PassageContext is the text a list item is also found by, at a lower
// weight than its own: its list's lead-in sentence (the last sentence of
// the paragraph before the list, as "…in seven strategic areas:") and its
// nearest section heading. Other passages have none. The context is only
// searched: what is quoted and cited stays the passage's own text. Every
// backend indexes the same context.
func PassageContext(d *corpus.Document, p *corpus.Passage) string {
	if !listKinds[p.Kind] {
		return ""
	}
	var parts []string
	if n := len(p.Section); n > 0 {
		parts = append(parts, p.Section[n-1])
	}
	if lead := leadIn(d, p); lead != "" {
		parts = append(parts, lead)
	}
	return strings.Join(parts, "\n")
}

// leadIn returns the last sentence of the paragraph that introduces p's
// list: the nearest passage before it, in the same section, that is not a
// list item.
func leadIn(d *corpus.Document, p *corpus.Passage) string {
	at := -1
	if p.Seq >= 0 && p.Seq < len(d.Passages) && d.Passages[p.Seq].ID == p.ID {
		at = p.Seq
	}
	for i := range d.Passages {
		if at >= 0 {
			break
		}
		if d.Passages[i].ID == p.ID {
			at = i
			break
		}
	}
	for i := at - 1; i >= 0; i-- {
		q := &d.Passages[i]
		if listKinds[q.Kind] {
			continue
		}
		if !sameSection(q.Section, p.Section) {
			return ""
		}
		return lastSentence(q.Text)
	}
	return ""
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

// lastSentence returns the last sentence of text: what follows its last
// ". " (or all of it).
func lastSentence(text string) string {
	text = strings.TrimSpace(text)
	body := strings.TrimRight(text, ".:; ")
	if i := strings.LastIndex(body, ". "); i >= 0 {
		return text[i+2:]
	}
	return text
}

// contextMemo returns a function giving a passage's context as indexed
// (PassageContext), reading each document once: the ranking asks for it
// only when a word of the query was found in a candidate's context.
func (l *Local) contextMemo() func(id string) string {
	docs := map[string]*corpus.Document{}
	return func(id string) string {
		docID, _, _ := strings.Cut(id, "#")
		d, ok := docs[docID]
		if !ok {
			d, _ = l.Document(docID)
			docs[docID] = d
		}
		if d == nil {
			return ""
		}
		for i := range d.Passages {
			if d.Passages[i].ID == id {
				return PassageContext(d, &d.Passages[i])
			}
		}
		return ""
	}
}
