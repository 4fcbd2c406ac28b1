package corpus

import (
	"strconv"
	"strings"
)

// heading is an open heading while the document is built.
type heading struct {
	number string
	text   string
	level  int
}

// builder assembles a document's sections and passages from its units and
// works out each passage's locator.
type builder struct {
	doc   *Document
	notes *noteTable
	stack []heading
	// councilStyle is true when paragraphs are numbered through the whole
	// document ("1.", "2." … under numbered capital headings), as in
	// Council conclusions: locators are then "para. 4", "para. 4(c)".
	councilStyle bool
	para         string // current numbered paragraph
	point        string // current lettered point in it
	subpara      int    // unnumbered paragraphs since the last number
	// counts numbers the paragraphs and bullets under each locator base.
	counts map[string]int
	// lastNumLevel is the level of the last numbered heading, 0 if none.
	lastNumLevel int
	// passageOfBlock maps a block index to the passage that holds it.
	passageOfBlock map[int]int
}

// build turns classified units into a document.
func build(meta Meta, units []unit, notes *noteTable, stop *stopCheck) *Document {
	b := &builder{
		doc:            &Document{Meta: meta, Sections: []Section{}, Passages: []Passage{}},
		notes:          notes,
		counts:         map[string]int{},
		passageOfBlock: map[int]int{},
	}
	numHeads, numParas := false, false
	for _, u := range units {
		if u.kind == "heading" && u.numbered {
			numHeads = true
		}
		if u.kind == KindItem && u.numbered && u.indent == 0 {
			numParas = true
		}
	}
	b.councilStyle = numHeads && numParas
	for _, u := range units {
		if stop.stopped() {
			return b.doc
		}
		if u.kind == "heading" {
			b.heading(u)
			continue
		}
		b.passage(u)
	}
	b.attachStrayNotes(units)
	return b.doc
}

func (b *builder) heading(u unit) {
	level := u.level
	switch {
	case u.atx:
	case u.numbered:
		level = strings.Count(u.label, ".") + 1
		b.lastNumLevel = level
	default:
		level = b.lastNumLevel + 1
	}
	for len(b.stack) > 0 && b.stack[len(b.stack)-1].level >= level {
		b.stack = b.stack[:len(b.stack)-1]
	}
	b.stack = append(b.stack, heading{number: u.label, text: u.text, level: level})
	if u.label != "" && level <= b.lastNumLevel {
		b.lastNumLevel = level
	}
	b.doc.Sections = append(b.doc.Sections, Section{Number: u.label, Heading: u.text, Level: level, First: len(b.doc.Passages)})
}

func (b *builder) passage(u unit) {
	text, refs, marks := b.notes.takeMarks(u.text)
	if text == "" {
		return
	}
	kind := u.kind
	if kind == KindItem && u.numbered && b.councilStyle {
		kind = KindParagraph
	}
	p := Passage{
		DocID:   b.doc.ID,
		Lang:    b.doc.Lang,
		Seq:     len(b.doc.Passages),
		Kind:    kind,
		Locator: b.locator(u),
		Section: b.path(),
		Page:    u.page,
		Text:    text,
	}
	for i, n := range refs {
		note := n.Note
		note.Mark = marks[i]
		p.Notes = appendNote(p.Notes, note)
	}
	b.passageOfBlock[u.block] = p.Seq
	b.doc.Passages = append(b.doc.Passages, p)
}

// appendNote adds a note unless the passage has it already.
func appendNote(notes []Note, n Note) []Note {
	for _, have := range notes {
		if have.Number == n.Number {
			return notes
		}
	}
	return append(notes, n)
}

// path is the section path of the next passage, outermost first.
func (b *builder) path() []string {
	var out []string
	for _, h := range b.stack {
		if h.number != "" {
			out = append(out, h.number+". "+h.text)
		} else {
			out = append(out, h.text)
		}
	}
	return out
}

// base is the part of a locator that names the section: "§ 4" for a
// numbered section, the innermost unnumbered heading in quotes, or both.
func (b *builder) base() string {
	var num, sub string
	for _, h := range b.stack {
		if h.number != "" {
			num, sub = h.number, ""
		} else {
			sub = h.text
		}
	}
	var parts []string
	if num != "" {
		parts = append(parts, "§ "+num)
	}
	if sub != "" {
		parts = append(parts, `"`+sub+`"`)
	}
	return strings.Join(parts, ", ")
}

// locator works out the pinpoint of a passage. In a text with pages (a
// PDF) it leads with the page the passage starts on, and ordinary
// paragraphs are counted from the top of each page: "p. 97" is the first
// passage starting on page 97 (under that heading), "p. 97, para. 3" the
// third, "p. 12, § 4, para. 2" the second of § 4 on page 12, and numbered
// paragraphs keep their own numbers, "p. 5, para. 4(c)".
func (b *builder) locator(u unit) string {
	loc := b.structural(u)
	if u.page <= 0 {
		return loc
	}
	if loc == "" {
		return "p. " + strconv.Itoa(u.page)
	}
	return "p. " + strconv.Itoa(u.page) + ", " + loc
}

// structural is the pinpoint of a passage by the text's own structure:
// numbered paragraphs and points, sections, paragraphs counted under each
// heading (and, in a text with pages, on each page, leaving the first
// passage of an unheaded page without one).
func (b *builder) structural(u unit) string {
	if b.councilStyle {
		switch {
		case u.kind == KindItem && u.numbered:
			b.para, b.point, b.subpara = u.label, "", 1
			return "para. " + u.label
		case b.para != "" && u.kind == KindPoint:
			b.point, b.subpara = u.label, 1
			return "para. " + b.para + "(" + u.label + ")"
		case b.para != "":
			b.subpara++
			at := "para. " + b.para
			if b.point != "" {
				at += "(" + b.point + ")"
			}
			return at + ", " + ordinal(b.subpara) + " subpara."
		}
	}
	base := b.base()
	join := func(s string) string {
		if base == "" {
			return s
		}
		return base + ", " + s
	}
	switch u.kind {
	case KindPoint:
		return join("point (" + u.label + ")")
	case KindItem:
		return join("point " + u.label)
	}
	key := base
	if u.page > 0 {
		key += "\x00" + strconv.Itoa(u.page)
	}
	b.counts[key]++
	k := b.counts[key]
	if base == "" && (u.page <= 0 || k > 1) {
		return "para. " + strconv.Itoa(k)
	}
	if k == 1 {
		return base
	}
	return join("para. " + strconv.Itoa(k))
}

// ordinal writes 2 as "2nd", 3 as "3rd" and so on.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// attachStrayNotes gives each page-foot footnote that no mark refers to
// (its mark lost in extraction) to the passage just above it in the source.
func (b *builder) attachStrayNotes(units []unit) {
	for _, n := range b.notes.order {
		if n.used || n.markdown || len(b.doc.Passages) == 0 {
			continue
		}
		seq := -1
		for blk := n.block - 1; blk >= 0 && seq < 0; blk-- {
			if s, ok := b.passageOfBlock[blk]; ok {
				seq = s
			}
		}
		if seq < 0 {
			seq = 0
		}
		p := &b.doc.Passages[seq]
		p.Notes = appendNote(p.Notes, n.Note)
	}
}
