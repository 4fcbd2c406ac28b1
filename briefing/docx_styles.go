package briefing

import (
	"fmt"
	"strings"
)

// The Word file's styles: every paragraph and run of the brief has a named
// style, so that a colleague restyles the brief in one place. Built-in
// names (Title, heading 1, Quote, List Bullet, footnote text…) keep their
// built-in IDs, so Word shows them translated and pandoc and LibreOffice
// map them; the brief's own parts (title block, key messages, the marking)
// have styles of their own. The look follows the PDF: serif text, sans
// headings in navy, quotations indented with a grey rule.

// Fonts: the PDF's, DejaVu Serif for the text and DejaVu Sans for the
// headings. The font table (fontTableXML) gives each its panose, family
// and an alternative name, so that Word on a machine without DejaVu
// substitutes a serif (Times New Roman) and a sans (Arial), not whatever
// it likes; LibreOffice and most Linux desktops have DejaVu.
const (
	docxSerif = "DejaVu Serif"
	docxSans  = "DejaVu Sans"
)

// docxFont is an entry of word/fontTable.xml.
type docxFont struct {
	name, altName, panose, family string
}

// docxFonts are the fonts the styles name, with their fallbacks: the
// panose numbers are those of the DejaVu files' OS/2 tables.
var docxFonts = []docxFont{
	{docxSerif, "Times New Roman", "02060603050605020204", "roman"},
	{docxSans, "Arial", "020B0603030804020204", "swiss"},
	{"Times New Roman", "Liberation Serif", "02020603050405020304", "roman"},
	{"Arial", "Liberation Sans", "020B0604020202020204", "swiss"},
}

// fontTableXML is word/fontTable.xml.
func fontTableXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:fonts xmlns:w="%s">`, nsW)
	for _, f := range docxFonts {
		fmt.Fprintf(&sb, `<w:font w:name="%s"><w:altName w:val="%s"/><w:panose1 w:val="%s"/><w:charset w:val="00"/><w:family w:val="%s"/><w:pitch w:val="variable"/></w:font>`,
			f.name, f.altName, f.panose, f.family)
	}
	sb.WriteString(`</w:fonts>`)
	return sb.String()
}

// Colours, as in the PDF.
const (
	docxNavy = "142D5F"
	docxGrey = "5A5A5A"
	docxLink = "143C96"
	docxRule = "AAAAAA"
)

// docxStyle is one style of styles.xml.
type docxStyle struct {
	id, name string
	char     bool // a character style, else a paragraph style
	basedOn  string
	next     string
	ppr      string // CT_PPr children, in schema order
	rpr      string // CT_RPr children, in schema order
}

// wFont is an rFonts element for a family.
func wFont(f string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/>`, f, f, f, f)
}

// wSize is a font size in points, as the half-points Word stores.
func wSize(pt float64) string {
	hp := int(pt*2 + 0.5)
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
}

func wColor(c string) string { return fmt.Sprintf(`<w:color w:val="%s"/>`, c) }

// box is the border of the key messages: a frame with a thick left rule,
// which Word draws round consecutive paragraphs with the same borders.
const box = `<w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="` + docxNavy + `"/>` +
	`<w:left w:val="single" w:sz="24" w:space="11" w:color="` + docxNavy + `"/>` +
	`<w:bottom w:val="single" w:sz="6" w:space="4" w:color="` + docxNavy + `"/>` +
	`<w:right w:val="single" w:sz="6" w:space="11" w:color="` + docxNavy + `"/></w:pBdr>`

// twips per millimetre.
const twipsPerMM = 1440 / 25.4

func twips(mm float64) int { return int(mm*twipsPerMM + 0.5) }

