package briefing

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// The Word export writes the parts of an Office Open XML document
// (ECMA-376, transitional) itself, with archive/zip and text written in
// schema order: gomutex/godocx, the maintained Go library, has no API for
// footnotes, which carry a brief's citations, and none for fields (PAGE,
// NUMPAGES, TOC). The parts are few and fixed, so writing them directly
// keeps the file small and every element under our control. The content
// comes from Render, like the PDF's, so that both say the same.

// DOCX is the Word export format.
const DOCX = "docx"

// pageSize is a paper size in twips.
type pageSize struct{ w, h int }

var (
	pageA4     = pageSize{11906, 16838}
	pageLetter = pageSize{12240, 15840}
)

// docxDoc is a Word file being written.
type docxDoc struct {
	xmlText
	r        *Rendered
	endnotes bool // the notes as a Notes list at the end (endnoteList)
	page     pageSize

	docRels   rels // of word/document.xml
	notesRels rels // of word/footnotes.xml
	headerID  string
	footerID  string

	bookmark int
	pages    int   // pages of the PDF layout, for app.xml
	secPages []int // the page of each section in the PDF layout
}

// WriteDOCX writes the brief as a Word document: named styles, the
// citations and source notes as Word footnotes (or a Notes list at the
// end), the marking
// in the header and footer of every page, "Page X of Y" as fields, a TOC
// field where the PDF has a contents list, the document's properties and
// each paragraph's language. It returns the warnings of the export (see
// Export).
func WriteDOCX(w io.Writer, b *Brief, opt Options) ([]string, error) {
	d := &docxDoc{r: Render(b, opt), endnotes: opt.Endnotes}
	switch strings.ToLower(opt.Paper) {
	case "", "a4":
		d.page = pageA4
	case "letter", "us-letter", "usletter":
		d.page = pageLetter
	default:
		return nil, fmt.Errorf("unknown paper %q: use a4 or letter", opt.Paper)
	}
	d.pages, d.secPages = d.r.Pages, d.r.SectionPages
	textWidth := d.page.w - 2*twips(marginSide)

	// the fixed relationships of the document come first, links after
	d.docRels.add("styles", "styles.xml", false)
	d.docRels.add("settings", "settings.xml", false)
	d.docRels.add("numbering", "numbering.xml", false)
	d.docRels.add("fontTable", "fontTable.xml", false)
	d.docRels.add("footnotes", "footnotes.xml", false)
	d.docRels.add("endnotes", "endnotes.xml", false)
	d.headerID = d.docRels.add("header", "header1.xml", false)
	d.footerID = d.docRels.add("footer", "footer1.xml", false)

	document := d.documentXML()
	footnotes := d.notesXML(false)
	endnotes := d.notesXML(true)
	parts := []officePart{
		{"[Content_Types].xml", contentTypesXML()},
		{"_rels/.rels", packageRelsXML()},
		{"docProps/core.xml", d.coreXML(time.Now().UTC())},
		{"docProps/app.xml", d.appXML()},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", d.docRels.xml(&d.xmlText)},
		{"word/styles.xml", stylesXML(d.r, textWidth)},
		{"word/settings.xml", d.settingsXML()},
		{"word/numbering.xml", numberingXML()},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footnotes.xml", footnotes},
		{"word/endnotes.xml", endnotes},
		{"word/_rels/footnotes.xml.rels", d.notesRels.xml(&d.xmlText)},
		{"word/header1.xml", d.headerXML()},
		{"word/footer1.xml", d.footerXML(textWidth)},
	}
	if err := writeOfficeZip(w, parts, false); err != nil {
		return nil, err
	}
	return officeWarnings(b, opt, d.warnings(), d.pages), nil
}

func contentTypesXML() string {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	sb.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	sb.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	sb.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/fontTable.xml", wml + "fontTable+xml"},
		{"/word/footnotes.xml", wml + "footnotes+xml"},
		{"/word/endnotes.xml", wml + "endnotes+xml"},
		{"/word/header1.xml", wml + "header+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&sb, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	sb.WriteString(`</Types>`)
	return sb.String()
}

func packageRelsXML() string {
	var r rels
	r.add("officeDocument", "word/document.xml", false)
	r.add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false)
	r.add("extended-properties", "docProps/app.xml", false)
	return r.xml(&xmlText{})
}

