package briefing

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// WordprocessingML is written as text, element by element, in the order
// ECMA-376 Part 1 prescribes for each complex type (Word refuses a file
// whose pPr or rPr children come in another order). This file holds the
// pieces every part uses: escaping, runs, paragraph and run properties,
// relationships.

// Namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOf = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xmlText holds what every part writes, and counts the characters XML
// 1.0 cannot carry (control characters, U+FFFE, U+FFFF, broken UTF-8),
// which print as Replacement.
type xmlText struct {
	replaced map[rune]int
}

// esc escapes s for element text or a double-quoted attribute value.
func (x *xmlText) esc(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		if r == utf8.RuneError && size == 1 {
			x.replace(r)
			sb.WriteRune(Replacement)
			continue
		}
		switch {
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '"':
			sb.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			sb.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			x.replace(r)
			sb.WriteRune(Replacement)
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func (x *xmlText) replace(r rune) {
	if x.replaced == nil {
		x.replaced = map[rune]int{}
	}
	x.replaced[r]++
}

// warnings say which characters could not be written.
func (x *xmlText) warnings() []string {
	var out []string
	for r, n := range x.replaced {
		out = append(out, fmt.Sprintf("character U+%04X cannot be stored in a Word file and prints as %q (%d times)", r, string(Replacement), n))
	}
	return out
}

// rprops are the properties of a run, written in CT_RPr order.
type rprops struct {
	style  string // character style ID
	bold   bool
	italic bool
	lang   string
}

func (p rprops) xml() string {
	var sb strings.Builder
	if p.style != "" {
		fmt.Fprintf(&sb, `<w:rStyle w:val="%s"/>`, p.style)
	}
	if p.bold {
		sb.WriteString(`<w:b/><w:bCs/>`)
	}
	if p.italic {
		sb.WriteString(`<w:i/><w:iCs/>`)
	}
	if p.lang != "" {
		fmt.Fprintf(&sb, `<w:lang w:val="%s"/>`, p.lang)
	}
	if sb.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + sb.String() + "</w:rPr>"
}

// run writes text as one run: tabs as w:tab, line ends as w:br.
func (x *xmlText) run(sb *strings.Builder, text string, p rprops) {
	if text == "" {
		return
	}
	sb.WriteString("<w:r>")
	sb.WriteString(p.xml())
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			sb.WriteString("<w:br/>")
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				sb.WriteString("<w:tab/>")
			}
			if piece != "" {
				sb.WriteString(`<w:t xml:space="preserve">`)
				sb.WriteString(x.esc(piece))
				sb.WriteString("</w:t>")
			}
		}
	}
	sb.WriteString("</w:r>")
}

// pprops are the properties of a paragraph, written in CT_PPr order.
type pprops struct {
	style string
	lang  string // the language of the paragraph mark
}

// open starts a paragraph.
func (p pprops) open(sb *strings.Builder) {
	sb.WriteString("<w:p>")
	if p.style == "" && p.lang == "" {
		return
	}
	sb.WriteString("<w:pPr>")
	if p.style != "" {
		fmt.Fprintf(sb, `<w:pStyle w:val="%s"/>`, p.style)
	}
	if p.lang != "" {
		fmt.Fprintf(sb, `<w:rPr><w:lang w:val="%s"/></w:rPr>`, p.lang)
	}
	sb.WriteString("</w:pPr>")
}

// field writes a complex field (begin, instruction, separate, cached
// result, end), which Word, LibreOffice and pandoc all read.
func (x *xmlText) field(sb *strings.Builder, instr, cached string, p rprops) {
	rp := p.xml()
	fmt.Fprintf(sb, `<w:r>%s<w:fldChar w:fldCharType="begin"/></w:r>`, rp)
	fmt.Fprintf(sb, `<w:r>%s<w:instrText xml:space="preserve"> %s </w:instrText></w:r>`, rp, x.esc(instr))
	fmt.Fprintf(sb, `<w:r>%s<w:fldChar w:fldCharType="separate"/></w:r>`, rp)
	x.run(sb, cached, p)
	fmt.Fprintf(sb, `<w:r>%s<w:fldChar w:fldCharType="end"/></w:r>`, rp)
}

// rels are the relationships of one part.
type rels struct {
	list []rel
}

type rel struct {
	id, kind, target string
	external         bool
}

// add adds a relationship of a kind ("styles", "hyperlink") and returns
// its ID; a link to an address already there gets the same ID.
func (r *rels) add(kind, target string, external bool) string {
	if kind == "hyperlink" {
		// one relationship per address, however often it is cited
		for _, l := range r.list {
			if l.kind == kind && l.target == target {
				return l.id
			}
		}
	}
	id := fmt.Sprintf("rId%d", len(r.list)+1)
	r.list = append(r.list, rel{id: id, kind: kind, target: target, external: external})
	return id
}

// xml is the part's .rels file.
func (r *rels) xml(x *xmlText) string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<Relationships xmlns="%s">`, nsRel)
	for _, l := range r.list {
		kind := l.kind
		if !strings.Contains(kind, "/") {
			kind = relOf + kind
		}
		mode := ""
		if l.external {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&sb, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, l.id, kind, x.esc(l.target), mode)
	}
	sb.WriteString("</Relationships>")
	return sb.String()
}

// noteRuns writes a note's or a source's runs: titles in italics in their
// own language, addresses as live links (a relationship of the part).
func (x *xmlText) noteRuns(sb *strings.Builder, runs []Run, r *rels, lang, titleLang string) {
	for _, run := range runs {
		p := rprops{italic: run.Italic, lang: lang}
		if run.Italic {
			p.lang = titleLang
		}
		if run.URL != "" && LiveLink(run.URL) {
			id := r.add("hyperlink", run.URL, true)
			fmt.Fprintf(sb, `<w:hyperlink r:id="%s" w:history="1">`, id)
			p.style = "Hyperlink"
			x.run(sb, run.Text, p)
			sb.WriteString("</w:hyperlink>")
			continue
		}
		x.run(sb, run.Text, p)
	}
}
