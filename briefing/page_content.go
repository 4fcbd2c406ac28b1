package briefing

import (
	"fmt"
	"sort"
	"strings"
)

// The page content: the brief turned into typeset blocks in reading order
// (title block, key messages, contents, sections with quotations, notes,
// Sources). Pagination (paginate.go) places the blocks on pages.

// The page layout, in millimetres.
const (
	marginSide   = 25.0
	marginTop    = 24.0
	marginBottom = 24.0
	markingY     = 12.0 // baseline of the top marking
	footerGap    = 10.0 // baseline of the bottom marking above the page foot
	noteHang     = 6.0  // indent of a note's text after its number
	quoteIndent  = 9.0
	sourceHang   = 6.0
)

var (
	black   = [3]int{0, 0, 0}
	grey    = [3]int{90, 90, 90}
	navy    = [3]int{20, 45, 95}
	linkCol = [3]int{20, 60, 150}
)

// Text styles.
var (
	stBody     = style{"serif", "", 10.5, black}
	stQuote    = style{"serif", "", 10, black}
	stNote     = style{"serif", "", 8, black}
	stSource   = style{"serif", "", 9.5, black}
	stNoteI    = style{"serif", "I", 8, black}
	stTitle    = style{"sans", "B", 19, navy}
	stSubtitle = style{"sans", "", 12.5, grey}
	stPurpose  = style{"sans", "B", 10, navy}
	stLabel    = style{"sans", "B", 9.5, grey}
	stValue    = style{"serif", "", 10.5, black}
	stH1       = style{"sans", "B", 13, navy}
	stH2       = style{"sans", "B", 10.5, navy}
	stLang     = style{"serif", "I", 8.5, grey}
	stMarking  = style{"sans", "B", 10, black}
	stFooter   = style{"sans", "", 8, grey}
)

// block is a run of lines placed together: a paragraph, a heading, a note.
type block struct {
	lines []line
	x     float64 // left edge, from the page's left edge
	gap   float64 // space before, dropped at the top of a page
	// keepNext keeps the block on the page of the next block's first lines.
	keepNext bool
	// bar draws a rule left of the lines (quotations); box frames the
	// block with the following ones up to boxEnd (key messages).
	bar            bool
	boxStart       bool
	boxEnd         bool
	rule           bool   // the rule under the title block (no lines)
	label          []line // drawn left of the first line (note numbers)
	bookmark       string
	bookmarkLevel  int
	link           int // internal link target set where the block starts
	toc            int // 1 + index of the TOC entry this block is, or 0
	sectionHeading int // 1 + index of the section this block heads, or 0
	notes          bool
	// section and excerpt say which part of the outline the block shows.
	section, excerpt string
}

// para typesets runs into a block at offset x (from the left margin) and
// width w.
func (d *pdfDoc) para(runs []prun, x, w float64, justify bool) block {
	return block{lines: d.s.layout(runs, 0, w, 0, w, 1.38, justify), x: marginSide + x}
}

func text(t string, st style) []prun { return []prun{{text: t, st: st}} }

// content lays out the whole brief as blocks in reading order.
func (d *pdfDoc) content() []block {
	for _, n := range d.c.Notes {
		d.noteLines[n.Number] = d.noteBlock(n)
	}
	cont := contLabel[d.b.Labels()]
	if cont == "" {
		cont = contLabel["en"]
	}
	d.cont = d.s.layout(text(cont, stNoteI), noteHang, d.cw-noteHang, noteHang, d.cw-noteHang, 1.3, false)[0]
	var blocks []block
	blocks = append(blocks, d.titleBlock()...)
	blocks = append(blocks, d.keyMessages()...)
	blocks = append(blocks, d.contents()...)
	for i, s := range d.b.Sections {
		blocks = append(blocks, d.section(i, s)...)
	}
	if !d.foot && len(d.c.Notes) > 0 {
		h := d.para(text(d.l.Notes, stH1), 0, d.cw, false)
		h.gap, h.keepNext, h.bookmark = 8, true, d.l.Notes
		blocks = append(blocks, h)
		for _, n := range d.c.Notes {
			nb := d.noteLines[n.Number]
			nb.gap = 1.2
			blocks = append(blocks, nb)
		}
	}
	if len(d.c.Sources) > 0 && d.b.SourcesList() {
		h := d.para(text(d.l.Sources, stH1), 0, d.cw, false)
		h.gap, h.keepNext, h.bookmark = 8, true, d.l.Sources
		blocks = append(blocks, h)
		for _, src := range d.c.Sources {
			sb := block{lines: d.s.layout(d.noteRuns(src.Runs, stSource), 0, d.cw, sourceHang, d.cw-sourceHang, 1.3, false), x: marginSide, gap: 2}
			blocks = append(blocks, sb)
		}
	}
	return blocks
}

