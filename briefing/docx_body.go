package briefing

import (
	"fmt"
	"strings"
	"unicode"
)

// documentXML is word/document.xml: title block, key messages, contents,
// sections with quotations and note references, the Sources list, and the
// page set-up with the header and footer of every page.
func (d *docxDoc) documentXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:document xmlns:w="%s" xmlns:r="%s"><w:body>`, nsW, nsR)
	d.titleBlock(&sb)
	d.keyMessages(&sb)
	d.contents(&sb)
	// the sections are a bookmarked range: the TOC field lists only their
	// headings, as the PDF's contents do, not the Sources or Notes
	if len(d.r.Sections) > 0 {
		fmt.Fprintf(&sb, `<w:bookmarkStart w:id="0" w:name="%s"/>`, sectionsBookmark)
	}
	for _, s := range d.r.Sections {
		d.section(&sb, s)
	}
	if len(d.r.Sections) > 0 {
		sb.WriteString(`<w:bookmarkEnd w:id="0"/>`)
	}
	d.endnoteList(&sb)
	d.sources(&sb)
	d.sectPr(&sb)
	sb.WriteString("</w:body></w:document>")
	return sb.String()
}

// para writes a paragraph of one run of text in a style and language.
func (d *docxDoc) para(sb *strings.Builder, style, text, lang string) {
	pprops{style: style, lang: lang}.open(sb)
	d.run(sb, text, rprops{lang: lang})
	sb.WriteString("</w:p>")
}

func (d *docxDoc) titleBlock(sb *strings.Builder) {
	r := d.r
	lang := r.LangTag
	for _, p := range r.headParas([3]string{"Title", "Subtitle", "BriefPurpose"}) {
		d.para(sb, p[0], p[1], lang)
	}
	for _, f := range r.Fields {
		pprops{style: "TitleBlockField", lang: lang}.open(sb)
		d.run(sb, f.Label, rprops{style: "TitleBlockLabel", lang: lang})
		d.run(sb, "\t"+f.Value, rprops{lang: lang})
		sb.WriteString("</w:p>")
	}
	// the rule under the title block
	pprops{style: "TitleBlockRule"}.open(sb)
	sb.WriteString("</w:p>")
}

func (d *docxDoc) keyMessages(sb *strings.Builder) {
	if len(d.r.KeyMessages) == 0 {
		return
	}
	lang := d.r.LangTag
	d.para(sb, "KeyMessagesHeading", d.r.KeyMessagesHeading, lang)
	for _, m := range d.r.KeyMessages {
		d.para(sb, "KeyMessage", m, lang)
	}
}

// sectionsBookmark spans the numbered sections, from the first heading to
// the end of the last section.
const sectionsBookmark = "_BriefSections"

// tocAnchor is the bookmark of a section's heading, which the contents'
// entries link to and take their page numbers from.
func tocAnchor(n int) string { return fmt.Sprintf("_TocSection%d", n) }

// contents writes the contents list as a TOC field over the section
// headings (outline level 1), with the entries already in it: each a link
// to its heading with a PAGEREF field, whose page is the PDF layout's
// until Word or LibreOffice updates the fields.
func (d *docxDoc) contents(sb *strings.Builder) {
	if len(d.r.Contents) == 0 {
		return
	}
	lang := d.r.LangTag
	d.para(sb, "TOCHeading", d.r.ContentsHeading, lang)
	for i, entry := range d.r.Contents {
		pprops{style: "TOC1", lang: lang}.open(sb)
		if i == 0 {
			sb.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
			fmt.Fprintf(sb, `<w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \b %s \h \z \u </w:instrText></w:r>`, sectionsBookmark)
			sb.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		n := i + 1
		fmt.Fprintf(sb, `<w:hyperlink w:anchor="%s" w:history="1">`, tocAnchor(n))
		d.run(sb, entry, rprops{lang: lang})
		d.run(sb, "\t", rprops{})
		page := ""
		if i < len(d.secPages) {
			page = fmt.Sprint(d.secPages[i])
		}
		d.field(sb, `PAGEREF `+tocAnchor(n)+` \h`, page, rprops{})
		sb.WriteString("</w:hyperlink>")
		if i == len(d.r.Contents)-1 {
			sb.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		sb.WriteString("</w:p>")
	}
}

func (d *docxDoc) section(sb *strings.Builder, s RenderedSection) {
	lang := d.r.LangTag
	pprops{style: "Heading1", lang: lang}.open(sb)
	d.bookmark++
	fmt.Fprintf(sb, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, d.bookmark, tocAnchor(s.Number))
	d.run(sb, s.Numbered(), rprops{lang: lang})
	fmt.Fprintf(sb, `<w:bookmarkEnd w:id="%d"/>`, d.bookmark)
	sb.WriteString("</w:p>")
	for _, bl := range s.Blocks {
		switch bl.Kind {
		case Quotation:
			d.quotation(sb, bl)
		case Translation:
			d.translation(sb, bl)
		default:
			d.para(sb, "Normal", oneSpace(bl.Text), bl.Lang)
		}
	}
}

// quotation writes a quotation in its language under its label, with
// its note references where the marks stand.
func (d *docxDoc) quotation(sb *strings.Builder, bl Block) {
	if bl.Label != "" {
		d.para(sb, "QuoteLanguage", bl.Label, d.r.LangTag)
		// under its label, as close as the PDF sets it
		fmt.Fprintf(sb, `<w:p><w:pPr><w:pStyle w:val="Quote"/><w:spacing w:before="%d"/><w:rPr><w:lang w:val="%s"/></w:rPr></w:pPr>`, twips(0.5), bl.Lang)
	} else {
		pprops{style: "Quote", lang: bl.Lang}.open(sb)
	}
	for _, p := range bl.printedPieces() {
		d.run(sb, p.Text, rprops{lang: bl.Lang})
		d.noteReferences(sb, p.Marks)
	}
	sb.WriteString("</w:p>")
}

// translation writes the author's own translation after the original,
// under its label ("Own translation"), in the brief's language.
func (d *docxDoc) translation(sb *strings.Builder, bl Block) {
	d.para(sb, "TranslationLabel", bl.Label, d.r.LangTag)
	fmt.Fprintf(sb, `<w:p><w:pPr><w:pStyle w:val="OwnTranslation"/><w:spacing w:before="%d"/><w:rPr><w:lang w:val="%s"/></w:rPr></w:pPr>`, twips(0.5), bl.Lang)
	d.run(sb, oneSpace(bl.Text), rprops{lang: bl.Lang})
	sb.WriteString("</w:p>")
}

// noteReferences writes the references to notes marks, grouped as the
// PDF prints them (markGroups): "1,2", and a run of three or more as
// "6–8".
//
// Footnotes are Word's own, numbered by Word in reading order as the
// notes were numbered. Every note of a range keeps its own reference, so
// Word and LibreOffice number, place and print it; the ones inside the
// range are set at the smallest size Word offers (one point, one per cent
// wide), too small to see, and the range reads as its first number, an en
// dash and its last.
//
// Endnotes (Options.Endnotes) are the brief's own Notes list
// (endnoteList): each number is a link to its note there.
func (d *docxDoc) noteReferences(sb *strings.Builder, marks []int) {
	ref := func(n int, extra string) {
		fmt.Fprintf(sb, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>%s</w:rPr><w:footnoteReference w:id="%d"/></w:r>`, extra, n)
	}
	style := "FootnoteReference"
	if d.endnotes {
		style = "EndnoteReference"
		ref = func(n int, extra string) {
			if extra == "" {
				fmt.Fprintf(sb, `<w:hyperlink w:anchor="%s" w:history="1">`, noteAnchor(n))
				d.run(sb, fmt.Sprint(n), rprops{style: style})
				sb.WriteString(`</w:hyperlink>`)
			}
		}
	}
	for i, g := range markGroups(marks) {
		if i > 0 {
			d.run(sb, ",", rprops{style: style})
		}
		ref(g.first, "")
		if g.isRange() {
			for n := g.first + 1; n < g.last; n++ {
				ref(n, inRangeRef)
			}
			d.run(sb, "–", rprops{style: style})
			ref(g.last, "")
		}
	}
}

