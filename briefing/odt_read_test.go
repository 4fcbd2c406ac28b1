package briefing

import (
	"strconv"
	"strings"
	"testing"
)

// Reading an ODT file's parts back (officexml_test.go unzips and parses
// them): text as a reader shows it, paragraphs with their style, styles
// through their parents.

// odfText is the text under n as a reader shows it (text:s as spaces,
// text:tab as a tab), without the bodies of notes when notes is false.
func (n *xnode) odfText(notes bool) string {
	var sb strings.Builder
	var walk func(*xnode)
	walk = func(x *xnode) {
		switch x.name {
		case "#text":
			sb.WriteString(x.text)
		case "text:tab":
			sb.WriteString("\t")
		case "text:line-break":
			sb.WriteString("\n")
		case "text:s":
			c := 1
			if v := x.attr["text:c"]; v != "" {
				c, _ = strconv.Atoi(v)
			}
			sb.WriteString(strings.Repeat(" ", c))
		case "text:note":
			if !notes {
				return
			}
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return sb.String()
}

// odtParagraphs are the paragraphs and headings under root, not those
// inside notes, with their style and text (without note bodies).
func odtParagraphs(root *xnode) []readPara {
	var out []readPara
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, k := range x.kids {
			if k.name == "text:p" || k.name == "text:h" {
				out = append(out, readPara{style: k.attr["text:style-name"], text: k.odfText(false), node: k})
			}
			if k.name != "text:note" {
				walk(k)
			}
		}
	}
	walk(root)
	return out
}

// odtStyleMap is the styles of a file by name, automatic and named: a
// paragraph's own style and its parents.
type odtStyleMap map[string]*xnode

func odtStylesOf(t testing.TB, o *officeFile) odtStyleMap {
	m := odtStyleMap{}
	for _, part := range []string{"styles.xml", "content.xml"} {
		for _, s := range o.part(t, part).all("style:style") {
			m[s.attr["style:name"]] = s
		}
	}
	return m
}

// prop is a property of a style, looked up through its parents and the
// default style.
func (m odtStyleMap) prop(o *officeFile, t testing.TB, style, props, attr string) string {
	for s := m[style]; s != nil; s = m[s.attr["style:parent-style-name"]] {
		if p := s.first(props); p != nil && p.attr[attr] != "" {
			return p.attr[attr]
		}
		if s.attr["style:parent-style-name"] == "" {
			break
		}
	}
	if d := o.part(t, "styles.xml").first("style:default-style"); d != nil {
		if p := d.first(props); p != nil {
			return p.attr[attr]
		}
	}
	return ""
}
