package briefing

import (
	"fmt"
	"strings"
)

// Pagination: the blocks of the page content placed on pages, with the
// footnotes of each page at its foot, headings kept with what follows, no
// single line of a paragraph (or quotation) alone on a page, the key
// messages framed, and, in a second pass, what is known only at the end:
// the marking, "page X of Y", the contents' page numbers.

// tocEntry is a line of the table of contents, filled in the second pass.
type tocEntry struct {
	section int
	page    int
	x, y, h float64
	textEnd float64
}

// pdfDoc is a brief being laid out: its content, and the pages so far.
type pdfDoc struct {
	b    *Brief
	opt  Options
	l    labels
	c    *Citations
	g    *glyphs
	s    *setter
	pw   float64 // page width
	ph   float64 // page height
	cw   float64 // content width
	y    float64
	foot bool // footnotes (else endnotes)

	layout       *Layout
	withContents bool
	secOf        map[string]string // excerpt ID → section ID

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

	footTitle string  // the title as the page foot prints it
	labelW    float64 // the title block's label column, mm
}

// placed records where a line went, for the tests of the layout.
type placed struct {
	page     int
	y, h     float64
	block    int
	keepNext bool
	note     bool
}

// LayOut lays the brief out on pages exactly as its PDF prints them, for
// the page preview and the page count. With the contents list automatic
// and a page limit, a brief over its limit gets the list (and is laid out
// again with it).
func LayOut(b *Brief, opt Options) (*Layout, error) {
	d, err := layoutPDF(b, opt)
	if err != nil {
		return nil, err
	}
	return d.layout, nil
}

// layoutPDF lays the brief out on pages, ready for output.
func layoutPDF(b *Brief, opt Options) (*pdfDoc, error) {
	if err := checkPrintable(b); err != nil {
		return nil, err
	}
	m, err := newMetrics()
	if err != nil {
		return nil, err
	}
	mode := b.ContentsMode()
	with := mode == ContentsOn
	if mode == ContentsAuto && b.PageBudget() == 0 {
		with = len(b.Sections) >= 3 // no budget: as long briefs always had
	}
	d, err := newPDFDoc(b, opt, m, with)
	if err != nil {
		return nil, err
	}
	d.build()
	if mode == ContentsAuto && !with && d.layout.Over() && len(b.Sections) > 0 {
		d, err = newPDFDoc(b, opt, m, true)
		if err != nil {
			return nil, err
		}
		d.build()
	}
	return d, nil
}

// paperSize returns the width and height in millimetres of a paper name.
func paperSize(paper string) (float64, float64, error) {
	switch strings.ToLower(paper) {
	case "", "a4":
		return 210, 297, nil
	case "letter", "us-letter", "usletter":
		return 215.9, 279.4, nil
	}
	return 0, 0, fmt.Errorf("unknown paper %q: use a4 or letter", paper)
}

func newPDFDoc(b *Brief, opt Options, m *metrics, withContents bool) (*pdfDoc, error) {
	pw, ph, err := paperSize(opt.Paper)
	if err != nil {
		return nil, err
	}
	d := &pdfDoc{b: b, opt: opt, l: labelsFor(b.Labels()), c: Cite(b), g: newGlyphs(),
		pw: pw, ph: ph, cw: pw - 2*marginSide, foot: !opt.Endnotes, noteLines: map[int]block{},
		withContents: withContents}
	d.layout = &Layout{PageW: pw, PageH: ph, Limit: b.PageBudget(), Contents: withContents}
	d.s = &setter{m: m, g: d.g}
	d.secOf = map[string]string{}
	for _, s := range b.Sections {
		for _, x := range s.Excerpts {
			d.secOf[x.ID] = s.ID
		}
	}
	return d, nil
}

// addLink makes a new internal link target and returns its ID.
func (d *pdfDoc) addLink() int {
	d.layout.targets = append(d.layout.targets, linkTarget{})
	return len(d.layout.targets)
}

// page is the current page.
func (d *pdfDoc) page() *Page { return &d.layout.Pages[len(d.layout.Pages)-1] }

// pageNo is the current page's number, from 1.
func (d *pdfDoc) pageNo() int { return len(d.layout.Pages) }

func (d *pdfDoc) addPage() {
	d.layout.Pages = append(d.layout.Pages, Page{})
	d.s.page = d.page()
}