func (d *pdfDoc) titleBlock() []block {
	b := d.b
	var out []block
	t := d.para(text(b.Title, stTitle), 0, d.cw, false)
	t.gap = 4
	out = append(out, t)
	if b.Subtitle != "" {
		s := d.para(text(b.Subtitle, stSubtitle), 0, d.cw, false)
		s.gap = 1.5
		out = append(out, s)
	}
	purpose, fields := headerLines(b, d.l)
	if purpose != "" {
		p := d.para(text(strings.ToUpper(purpose), stPurpose), 0, d.cw, false)
		p.gap = 3
		out = append(out, p)
	}
	labelW := 0.0
	for _, f := range fields {
		if w := d.s.width(f[0], stLabel); w > labelW {
			labelW = w
		}
	}
	labelW += 4
	d.labelW = labelW
	for i, f := range fields {
		v := block{lines: d.s.layout(text(f[1], stValue), labelW, d.cw-labelW, labelW, d.cw-labelW, 1.38, false), x: marginSide}
		v.label = d.s.layout(text(f[0], stLabel), 0, labelW, 0, labelW, 1.38, false)
		v.gap = 0.6
		if i == 0 {
			v.gap = 5
		}
		out = append(out, v)
	}
	// a rule under the title block
	out = append(out, block{gap: 4, rule: true})
	return out
}

func (d *pdfDoc) keyMessages() []block {
	if len(d.b.KeyMessages) == 0 {
		return nil
	}
	var out []block
	h := d.para(text(d.l.KeyMessages, stH2), 4, d.cw-8, false)
	h.gap, h.boxStart, h.keepNext = 6, true, true
	out = append(out, h)
	for _, m := range d.b.KeyMessages {
		bl := block{lines: d.s.layout(text(m, stBody), 9, d.cw-13, 9, d.cw-13, 1.38, false), x: marginSide}
		bl.label = d.s.layout(text("•", stBody), 4, 5, 4, 5, 1.38, false)
		bl.gap = 1.5
		out = append(out, bl)
	}
	out[len(out)-1].boxEnd = true
	return out
}

func (d *pdfDoc) contents() []block {
	if !d.withContents {
		return nil
	}
	h := d.para(text(d.l.Contents, stH2), 0, d.cw, false)
	h.gap, h.keepNext = 7, true
	out := []block{h}
	d.secLink = make([]int, len(d.b.Sections))
	for i, s := range d.b.Sections {
		d.secLink[i] = d.addLink()
		num := fmt.Sprintf("%d.", i+1)
		runs := []prun{{text: s.Heading, st: stBody, link: d.secLink[i]}}
		bl := block{lines: d.s.layout(runs, 8, d.cw-22, 8, d.cw-22, 1.38, false), x: marginSide}
		bl.label = d.s.layout(text(num, stBody), 0, 8, 0, 8, 1.38, false)
		bl.gap = 1
		bl.section = s.ID
		d.toc = append(d.toc, tocEntry{section: i})
		bl.toc = len(d.toc)
		out = append(out, bl)
	}
	return out
}

func (d *pdfDoc) section(i int, s Section) []block {
	var out []block
	num := fmt.Sprintf("%d.", i+1)
	h := block{lines: d.s.layout(text(s.Heading, stH1), 9, d.cw-9, 9, d.cw-9, 1.3, false), x: marginSide}
	h.label = d.s.layout(text(num, stH1), 0, 9, 0, 9, 1.3, false)
	h.gap, h.keepNext = 8, true
	h.bookmark = num + " " + s.Heading
	h.sectionHeading = i + 1
	if d.secLink != nil {
		h.link = d.secLink[i]
	}
	out = append(out, h)
	for k, p := range s.Text {
		bl := d.para(text(p, stBody), 0, d.cw, true)
		bl.gap = 2.5
		if k == 0 {
			bl.gap = 2
		}
		out = append(out, bl)
	}
	for _, x := range s.Excerpts {
		for _, bl := range d.excerpt(x) {
			bl.excerpt = x.ID
			out = append(out, bl)
		}
		for k, p := range Paragraphs(x.Comment) {
			cb := d.para(text(p, stBody), 0, d.cw, true)
			cb.gap = 2.5
			if k == 0 {
				cb.gap = 3
			}
			cb.excerpt = x.ID
			out = append(out, cb)
		}
	}
	for k := range out {
		out[k].section = s.ID
	}
	return out
}