// inRangeRef sets the reference of a footnote inside a printed range ("7"
// of "6–8") at one point, the smallest size Word offers, one per cent wide.
const inRangeRef = `<w:w w:val="1"/><w:sz w:val="2"/><w:szCs w:val="2"/>`

// endnoteList writes the notes at the end, before the Sources list as in
// the PDF, under a Notes heading, each a paragraph that starts with its
// number (bookmarked, so the marks in the text link to it).
//
// They are the document's own paragraphs rather than Word endnotes:
// LibreOffice (7.4, Debian's) prints Word endnotes on a page style of its
// own that has neither the header nor the footer, so the security marking
// would be missing from the notes' pages; paragraphs in the flow keep it
// on every page in Word and LibreOffice alike.
func (d *docxDoc) endnoteList(sb *strings.Builder) {
	if !d.endnotes || len(d.r.Notes) == 0 {
		return
	}
	lang := d.r.LangTag
	d.para(sb, "Heading1", d.r.NotesHeading, lang)
	for _, n := range d.r.Notes {
		pprops{style: "EndnoteText", lang: lang}.open(sb)
		d.bookmark++
		fmt.Fprintf(sb, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, d.bookmark, noteAnchor(n.Number))
		d.run(sb, fmt.Sprint(n.Number), rprops{style: "EndnoteReference"})
		fmt.Fprintf(sb, `<w:bookmarkEnd w:id="%d"/>`, d.bookmark)
		d.run(sb, "\t", rprops{})
		d.noteText(sb, n, &d.docRels)
		sb.WriteString("</w:p>")
	}
}