// spacing is the space before and after a paragraph in millimetres and
// its line height as the PDF's: a font size in points times a leading,
// at least (a colleague who makes the font larger gets taller lines).
func spacing(beforeMM, afterMM, pt, lead float64) string {
	return fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="atLeast"/>`,
		twips(beforeMM), twips(afterMM), int(pt*lead*20+0.5))
}

// docxStyles are the styles of a brief whose text is textWidth twips wide
// and whose title block's labels take labelW mm (0: 25 mm).
func docxStyles(textWidth int, labelW float64) []docxStyle {
	quoteInd := twips(quoteIndent)
	noteInd := twips(noteHang)
	labelInd := twips(25)
	if labelW > 0 {
		labelInd = twips(labelW) // the PDF's label column
	}
	// key messages: the box at the margins, the heading and the bullets
	// 4 mm inside it, the text at 9 mm, as in the PDF
	kmInd, kmHang, kmRight := twips(9), twips(5), twips(4)
	return []docxStyle{
		{id: "Normal", name: "Normal",
			ppr: spacing(2.5, 0, 10.5, 1.38) + `<w:jc w:val="both"/>`},
		{id: "Title", name: "Title", basedOn: "Normal", next: "Subtitle",
			ppr: `<w:keepNext/>` + spacing(4, 0, 19, 1.38) + `<w:jc w:val="left"/><w:outlineLvl w:val="9"/>`,
			rpr: wFont(docxSans) + `<w:b/><w:bCs/>` + wColor(docxNavy) + `<w:kern w:val="28"/>` + wSize(19)},
		{id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal",
			ppr: `<w:keepNext/>` + spacing(1.5, 0, 12.5, 1.38) + `<w:jc w:val="left"/>`,
			rpr: wFont(docxSans) + wColor(docxGrey) + wSize(12.5)},
		{id: "BriefPurpose", name: "Brief Purpose", basedOn: "Normal", next: "TitleBlockField",
			ppr: `<w:keepNext/>` + spacing(3, 5, 10, 1.38) + `<w:jc w:val="left"/>`,
			rpr: wFont(docxSans) + `<w:b/><w:bCs/><w:caps/>` + wColor(docxNavy) + wSize(10)},
		{id: "TitleBlockField", name: "Title Block Field", basedOn: "Normal",
			ppr: fmt.Sprintf(`<w:keepNext/><w:tabs><w:tab w:val="left" w:pos="%d"/></w:tabs>%s<w:ind w:left="%d" w:hanging="%d"/><w:jc w:val="left"/>`, labelInd, spacing(0.6, 0, 10.5, 1.38), labelInd, labelInd)},
		{id: "TitleBlockLabel", name: "Title Block Label", char: true,
			rpr: wFont(docxSans) + `<w:b/><w:bCs/>` + wColor(docxGrey) + wSize(9.5)},
		{id: "TitleBlockRule", name: "Title Block Rule", basedOn: "Normal", next: "Normal",
			ppr: `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="` + docxNavy + `"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="` + fmt.Sprint(twips(4)) + `" w:lineRule="exact"/>`,
			rpr: wSize(4)},
		{id: "Heading1", name: "heading 1", basedOn: "Normal", next: "Normal",
			ppr: `<w:keepNext/><w:keepLines/>` + spacing(8, 0, 13, 1.3) + `<w:jc w:val="left"/><w:outlineLvl w:val="0"/>`,
			rpr: wFont(docxSans) + `<w:b/><w:bCs/>` + wColor(docxNavy) + wSize(13)},
		{id: "Heading2", name: "heading 2", basedOn: "Normal", next: "Normal",
			ppr: `<w:keepNext/><w:keepLines/>` + spacing(7, 0, 10.5, 1.38) + `<w:jc w:val="left"/><w:outlineLvl w:val="1"/>`,
			rpr: wFont(docxSans) + `<w:b/><w:bCs/>` + wColor(docxNavy) + wSize(10.5)},
		{id: "ListBullet", name: "List Bullet", basedOn: "Normal",
			ppr: fmt.Sprintf(`<w:numPr><w:numId w:val="1"/></w:numPr>%s<w:ind w:left="%d" w:hanging="%d"/><w:jc w:val="left"/>`, spacing(1.5, 0, 10.5, 1.38), kmInd, kmHang)},
		{id: "KeyMessagesHeading", name: "Key Messages Heading", basedOn: "Heading2", next: "KeyMessage",
			ppr: fmt.Sprintf(`<w:keepNext/>%s%s<w:ind w:left="%d" w:right="%d" w:hanging="%d"/><w:outlineLvl w:val="9"/>`, box, spacing(6, 0, 10.5, 1.38), kmInd, kmRight, kmHang)},
		{id: "KeyMessage", name: "Key Message", basedOn: "ListBullet",
			ppr: fmt.Sprintf(`%s%s<w:ind w:left="%d" w:right="%d" w:hanging="%d"/>`, box, spacing(1.5, 0, 10.5, 1.38), kmInd, kmRight, kmHang)},
		{id: "TOCHeading", name: "TOC Heading", basedOn: "Heading2", next: "TOC1",
			ppr: `<w:outlineLvl w:val="9"/>`},
		{id: "TOC1", name: "toc 1", basedOn: "Normal", next: "Normal",
			ppr: fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs>%s<w:ind w:left="0"/><w:jc w:val="left"/>`, textWidth, spacing(1, 0, 10.5, 1.38))},
		{id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal",
			ppr: fmt.Sprintf(`<w:pBdr><w:left w:val="single" w:sz="8" w:space="8" w:color="%s"/></w:pBdr>%s<w:ind w:left="%d" w:right="%d"/>`, docxRule, spacing(3.5, 0, 10, 1.38), quoteInd, twips(quoteIndent-4)),
			rpr: wSize(10)},
		{id: "QuoteLanguage", name: "Quote Language", basedOn: "Normal", next: "Quote",
			ppr: fmt.Sprintf(`<w:keepNext/>%s<w:ind w:left="%d"/><w:jc w:val="left"/>`, spacing(3.5, 0.5, 8.5, 1.38), quoteInd),
			rpr: `<w:i/><w:iCs/>` + wColor(docxGrey) + wSize(8.5)},
		{id: "TranslationLabel", name: "Translation Label", basedOn: "QuoteLanguage", next: "OwnTranslation"},
		{id: "OwnTranslation", name: "Own Translation", basedOn: "Quote", next: "Normal"},
		{id: "SourceEntry", name: "Source Entry", basedOn: "Normal",
			ppr: fmt.Sprintf(`%s<w:ind w:left="%d" w:hanging="%d"/><w:jc w:val="left"/>`, spacing(2, 0, 9.5, 1.3), twips(sourceHang), twips(sourceHang)),
			rpr: wSize(9.5)},
		{id: "FootnoteText", name: "footnote text", basedOn: "Normal",
			ppr: fmt.Sprintf(`%s<w:ind w:left="%d" w:hanging="%d"/><w:jc w:val="left"/>`, spacing(0, 0.8, 8, 1.3), noteInd, noteInd),
			rpr: wSize(8)},
		{id: "FootnoteReference", name: "footnote reference", char: true,
			rpr: `<w:vertAlign w:val="superscript"/>`},
		{id: "EndnoteText", name: "endnote text", basedOn: "FootnoteText"},
		{id: "EndnoteReference", name: "endnote reference", char: true,
			rpr: `<w:vertAlign w:val="superscript"/>`},
		{id: "Header", name: "header", basedOn: "Normal",
			ppr: fmt.Sprintf(`<w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>`, textWidth/2, textWidth),
			rpr: wFont(docxSans) + wColor(docxGrey) + wSize(8)},
		{id: "Footer", name: "footer", basedOn: "Header",
			ppr: fmt.Sprintf(`<w:tabs><w:tab w:val="clear" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, textWidth/2, textWidth)},
		{id: "Marking", name: "Marking", basedOn: "Header",
			ppr: `<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/>`,
			rpr: `<w:b/><w:bCs/><w:caps/>` + wColor("000000") + wSize(10)},
		{id: "Hyperlink", name: "Hyperlink", char: true,
			rpr: wColor(docxLink) + `<w:u w:val="single"/>`},
	}
}

// stylesXML is word/styles.xml: the defaults (fonts, size, the brief's
// language) and the styles.
func stylesXML(r *Rendered, textWidth int) string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<w:styles xmlns:w="%s">`, nsW)
	fmt.Fprintf(&sb, `<w:docDefaults><w:rPrDefault><w:rPr>%s%s<w:lang w:val="%s" w:eastAsia="%s" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
		wFont(docxSerif), wSize(10.5), r.LangTag, r.LangTag)
	sb.WriteString(`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for _, s := range docxStyles(textWidth, r.LabelWidth) {
		kind := "paragraph"
		if s.char {
			kind = "character"
		}
		def := ""
		if s.id == "Normal" {
			def = ` w:default="1"`
		}
		fmt.Fprintf(&sb, `<w:style w:type="%s"%s w:styleId="%s"><w:name w:val="%s"/>`, kind, def, s.id, s.name)
		if s.basedOn != "" {
			fmt.Fprintf(&sb, `<w:basedOn w:val="%s"/>`, s.basedOn)
		}
		if s.next != "" {
			fmt.Fprintf(&sb, `<w:next w:val="%s"/>`, s.next)
		}
		sb.WriteString(`<w:qFormat/>`)
		if s.ppr != "" {
			sb.WriteString("<w:pPr>" + s.ppr + "</w:pPr>")
		}
		if s.rpr != "" {
			sb.WriteString("<w:rPr>" + s.rpr + "</w:rPr>")
		}
		sb.WriteString("</w:style>")
	}
	sb.WriteString("</w:styles>")
	return sb.String()
}

// numberingXML is word/numbering.xml: the bullet of List Bullet.
func numberingXML() string {
	return xmlHeader + `<w:numbering xmlns:w="` + nsW + `">` +
		`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="` + fmt.Sprint(twips(9)) + `" w:hanging="` + fmt.Sprint(twips(5)) + `"/></w:pPr><w:rPr>` + wFont(docxSerif) + `</w:rPr></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
}