// settingsXML is word/settings.xml: automatic hyphenation in each
// paragraph's language, fields updated when the file opens (the contents
// and its page numbers), the note separators and decimal endnotes.
func (d *docxDoc) settingsXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:settings xmlns:w="%s">`, nsW)
	sb.WriteString(`<w:defaultTabStop w:val="709"/><w:autoHyphenation/><w:characterSpacingControl w:val="doNotCompress"/>`)
	if len(d.r.Contents) > 0 {
		sb.WriteString(`<w:updateFields w:val="true"/>`)
	}
	sb.WriteString(`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`)
	sb.WriteString(`<w:endnotePr><w:pos w:val="sectEnd"/><w:numFmt w:val="decimal"/><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>`)
	sb.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	fmt.Fprintf(&sb, `<w:themeFontLang w:val="%s"/>`, d.r.LangTag)
	sb.WriteString(`</w:settings>`)
	return sb.String()
}

// markingPara writes the marking centred, or an empty paragraph.
func (d *docxDoc) markingPara(sb *strings.Builder) {
	pprops{style: "Marking"}.open(sb)
	d.run(sb, d.r.Marking, rprops{lang: d.r.LangTag})
	sb.WriteString("</w:p>")
}

// headerXML is the header of every page: the marking.
func (d *docxDoc) headerXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:hdr xmlns:w="%s" xmlns:r="%s">`, nsW, nsR)
	d.markingPara(&sb)
	sb.WriteString(`</w:hdr>`)
	return sb.String()
}

// footerXML is the footer of every page: the title and "Page X of Y"
// (PAGE and NUMPAGES fields) on one line, the marking under them.
func (d *docxDoc) footerXML(textWidth int) string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:ftr xmlns:w="%s" xmlns:r="%s">`, nsW, nsR)
	lang := d.r.LangTag
	pprops{style: "Footer", lang: lang}.open(&sb)
	p := rprops{lang: lang}
	d.run(&sb, d.r.FooterTitle, p)
	d.run(&sb, "\t", p)
	// "Page %d of %d": the text around the two numbers
	parts := strings.SplitN(d.r.PageOf, "%d", 3)
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	d.run(&sb, parts[0], p)
	d.field(&sb, "PAGE", "1", p)
	d.run(&sb, parts[1], p)
	d.field(&sb, "NUMPAGES", fmt.Sprint(max(d.pages, 1)), p)
	d.run(&sb, parts[2], p)
	sb.WriteString("</w:p>")
	if d.r.Marking != "" {
		d.markingPara(&sb)
	}
	sb.WriteString(`</w:ftr>`)
	return sb.String()
}

// coreXML is docProps/core.xml: title, subject, author, keywords (the
// marking first), language, and when the file was made.
func (d *docxDoc) coreXML(now time.Time) string {
	p := d.r.Properties
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	sb.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&sb, `<%s>%s</%s>`, name, d.esc(v), name)
		}
	}
	elem("dc:title", p.Title)
	elem("dc:subject", p.Subject)
	elem("dc:creator", p.Author)
	elem("cp:keywords", strings.Join(p.Keywords, "; "))
	elem("dc:description", d.r.Subtitle)
	elem("cp:lastModifiedBy", p.Author)
	elem("cp:category", d.r.Purpose)
	elem("cp:contentStatus", d.r.Marking)
	elem("dc:language", d.r.LangTag)
	ts := now.Format("2006-01-02T15:04:05Z")
	fmt.Fprintf(&sb, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, ts, ts)
	sb.WriteString(`</cp:coreProperties>`)
	return sb.String()
}

// appXML is docProps/app.xml: the application, the organisation and the
// page count of the PDF layout.
func (d *docxDoc) appXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	sb.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	sb.WriteString(`<Application>Attaché</Application><DocSecurity>0</DocSecurity>`)
	if d.pages > 0 {
		fmt.Fprintf(&sb, `<Pages>%d</Pages>`, d.pages)
	}
	if o := d.r.Properties.Organisation; o != "" {
		fmt.Fprintf(&sb, `<Company>%s</Company>`, d.esc(o))
	}
	sb.WriteString(`</Properties>`)
	return sb.String()
}
