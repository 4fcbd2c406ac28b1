package briefing

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// The PDF layout, in millimetres.
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

// WritePDF writes the brief as PDF: title block, key messages, contents,
// sections with quotations and notes, and the Sources list. It returns the
// warnings of the export (see Export), including characters that no
// embedded font has.
func WritePDF(w io.Writer, b *Brief, opt Options) (warnings []string, err error) {
	defer func() {
		// fpdf panics on some inputs; a brief must never crash the program
		if r := recover(); r != nil {
			err = fmt.Errorf("PDF export failed: %v", r)
		}
	}()
	d, err := layoutPDF(b, opt)
	if err != nil {
		return nil, err
	}
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("PDF export failed: %v", err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("PDF export failed: %v", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	warnings = append(baseWarnings(b, opt), d.g.warnings()...)
	return warnings, nil
}

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
	label          []line // drawn left of the first line (note numbers)
	bookmark       string
	bookmarkLevel  int
	link           int // internal link target set where the block starts
	toc            int // 1 + index of the TOC entry this block is, or 0
	sectionHeading int // 1 + index of the section this block heads, or 0
	notes          bool
}

// tocEntry is a line of the table of contents, filled in the second pass.
type tocEntry struct {
	section int
	page    int
	x, y, h float64
	textEnd float64
}

type pdfDoc struct {
	b    *Brief
	opt  Options
	l    labels
	c    *Citations
	pdf  *fpdf.Fpdf
	g    *glyphs
	s    *setter
	pw   float64 // page width
	ph   float64 // page height
	cw   float64 // content width
	y    float64
	foot bool // footnotes (else endnotes)

	noteLines map[int]block // typeset footnotes by number
	cont      line          // "(cont.)" above the rest of a continued note
	pageNotes []noteRef
	notesH    float64

	boxTop  float64
	inBox   bool
	toc     []tocEntry
	secPage []int
	secLink []int
	trace   []placed
}

// layoutPDF lays the brief out on pages, ready for output.
func layoutPDF(b *Brief, opt Options) (*pdfDoc, error) {
	d, err := newPDFDoc(b, opt)
	if err != nil {
		return nil, err
	}
	d.build()
	d.finish()
	return d, nil
}

// placed records where a line went, for the tests of the layout.
type placed struct {
	page     int
	y, h     float64
	block    int
	keepNext bool
	note     bool
}

func newPDFDoc(b *Brief, opt Options) (*pdfDoc, error) {
	size := "A4"
	switch strings.ToLower(opt.Paper) {
	case "", "a4":
	case "letter", "us-letter", "usletter":
		size = "Letter"
	default:
		return nil, fmt.Errorf("unknown paper %q: use a4 or letter", opt.Paper)
	}
	pdf := fpdf.New("P", "mm", size, "")
	pdf.SetMargins(marginSide, marginTop, marginSide)
	pdf.SetAutoPageBreak(false, 0)
	if err := addFonts(pdf); err != nil {
		return nil, err
	}
	pw, ph := pdf.GetPageSize()
	d := &pdfDoc{b: b, opt: opt, l: labelsFor(b.Labels()), c: Cite(b), pdf: pdf, g: newGlyphs(),
		pw: pw, ph: ph, cw: pw - 2*marginSide, foot: !opt.Endnotes, noteLines: map[int]block{}}
	d.s = &setter{pdf: pdf, g: d.g}
	d.properties()
	return d, nil
}

// properties sets the document's title, author, subject and keywords.
func (d *pdfDoc) properties() {
	b := d.b
	p := documentProperties(b, d.l)
	d.pdf.SetTitle(bmpOnly(p.Title), true)
	d.pdf.SetAuthor(bmpOnly(p.Author), true)
	d.pdf.SetSubject(bmpOnly(p.Subject), true)
	d.pdf.SetKeywords(bmpOnly(strings.Join(p.Keywords, "; ")), true)
	d.pdf.SetCreator("Attaché", true)
	d.pdf.SetProducer("Attaché with go-pdf/fpdf", true)
	d.pdf.SetLang(b.Labels())
}

// para typesets runs into a block at offset x (from the left margin) and
// width w.
func (d *pdfDoc) para(runs []prun, x, w float64, justify bool) block {
	return block{lines: d.s.layout(runs, 0, w, 0, w, 1.38, justify), x: marginSide + x}
}

func text(t string, st style) []prun { return []prun{{text: t, st: st}} }

// build lays out the whole brief.
func (d *pdfDoc) build() {
	d.newPage()
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
	if len(d.c.Sources) > 0 {
		h := d.para(text(d.l.Sources, stH1), 0, d.cw, false)
		h.gap, h.keepNext, h.bookmark = 8, true, d.l.Sources
		blocks = append(blocks, h)
		for _, src := range d.c.Sources {
			sb := block{lines: d.s.layout(d.noteRuns(src.Runs, stSource), 0, d.cw, sourceHang, d.cw-sourceHang, 1.3, false), x: marginSide, gap: 2}
			blocks = append(blocks, sb)
		}
	}
	d.place(blocks)
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
	out = append(out, block{gap: 4, x: -1})
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
	if !hasContents(d.b) {
		return nil
	}
	h := d.para(text(d.l.Contents, stH2), 0, d.cw, false)
	h.gap, h.keepNext = 7, true
	out := []block{h}
	d.secLink = make([]int, len(d.b.Sections))
	for i, s := range d.b.Sections {
		d.secLink[i] = d.pdf.AddLink()
		num := fmt.Sprintf("%d.", i+1)
		runs := []prun{{text: s.Heading, st: stBody, link: d.secLink[i]}}
		bl := block{lines: d.s.layout(runs, 8, d.cw-22, 8, d.cw-22, 1.38, false), x: marginSide}
		bl.label = d.s.layout(text(num, stBody), 0, 8, 0, 8, 1.38, false)
		bl.gap = 1
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
		gap := 3.5
		if lang := x.Language(); lang != "" && lang != d.b.Labels() {
			lb := d.para(text(fmt.Sprintf(d.l.InLang, d.l.langName(lang)), stLang), quoteIndent, d.cw-quoteIndent, false)
			lb.gap, lb.keepNext = gap, true
			out = append(out, lb)
			gap = 0.5
		}
		runs := []prun{{text: x.Text, st: stQuote}}
		if marks := d.c.Marks[x.ID]; len(marks) > 0 {
			runs = append(runs, prun{st: stQuote, sup: true, notes: marks})
		}
		q := d.para(runs, quoteIndent, d.cw-2*quoteIndent+4, true)
		q.gap, q.bar = gap, true
		out = append(out, q)
		for k, p := range Paragraphs(x.Comment) {
			cb := d.para(text(p, stBody), 0, d.cw, true)
			cb.gap = 2.5
			if k == 0 {
				cb.gap = 3
			}
			out = append(out, cb)
		}
	}
	return out
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
	return bl
}

// newPage ends the current page (its footnotes, an open box) and starts
// the next.
func (d *pdfDoc) newPage() {
	if d.pdf.PageNo() > 0 {
		d.flushNotes()
		if d.inBox {
			d.drawBox(d.y + 1)
		}
	}
	d.pdf.AddPage()
	d.s.reset()
	d.y = marginTop
	for len(d.pageNotes) > 0 && d.limit() < marginTop+20 {
		// the rest of a note taller than a page fills this page alone
		d.flushNotes()
		d.pdf.AddPage()
		d.s.reset()
	}
	if d.inBox {
		d.boxTop = d.y
		d.y += 2
	}
}

func (d *pdfDoc) fresh() bool { return d.y <= marginTop+2.01 }

// limit is the lowest y text may reach on this page, above the footnotes.
func (d *pdfDoc) limit() float64 {
	l := d.ph - marginBottom
	if len(d.pageNotes) > 0 {
		l -= d.notesH + 4
	}
	return l
}

// notesNeed is the extra height footnotes for marks would take on this page.
func (d *pdfDoc) notesNeed(marks []int) float64 {
	if !d.foot || len(marks) == 0 {
		return 0
	}
	h := 0.0
	if len(d.pageNotes) == 0 {
		h += 4
	}
	for _, n := range marks {
		h += linesHeight(d.noteLines[n].lines, -1) + 0.8
	}
	return h
}

// fits reports whether lines of height h with the note marks fit on this
// page, with their footnotes. Notes too tall for any page start under
// their mark and continue on the next page anyway: then the other notes
// and the first three lines of the last must fit.
func (d *pdfDoc) fits(h float64, marks []int) bool {
	if d.y+h > d.limit() {
		return false
	}
	if d.y+h+d.notesNeed(marks) <= d.limit() {
		return true
	}
	empty := 4.0
	for _, n := range marks {
		empty += linesHeight(d.noteLines[n].lines, -1) + 0.8
	}
	if marginTop+h+empty <= d.ph-marginBottom {
		return false // they fit on the next page
	}
	need := 0.0
	if len(d.pageNotes) == 0 {
		need = 4
	}
	for i, n := range marks {
		if i == len(marks)-1 {
			need += linesHeight(d.noteLines[n].lines, 3)
		} else {
			need += linesHeight(d.noteLines[n].lines, -1) + 0.8
		}
	}
	return d.y+h+need <= d.limit()
}

// headLines is the height and the note marks of the lines a block must
// start a page's text with: two, or all three of a three-line paragraph,
// which is never split (one line would be alone on one page or the other).
func headLines(bl block) (float64, []int) {
	n := 2
	if len(bl.lines) == 3 && !bl.keepNext {
		n = 3
	}
	n = min(n, len(bl.lines))
	return linesHeight(bl.lines, n), linesMarks(bl.lines[:n])
}

// linesMarks lists the note marks standing on the lines.
func linesMarks(lines []line) []int {
	var marks []int
	for _, ln := range lines {
		marks = append(marks, ln.marks...)
	}
	return marks
}

// place lays the blocks out on pages.
func (d *pdfDoc) place(blocks []block) {
	for i, bl := range blocks {
		if bl.x < 0 { // the rule under the title block
			d.y += bl.gap
			d.pdf.SetDrawColor(navy[0], navy[1], navy[2])
			d.pdf.SetLineWidth(0.5)
			d.pdf.Line(marginSide, d.y, d.pw-marginSide, d.y)
			d.y += 0.5
			continue
		}
		end := d.y // the foot of the text above, where its page's notes may start
		if !d.fresh() {
			d.y += bl.gap
		}
		// keep a heading with the first lines of what follows, and never
		// leave a single line of a paragraph at the foot of a page
		need, marks := headLines(bl)
		for k := i; k+1 < len(blocks) && blocks[k].keepNext; k++ {
			if k == i {
				need, marks = linesHeight(bl.lines, -1), linesMarks(bl.lines)
			}
			next := blocks[k+1]
			h, m := headLines(next)
			need += next.gap + h
			marks = append(marks, m...)
		}
		if !d.fits(need, marks) && !d.fresh() {
			d.y = end
			d.newPage()
		}
		if bl.boxStart {
			d.inBox = true
			d.boxTop = d.y
			d.y += 2.5
		}
		if bl.link != 0 {
			d.pdf.SetLink(bl.link, d.y, d.pdf.PageNo())
		}
		if bl.bookmark != "" {
			d.s.use(stH1)
			d.pdf.Bookmark(bmpOnly(bl.bookmark), bl.bookmarkLevel, d.y)
		}
		if bl.sectionHeading > 0 {
			d.secPage = append(d.secPage, d.pdf.PageNo())
		}
		onPage := 0 // lines of this block on the current page
		for k, ln := range bl.lines {
			brk := !d.fits(ln.h, ln.marks)
			if !brk && k == len(bl.lines)-2 && onPage >= 2 {
				// no widow: when the last line would go alone to the next
				// page, the line before it goes with it (with its notes)
				last := bl.lines[k+1]
				marks := append(append([]int(nil), ln.marks...), last.marks...)
				brk = !d.fits(ln.h+last.h, marks)
			}
			if brk && !d.fresh() {
				d.newPage()
				onPage = 0
			}
			onPage++
			if k == 0 && bl.toc > 0 {
				e := &d.toc[bl.toc-1]
				e.page, e.x, e.y, e.h = d.pdf.PageNo(), bl.x, d.y, ln.h
				e.textEnd = bl.x + ln.dx + ln.w
			}
			if k == 0 && bl.label != nil {
				d.s.draw(bl.label[0], bl.x, d.y)
			}
			d.s.draw(ln, bl.x, d.y)
			d.trace = append(d.trace, placed{page: d.pdf.PageNo(), y: d.y, h: ln.h, block: i, keepNext: bl.keepNext})
			if bl.bar {
				d.pdf.SetDrawColor(170, 170, 170)
				d.pdf.SetLineWidth(0.7)
				d.pdf.Line(bl.x-3.5, d.y, bl.x-3.5, d.y+ln.h)
			}
			if d.foot {
				for _, n := range ln.marks {
					d.pageNotes = append(d.pageNotes, noteRef{n: n})
					d.notesH += linesHeight(d.noteLines[n].lines, -1) + 0.8
				}
			}
			d.y += ln.h
		}
		if bl.boxEnd && d.inBox {
			d.y += 2.5
			d.drawBox(d.y)
			d.inBox = false
		}
	}
}

// drawBox frames the key messages from boxTop down to y on this page.
func (d *pdfDoc) drawBox(y float64) {
	d.pdf.SetDrawColor(navy[0], navy[1], navy[2])
	d.pdf.SetLineWidth(0.35)
	d.pdf.Rect(marginSide, d.boxTop, d.cw, y-d.boxTop, "D")
	d.pdf.SetFillColor(navy[0], navy[1], navy[2])
	d.pdf.Rect(marginSide, d.boxTop, 1.2, y-d.boxTop, "F")
}

// noteRef is a footnote, or its lines from "from" on, due on a page.
type noteRef struct{ n, from int }

// flushNotes prints the page's footnotes at its foot, under a short rule.
// Placement made room for them; only a note too tall for the room left
// continues at the foot of the next page.
func (d *pdfDoc) flushNotes() {
	if len(d.pageNotes) == 0 {
		return
	}
	room := d.ph - marginBottom - max(d.y, marginTop) - 4
	type part struct{ n, from, to int }
	var fit []part
	var carry []noteRef
	used := 0.0
	for i, r := range d.pageNotes {
		lines := d.noteLines[r.n].lines
		k := r.from
		u := used + d.contHeight(r)
		for k < len(lines) && u+lines[k].h <= room+0.01 {
			u += lines[k].h
			k++
		}
		if k > r.from {
			fit = append(fit, part{r.n, r.from, k})
			used = u + 0.8
		}
		if k < len(lines) {
			carry = append(append(carry, noteRef{r.n, k}), d.pageNotes[i+1:]...)
			break
		}
	}
	y := d.ph - marginBottom - used
	if len(fit) > 0 {
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(0.25)
		d.pdf.Line(marginSide, y-2.5, marginSide+45, y-2.5)
	}
	for _, p := range fit {
		nb := d.noteLines[p.n]
		if p.from > 0 {
			// the rest of a note begun on the page before: its number
			// and "(cont.)" on a line of their own
			d.s.draw(nb.label[0], nb.x, y)
			d.s.draw(d.cont, nb.x, y)
			d.trace = append(d.trace, placed{page: d.pdf.PageNo(), y: y, h: d.cont.h, block: -p.n, note: true})
			y += d.cont.h
		}
		for k := p.from; k < p.to; k++ {
			ln := nb.lines[k]
			if k == 0 {
				d.s.draw(nb.label[0], nb.x, y)
			}
			d.s.draw(ln, nb.x, y)
			d.trace = append(d.trace, placed{page: d.pdf.PageNo(), y: y, h: ln.h, block: -p.n, note: true})
			y += ln.h
		}
		y += 0.8
	}
	d.pageNotes, d.notesH = carry, 0
	for _, r := range carry {
		d.notesH += d.contHeight(r) + linesHeight(d.noteLines[r.n].lines[r.from:], -1) + 0.8
	}
}

// contHeight is the height of the "(cont.)" line a note needs when it
// continues from the page before.
func (d *pdfDoc) contHeight(r noteRef) float64 {
	if r.from == 0 {
		return 0
	}
	return d.cont.h
}

// contLabel marks the rest of a footnote continued from the page before,
// by the language of the brief's labels.
var contLabel = map[string]string{"en": "(cont.)", "it": "(segue)"}

// finish ends the last page and, in a second pass over every page, writes
// what is known only at the end: the marking, "page X of Y", the contents'
// page numbers. (fpdf's alias substitution at close would print digits the
// subset font lacks as empty boxes.)
func (d *pdfDoc) finish() {
	d.flushNotes()
	for len(d.pageNotes) > 0 { // the rest of a very long note
		d.pdf.AddPage()
		d.s.reset()
		d.y = marginTop
		d.flushNotes()
	}
	if d.inBox {
		d.drawBox(d.y + 2)
	}
	total := d.pdf.PageCount()
	for p := 1; p <= total; p++ {
		d.pdf.SetPage(p)
		d.s.reset()
		if m := strings.Join(strings.Fields(d.b.Classification), " "); m != "" {
			st := stMarking
			if w := d.s.width(m, st); w > d.cw {
				st.size *= d.cw / w // a long marking shrinks to fit the width
			}
			ln := d.single(m, st)
			d.s.draw(ln, (d.pw-ln.w)/2, markingY-4)
			d.s.draw(ln, (d.pw-ln.w)/2, d.ph-footerGap-4)
		}
		pageOf := fmt.Sprintf(d.l.PageOf, p, total)
		w := d.s.width(pageOf, stFooter)
		fy := d.ph - marginBottom + 4.5
		d.s.draw(d.single(pageOf, stFooter), d.pw-marginSide-w, fy)
		title := d.single(d.b.Title, stFooter)
		if title.w < d.cw-w-10 {
			d.s.draw(title, marginSide, fy)
		}
	}
	for _, e := range d.toc {
		if e.section >= len(d.secPage) || e.page == 0 {
			continue
		}
		d.pdf.SetPage(e.page)
		d.s.reset()
		num := fmt.Sprint(d.secPage[e.section])
		w := d.s.width(num, stBody)
		right := d.pw - marginSide
		d.s.draw(d.single(num, stBody), right-w, e.y)
		// dot leaders on a grid shared by all entries, ending before the
		// widest page number
		dot := d.s.width(" .", stBody)
		end := right - d.s.width("000", stBody) - 1
		if n := int((end - e.textEnd - 1.5) / dot); n > 0 {
			dots := strings.Repeat(" .", n)
			d.s.draw(d.single(dots, style{"serif", "", 10.5, grey}), end-float64(n)*dot, e.y)
		}
		d.pdf.Link(e.x, e.y, right-e.x, e.h, d.secLink[e.section])
	}
	d.pdf.SetPage(total)
}

// single typesets text as one line, never broken.
func (d *pdfDoc) single(t string, st style) line {
	lines := d.s.layout(text(t, st), 0, 1e6, 0, 1e6, 1.3, false)
	if len(lines) == 0 {
		return line{}
	}
	return lines[0]
}

// bmpOnly prepares text for the PDF's metadata and bookmarks, which fpdf
// encodes as UTF-16 without surrogates: characters beyond U+FFFF and
// control characters become Replacement.
func bmpOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || r < 0x20 || r == 0x7F {
			return Replacement
		}
		return r
	}, s)
}
