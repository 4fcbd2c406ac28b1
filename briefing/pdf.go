package briefing

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
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
	pdf, err := d.render()
	if err != nil {
		return nil, err
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("PDF export failed: %v", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("PDF export failed: %v", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	warnings = append(baseWarnings(b, opt), d.g.warnings()...)
	if d.layout.Over() {
		warnings = append(warnings, overWarning(d.layout))
	}
	return warnings, nil
}

// overWarning says that a brief has more pages than its budget.
func overWarning(l *Layout) string {
	return fmt.Sprintf("the brief has %d pages, over its limit of %d", len(l.Pages), l.Limit)
}

// render draws the laid-out pages into a new PDF document.
func (d *pdfDoc) render() (*fpdf.Fpdf, error) {
	size := fpdf.SizeType{Wd: d.pw, Ht: d.ph}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	pdf.SetMargins(marginSide, marginTop, marginSide)
	pdf.SetAutoPageBreak(false, 0)
	if err := addFonts(pdf); err != nil {
		return nil, err
	}
	properties(pdf, d.b, d.l)
	links := make([]int, len(d.layout.targets))
	for i := range links {
		links[i] = pdf.AddLink()
	}
	for i, t := range d.layout.targets {
		if t.page > 0 {
			pdf.SetLink(links[i], t.y, t.page)
		}
	}
	var cur style
	set := false
	use := func(st style) {
		if !set || cur.family != st.family || cur.style != st.style || cur.size != st.size {
			pdf.SetFont(pdfFamily[st.family], st.style, st.size)
		}
		if !set || cur.color != st.color {
			pdf.SetTextColor(st.color[0], st.color[1], st.color[2])
		}
		cur, set = st, true
	}
	for _, p := range d.layout.Pages {
		pdf.AddPage()
		set = false
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				use(o.st)
				pdf.Text(o.x, o.y, o.text)
			case opRule:
				c := o.st.color
				pdf.SetDrawColor(c[0], c[1], c[2])
				pdf.SetLineWidth(o.st.size)
				pdf.Line(o.x, o.y, o.w, o.h)
			case opRect:
				c := o.st.color
				if o.fill {
					pdf.SetFillColor(c[0], c[1], c[2])
					pdf.Rect(o.x, o.y, o.w, o.h, "F")
				} else {
					pdf.SetDrawColor(c[0], c[1], c[2])
					pdf.SetLineWidth(o.st.size)
					pdf.Rect(o.x, o.y, o.w, o.h, "D")
				}
			case opURL:
				if LiveLink(o.text) { // the last word, wherever the run came from
					pdf.LinkString(o.x, o.y, o.w, o.h, o.text)
				}
			case opLink:
				pdf.Link(o.x, o.y, o.w, o.h, links[o.link-1])
			case opBookmark:
				use(stH1)
				pdf.Bookmark(bmpOnly(o.text), o.level, o.y)
			}
		}
	}
	if n := len(d.layout.Pages); n > 0 {
		pdf.SetPage(n)
	}
	return pdf, nil
}

// properties sets the document's title, author, subject and keywords,
// the same as every export's (documentProperties).
func properties(pdf *fpdf.Fpdf, b *Brief, l labels) {
	p := documentProperties(b, l)
	pdf.SetTitle(bmpOnly(p.Title), true)
	pdf.SetAuthor(bmpOnly(p.Author), true)
	pdf.SetSubject(bmpOnly(p.Subject), true)
	pdf.SetKeywords(bmpOnly(strings.Join(p.Keywords, "; ")), true)
	pdf.SetCreator("Attaché", true)
	pdf.SetProducer("Attaché with go-pdf/fpdf", true)
	pdf.SetLang(b.Labels())
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