// noteAnchor is the bookmark of note n in the Notes list.
func noteAnchor(n int) string { return fmt.Sprintf("_Note%d", n) }

func (d *docxDoc) sources(sb *strings.Builder) {
	if len(d.r.Sources) == 0 {
		return
	}
	lang := d.r.LangTag
	d.para(sb, "Heading1", d.r.SourcesHeading, lang)
	for _, s := range d.r.Sources {
		pprops{style: "SourceEntry", lang: lang}.open(sb)
		d.noteRuns(sb, s.Runs, &d.docRels, lang, d.r.SourceLang(s.DocID))
		sb.WriteString("</w:p>")
	}
}

// sectPr is the page set-up: the header and footer on every page, the
// note numbering, the paper size and the PDF's margins.
func (d *docxDoc) sectPr(sb *strings.Builder) {
	fmt.Fprintf(sb, `<w:sectPr><w:headerReference w:type="default" r:id="%s"/><w:footerReference w:type="default" r:id="%s"/>`, d.headerID, d.footerID)
	sb.WriteString(`<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:endnotePr><w:pos w:val="sectEnd"/><w:numFmt w:val="decimal"/></w:endnotePr>`)
	fmt.Fprintf(sb, `<w:pgSz w:w="%d" w:h="%d"/>`, d.page.w, d.page.h)
	fmt.Fprintf(sb, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(marginTop), twips(marginSide), twips(marginBottom), twips(marginSide), twips(markingY-4), twips(footerGap-4))
	sb.WriteString(`<w:cols w:space="708"/></w:sectPr>`)
}

// collapseSpace makes every run of white space one space, keeping one at
// either end.
func collapseSpace(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	if space {
		sb.WriteByte(' ')
	}
	return sb.String()
}

// oneSpace joins the lines of a paragraph with single spaces, as the PDF
// prints them.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