// excerpt typesets a quotation: its language label when it is not in the
// brief's language, the quotation with its note marks, and the own
// translation in the template's layout (TranslationInText: the translation
// stands for the quotation, whose original is in a note).
func (d *pdfDoc) excerpt(x Excerpt) []block {
	var out []block
	gap := 3.5
	label := func(t string) {
		lb := d.para(text(t, stLang), quoteIndent, d.cw-quoteIndent, false)
		lb.gap, lb.keepNext = gap, true
		out = append(out, lb)
		gap = 0.5
	}
	quote := func(t string, marks []int, places []int) {
		var runs []prun
		for _, piece := range splitAtMarks(t, marks, places) {
			if piece.text != "" {
				runs = append(runs, prun{text: piece.text, st: stQuote})
			}
			if len(piece.marks) > 0 {
				runs = append(runs, prun{st: stQuote, sup: true, notes: piece.marks})
			}
		}
		q := d.para(runs, quoteIndent, d.cw-2*quoteIndent+4, true)
		q.gap, q.bar = gap, true
		out = append(out, q)
		gap = 2
	}
	marks := d.c.Marks[x.ID]
	foreign := x.Language() != "" && x.Language() != d.b.Labels()
	switch {
	case x.Translation != "" && d.b.TranslationLayout() == TranslationInText:
		label(d.l.OwnTranslation)
		quote(x.Translation, marks, nil)
	case x.Translation != "":
		if foreign {
			label(fmt.Sprintf(d.l.InLang, d.l.langName(x.Language())))
		}
		quote(x.Text, marks, x.notePlaces())
		gap = 1.5
		label(d.l.OwnTranslation)
		quote(x.Translation, nil, nil)
	default:
		if foreign {
			label(fmt.Sprintf(d.l.InLang, d.l.langName(x.Language())))
		}
		quote(x.Text, marks, x.notePlaces())
	}
	return out
}

// markedPiece is a piece of a quotation and the note marks after it.
type markedPiece struct {
	text  string
	marks []int
}

// splitAtMarks cuts a quotation where its source notes' marks stand.
// marks are the excerpt's note numbers (Citations.Marks): the citation's
// (and the original's) first, then one per source note, whose places in
// text (rune offsets, -1 unknown) are given; the citation's marks and those
// of unknown place go at the end.
func splitAtMarks(t string, marks []int, places []int) []markedPiece {
	own := len(marks) - len(places) // the citation's marks
	if own < 0 {
		own, places = len(marks), nil
	}
	at := map[int][]int{}
	end := append([]int(nil), marks[:own]...)
	rs := []rune(t)
	for k, p := range places {
		n := marks[own+k]
		if p <= 0 || p >= len(rs) {
			end = append(end, n)
			continue
		}
		at[p] = append(at[p], n)
	}
	var out []markedPiece
	start := 0
	for i := 1; i < len(rs); i++ {
		if ns, ok := at[i]; ok {
			out = append(out, markedPiece{text: string(rs[start:i]), marks: ns})
			start = i
		}
	}
	sort.Ints(end)
	return append(out, markedPiece{text: string(rs[start:]), marks: end})
}

// noteRuns turns citation runs into typesetter runs in style st.
func (d *pdfDoc) noteRuns(runs []Run, st style) []prun {
	var out []prun
	for _, r := range runs {
		rs := st
		if r.Italic {
			rs.style = "I"
		}
		url := ""
		if r.URL != "" && LiveLink(r.URL) {
			rs.color, url = linkCol, r.URL
		}
		out = append(out, prun{text: r.Text, st: rs, url: url})
	}
	return out
}

// noteBlock typesets a note: its number, then its text indented.
func (d *pdfDoc) noteBlock(n Footnote) block {
	bl := block{lines: d.s.layout(d.noteRuns(n.Runs, stNote), noteHang, d.cw-noteHang, noteHang, d.cw-noteHang, 1.3, false), x: marginSide}
	bl.label = d.s.layout(text(fmt.Sprint(n.Number), stNote), 0, noteHang, 0, noteHang, 1.3, false)
	bl.notes = true
	bl.excerpt = n.ExcerptID
	return bl
}

// contLabel marks the rest of a footnote continued from the page before,
// by the language of the brief's labels.
var contLabel = map[string]string{"en": "(cont.)", "it": "(segue)"}
