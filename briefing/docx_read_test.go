package briefing

import (
	"strings"
	"testing"
)

// Reading a Word file's parts back (officexml_test.go unzips and parses
// them): paragraphs with their style and text.

// plain is the text of w:t elements under n, w:tab as a tab.
func (n *xnode) plain() string {
	var sb strings.Builder
	var walk func(*xnode)
	walk = func(x *xnode) {
		switch x.name {
		case "w:t":
			sb.WriteString(x.text)
		case "w:tab":
			if x.above != nil && x.above.name == "w:r" {
				sb.WriteString("\t")
			}
		case "w:instrText":
			return
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return sb.String()
}

// paragraphs are the Word paragraphs under root with their style and
// text.
func paragraphs(root *xnode) []readPara {
	var out []readPara
	for _, p := range root.all("w:p") {
		wp := readPara{text: p.plain(), node: p}
		if ps := p.first("w:pStyle"); ps != nil {
			wp.style = ps.attr["w:val"]
		}
		out = append(out, wp)
	}
	return out
}

// target resolves a relationship of word/document.xml.
func (d *officeFile) target(t testing.TB, rels, id string) string {
	t.Helper()
	for _, r := range d.part(t, rels).all("rel:Relationship") {
		if r.attr["Id"] == id {
			return r.attr["Target"]
		}
	}
	t.Fatalf("%s has no relationship %s", rels, id)
	return ""
}