// rule draws a line on the current page.
func (d *pdfDoc) rule(x1, y1, x2, y2, width float64, color [3]int) {
	d.page().ops = append(d.page().ops, op{kind: opRule, x: x1, y: y1, w: x2, h: y2, st: style{size: width, color: color}})
}

// rect draws a rectangle on the current page, framed or filled.
func (d *pdfDoc) rect(x, y, w, h, width float64, color [3]int, fill bool) {
	d.page().ops = append(d.page().ops, op{kind: opRect, x: x, y: y, w: w, h: h, st: style{size: width, color: color}, fill: fill})
}

// build lays out the whole brief.
func (d *pdfDoc) build() {
	d.newPage()
	d.place(d.content())
	d.finish()
}

// newPage ends the current page (its footnotes, an open box) and starts
// the next.
func (d *pdfDoc) newPage() {
	if d.pageNo() > 0 {
		d.flushNotes()
		if d.inBox {
			d.drawBox(d.y + 1)
		}
	}
	d.addPage()
	d.y = marginTop
	for len(d.pageNotes) > 0 && d.limit() < marginTop+20 {
		// the rest of a note taller than a page fills this page alone
		d.flushNotes()
		d.addPage()
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
	if !d.foot || len(marks) == 0 {
		return false
	}
	if last := d.noteLines[marks[len(marks)-1]].lines; len(last) >= 6 {
		// a long last note (an original quotation, a long source note)
		// may run on to the foot of the next page, as Word's footnotes
		// do, rather than leave the foot of this one empty: the other
		// notes whole and its first three lines must fit
		need := 0.0
		if len(d.pageNotes) == 0 {
			need = 4
		}
		for _, n := range marks[:len(marks)-1] {
			need += linesHeight(d.noteLines[n].lines, -1) + 0.8
		}
		if d.y+h+need+linesHeight(last, 3) <= d.limit() {
			return true
		}
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
		if bl.rule { // the rule under the title block
			d.y += bl.gap
			d.rule(marginSide, d.y, d.pw-marginSide, d.y, 0.5, navy)
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
			d.layout.targets[bl.link-1] = linkTarget{page: d.pageNo(), y: d.y}
		}
		if bl.bookmark != "" {
			d.page().ops = append(d.page().ops, op{kind: opBookmark, text: bl.bookmark, level: bl.bookmarkLevel, y: d.y})
		}
		if bl.sectionHeading > 0 {
			d.secPage = append(d.secPage, d.pageNo())
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
				e.page, e.x, e.y, e.h = d.pageNo(), bl.x, d.y, ln.h
				e.textEnd = bl.x + ln.dx + ln.w
			}
			txt := lineText(ln)
			if k == 0 && bl.label != nil {
				d.s.draw(bl.label[0], bl.x, d.y)
				txt = lineText(bl.label[0]) + " " + txt
			}
			d.s.draw(ln, bl.x, d.y)
			d.page().Lines = append(d.page().Lines, Line{Y: d.y, H: ln.h, Text: txt, Section: bl.section, Excerpt: bl.excerpt})
			d.trace = append(d.trace, placed{page: d.pageNo(), y: d.y, h: ln.h, block: i, keepNext: bl.keepNext})
			if bl.bar {
				d.rule(bl.x-3.5, d.y, bl.x-3.5, d.y+ln.h, 0.7, [3]int{170, 170, 170})
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
	d.rect(marginSide, d.boxTop, d.cw, y-d.boxTop, 0.35, navy, false)
	d.rect(marginSide, d.boxTop, 1.2, y-d.boxTop, 0, navy, true)
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
		d.rule(marginSide, y-2.5, marginSide+45, y-2.5, 0.25, black)
	}
	for _, p := range fit {
		nb := d.noteLines[p.n]
		if p.from > 0 {
			// the rest of a note begun on the page before: its number
			// and "(cont.)" on a line of their own
			d.s.draw(nb.label[0], nb.x, y)
			d.s.draw(d.cont, nb.x, y)
			d.noteLine(nb, lineText(nb.label[0])+" "+lineText(d.cont), y, d.cont.h, p.n)
			y += d.cont.h
		}
		for k := p.from; k < p.to; k++ {
			ln := nb.lines[k]
			txt := lineText(ln)
			if k == 0 {
				d.s.draw(nb.label[0], nb.x, y)
				txt = lineText(nb.label[0]) + " " + txt
			}
			d.s.draw(ln, nb.x, y)
			d.noteLine(nb, txt, y, ln.h, p.n)
			y += ln.h
		}
		y += 0.8
	}
	d.pageNotes, d.notesH = carry, 0
	for _, r := range carry {
		d.notesH += d.contHeight(r) + linesHeight(d.noteLines[r.n].lines[r.from:], -1) + 0.8
	}
}

// noteLine records a footnote line placed on the current page.
func (d *pdfDoc) noteLine(nb block, txt string, y, h float64, n int) {
	d.page().Lines = append(d.page().Lines, Line{Y: y, H: h, Text: txt, Section: d.secOf[nb.excerpt], Excerpt: nb.excerpt, Note: true})
	d.trace = append(d.trace, placed{page: d.pageNo(), y: y, h: h, block: -n, note: true})
}

// contHeight is the height of the "(cont.)" line a note needs when it
// continues from the page before.
func (d *pdfDoc) contHeight(r noteRef) float64 {
	if r.from == 0 {
		return 0
	}
	return d.cont.h
}

// finish ends the last page and, in a second pass over every page, writes
// what is known only at the end: the marking, "page X of Y", the contents'
// page numbers. (fpdf's alias substitution at close would print digits the
// subset font lacks as empty boxes.)
func (d *pdfDoc) finish() {
	d.flushNotes()
	for len(d.pageNotes) > 0 { // the rest of a very long note
		d.addPage()
		d.y = marginTop
		d.flushNotes()
	}
	if d.inBox {
		d.drawBox(d.y + 2)
	}
	total := d.pageNo()
	var marking line
	m := strings.Join(strings.Fields(d.b.Classification), " ")
	if m != "" {
		st := stMarking
		if w := d.s.width(m, st); w > d.cw {
			st.size *= d.cw / w // a long marking shrinks to fit the width
		}
		marking = d.single(m, st)
	}
	// the title in the footer, laid out once, where there is room for it
	title := d.footerTitle(d.cw - d.s.width(fmt.Sprintf(d.l.PageOf, total, total), stFooter) - 10)
	for p := 1; p <= total; p++ {
		d.s.page = &d.layout.Pages[p-1]
		if m != "" {
			d.s.draw(marking, (d.pw-marking.w)/2, markingY-4)
			d.s.draw(marking, (d.pw-marking.w)/2, d.ph-footerGap-4)
		}
		pageOf := fmt.Sprintf(d.l.PageOf, p, total)
		w := d.s.width(pageOf, stFooter)
		fy := d.ph - marginBottom + 4.5
		d.s.draw(d.single(pageOf, stFooter), d.pw-marginSide-w, fy)
		if title != nil {
			d.s.draw(*title, marginSide, fy)
		}
	}
	for _, e := range d.toc {
		if e.section >= len(d.secPage) || e.page == 0 {
			continue
		}
		d.s.page = &d.layout.Pages[e.page-1]
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
		d.s.page.ops = append(d.s.page.ops, op{kind: opLink, x: e.x, y: e.y, w: right - e.x, h: e.h, link: d.secLink[e.section]})
		for k := range d.s.page.Lines {
			if ln := &d.s.page.Lines[k]; ln.Y == e.y && ln.Section == d.b.Sections[e.section].ID {
				ln.Text += " " + num
			}
		}
	}
	d.s.page = d.page()
}

// footerTitle typesets the brief's title for the page foot: whole when
// it fits the room, else cut after a word with "…" (cutAtWord), as every
// export prints it; nil when not even a word fits. Only as much of the
// title as could fit is measured, so a huge title costs no more than a
// short one.
func (d *pdfDoc) footerTitle(room float64) *line {
	t := strings.Join(strings.Fields(d.b.Title), " ")
	if room <= 0 || t == "" {
		return nil
	}
	// DejaVu Sans at 8 pt has no printing character narrower than 0.25 mm:
	// more characters cannot fit
	if max := int(room/0.25) + 1; len([]rune(t)) > max {
		t = string([]rune(t)[:max])
	}
	t = cutAtWord(t, room, func(s string) float64 { return d.s.width(s, stFooter) })
	if t == "" {
		return nil
	}
	ln := d.single(t, stFooter)
	d.footTitle = t
	return &ln
}

// single typesets text as one line, never broken.
func (d *pdfDoc) single(t string, st style) line {
	lines := d.s.layout(text(t, st), 0, 1e6, 0, 1e6, 1.3, false)
	if len(lines) == 0 {
		return line{}
	}
	return lines[0]
}
