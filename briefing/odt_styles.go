package briefing

import (
	"fmt"
	"strings"
)

// The ODT file's styles mirror the Word file's (docx_styles.go): every
// paragraph and run has a named style, with display names as Word's
// (Title, Subtitle, Heading 1, Quote, List Bullet, Footnote…) and the
// brief's own for the title block, the key messages and the marking; the
// look follows the PDF: DejaVu Serif text, DejaVu Sans headings in navy,
// quotations indented with a grey rule.

// odtFontFaces declares the PDF's fonts, with their generic family so
// that a machine without DejaVu substitutes a serif and a sans.
const odtFontFaces = `<office:font-face-decls>` +
	`<style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>` +
	`<style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
	`</office:font-face-decls>`

// Colours, as in the PDF.
const (
	odtNavy = "#142d5f"
	odtGrey = "#5a5a5a"
	odtLink = "#143c96"
	odtRule = "#aaaaaa"
)

// odtBox frames the key messages as the PDF does, with a thick rule on
// the left: LibreOffice joins the borders of consecutive paragraphs that
// have the same ones into one box. The padding is the indent of the
// heading and of the bullets inside it.
const odtBox = ` fo:border-left="1.1mm solid ` + odtNavy + `" fo:border-right="0.2mm solid ` + odtNavy + `" fo:border-top="0.2mm solid ` + odtNavy + `" fo:border-bottom="0.2mm solid ` + odtNavy + `"` +
	` fo:padding-left="3mm" fo:padding-right="3mm" style:join-border="true"`

// odtStyle is a named style of styles.xml.
type odtStyle struct {
	name, display string
	family        string // "paragraph" (default) or "text"
	parent, next  string
	outline       int    // default outline level of a heading style
	list          string // list style of the paragraphs
	para, text    string // paragraph and text property attributes
}

// sans and serif are the text properties of a font.
const (
	odtSans  = ` style:font-name="DejaVu Sans"`
	odtSerif = ` style:font-name="DejaVu Serif"`
	odtBold  = ` fo:font-weight="bold" style:font-weight-complex="bold"`
)

func odtSize(pt float64) string {
	return fmt.Sprintf(` fo:font-size="%gpt" style:font-size-complex="%gpt"`, pt, pt)
}

func odtColor(c string) string { return fmt.Sprintf(` fo:color="%s"`, c) }

// odtSpacing is the space before and after a paragraph in millimetres and
// its line height as the PDF's, at least (pt times a leading).
func odtSpacing(beforeMM, afterMM, pt, lead float64) string {
	return fmt.Sprintf(` fo:margin-top="%gmm" fo:margin-bottom="%gmm" style:line-height-at-least="%.1fpt"`, beforeMM, afterMM, pt*lead)
}

// odtStyles are the named styles of a brief whose text is textWidth
// millimetres wide and whose title block's labels take labelW mm (0: 25).
func odtStyles(textWidth, labelW float64) []odtStyle {
	if labelW <= 0 {
		labelW = 25
	}
	left := ` fo:text-align="start"`
	keep := ` fo:keep-with-next="always"`
	hang := func(mm float64) string { return fmt.Sprintf(` fo:margin-left="%gmm" fo:text-indent="-%gmm"`, mm, mm) }
	return []odtStyle{
		{name: "Standard", display: "Default Paragraph Style"},
		{name: "Text_20_body", display: "Text Body", parent: "Standard",
			para: odtSpacing(2.5, 0, 10.5, 1.38) + ` fo:text-align="justify"`},
		{name: "Title", display: "Title", parent: "Standard", next: "Subtitle",
			para: odtSpacing(4, 0, 19, 1.38) + left + keep, text: odtSans + odtBold + odtColor(odtNavy) + odtSize(19)},
		{name: "Subtitle", display: "Subtitle", parent: "Standard", next: "Text_20_body",
			para: odtSpacing(1.5, 0, 12.5, 1.38) + left + keep, text: odtSans + odtColor(odtGrey) + odtSize(12.5)},
		{name: "Brief_20_Purpose", display: "Brief Purpose", parent: "Standard", next: "Title_20_Block_20_Field",
			para: odtSpacing(3, 5, 10, 1.38) + left + keep, text: odtSans + odtBold + ` fo:text-transform="uppercase"` + odtColor(odtNavy) + odtSize(10)},
		{name: "Title_20_Block_20_Field", display: "Title Block Field", parent: "Standard",
			para: odtSpacing(0.6, 0, 10.5, 1.38) + hang(labelW) + left + keep},
		{name: "Title_20_Block_20_Label", display: "Title Block Label", family: "text",
			text: odtSans + odtBold + odtColor(odtGrey) + odtSize(9.5)},
		{name: "Title_20_Block_20_Rule", display: "Title Block Rule", parent: "Standard", next: "Text_20_body",
			para: ` fo:margin-top="0mm" fo:margin-bottom="0mm" fo:line-height="1.5mm" fo:border-bottom="0.5mm solid ` + odtNavy + `" fo:padding="0mm"`,
			text: odtSize(2)},
		{name: "Heading_20_1", display: "Heading 1", parent: "Standard", next: "Text_20_body", outline: 1,
			para: odtSpacing(8, 0, 13, 1.3) + left + keep + ` fo:keep-together="always"`, text: odtSans + odtBold + odtColor(odtNavy) + odtSize(13)},
		{name: "Heading_20_2", display: "Heading 2", parent: "Standard", next: "Text_20_body", outline: 2,
			para: odtSpacing(7, 0, 10.5, 1.38) + left + keep + ` fo:keep-together="always"`, text: odtSans + odtBold + odtColor(odtNavy) + odtSize(10.5)},
		{name: "Back_20_Matter_20_Heading", display: "Back Matter Heading", parent: "Heading_20_1", next: "Source_20_Entry", outline: 1},
		{name: "List_20_Bullet", display: "List Bullet", parent: "Standard", list: "List_20_Bullet",
			para: odtSpacing(1.5, 0, 10.5, 1.38) + left},
		{name: "Key_20_Messages_20_Heading", display: "Key Messages Heading", parent: "Standard", next: "Key_20_Message",
			para: odtSpacing(6, 0, 10.5, 1.38) + left + keep + odtBox + ` fo:padding-top="1.5mm"`, text: odtSans + odtBold + odtColor(odtNavy) + odtSize(10.5)},
		{name: "Key_20_Message", display: "Key Message", parent: "List_20_Bullet", list: "Key_20_Messages",
			para: odtBox + ` fo:padding-bottom="1.5mm"`},
		{name: "Contents_20_Heading", display: "Contents Heading", parent: "Standard", next: "Contents_20_1",
			para: odtSpacing(7, 0, 10.5, 1.38) + left + keep, text: odtSans + odtBold + odtColor(odtNavy) + odtSize(10.5)},
		{name: "Contents_20_1", display: "Contents 1", parent: "Standard",
			para: odtSpacing(1, 0, 10.5, 1.38) + left + fmt.Sprintf(`><style:tab-stops><style:tab-stop style:position="%gmm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties`, textWidth)},
		{name: "Quote", display: "Quote", parent: "Standard", next: "Text_20_body",
			para: odtSpacing(3.5, 0, 10, 1.38) + fmt.Sprintf(` fo:margin-left="%gmm" fo:margin-right="%gmm" fo:padding-left="3mm" fo:border-left="0.3mm solid %s" fo:text-align="justify"`, quoteIndent-3, quoteIndent-4, odtRule),
			text: odtSize(10)},
		{name: "Quote_20_Under_20_Label", display: "Quote Under Label", parent: "Quote",
			para: fmt.Sprintf(` fo:margin-top="0.5mm" fo:margin-left="%gmm"`, quoteIndent-3)},
		{name: "Quote_20_Language", display: "Quote Language", parent: "Standard", next: "Quote_20_Under_20_Label",
			para: odtSpacing(3.5, 0.5, 8.5, 1.38) + fmt.Sprintf(` fo:margin-left="%gmm"`, quoteIndent) + left + keep,
			text: ` fo:font-style="italic"` + odtColor(odtGrey) + odtSize(8.5)},
		{name: "Translation_20_Label", display: "Translation Label", parent: "Quote_20_Language", next: "Own_20_Translation"},
		{name: "Own_20_Translation", display: "Own Translation", parent: "Quote_20_Under_20_Label", next: "Text_20_body"},
		{name: "Source_20_Entry", display: "Source Entry", parent: "Standard",
			para: odtSpacing(2, 0, 9.5, 1.3) + hang(sourceHang) + left, text: odtSize(9.5)},
		{name: "Footnote", display: "Footnote", parent: "Standard",
			para: odtSpacing(0, 0.8, 8, 1.3) + hang(noteHang) + left, text: odtSize(8)},
		{name: "Endnote", display: "Endnote", parent: "Footnote"},
		{name: "Footnote_20_anchor", display: "Footnote Anchor", family: "text", text: ` style:text-position="super 58%"`},
		{name: "Footnote_20_Symbol", display: "Footnote Characters", family: "text"},
		{name: "Endnote_20_anchor", display: "Endnote Anchor", family: "text", text: ` style:text-position="super 58%"`},
		{name: "Endnote_20_Symbol", display: "Endnote Characters", family: "text"},
		{name: "Internet_20_link", display: "Internet Link", family: "text", text: odtColor(odtLink) + ` style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"`},
		{name: "Visited_20_Internet_20_Link", display: "Visited Internet Link", family: "text", text: odtColor(odtLink) + ` style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"`},
		{name: "Index_20_Link", display: "Index Link", family: "text", text: ` style:text-underline-style="none"` + odtColor("#000000")},
		{name: "Header", display: "Header", parent: "Standard",
			para: fmt.Sprintf(` fo:margin-top="0mm" fo:margin-bottom="0mm"%s><style:tab-stops><style:tab-stop style:position="%gmm" style:type="right"/></style:tab-stops></style:paragraph-properties`, left, textWidth),
			text: odtSans + odtColor(odtGrey) + odtSize(8)},
		{name: "Footer", display: "Footer", parent: "Header"},
		{name: "Marking", display: "Marking", parent: "Header",
			para: ` fo:text-align="center"`, text: odtBold + ` fo:text-transform="uppercase"` + odtColor("#000000") + odtSize(10)},
	}
}

// xml writes the style.
func (s odtStyle) xml(sb *strings.Builder) {
	family := s.family
	if family == "" {
		family = "paragraph"
	}
	fmt.Fprintf(sb, `<style:style style:name="%s" style:display-name="%s" style:family="%s"`, s.name, s.display, family)
	if s.parent != "" && s.parent != s.name {
		fmt.Fprintf(sb, ` style:parent-style-name="%s"`, s.parent)
	}
	if s.next != "" {
		fmt.Fprintf(sb, ` style:next-style-name="%s"`, s.next)
	}
	if s.outline > 0 {
		fmt.Fprintf(sb, ` style:default-outline-level="%d"`, s.outline)
	}
	if s.list != "" {
		fmt.Fprintf(sb, ` style:list-style-name="%s"`, s.list)
	}
	if s.family == "" && s.name != "Standard" && s.name != "Text_20_body" {
		sb.WriteString(` style:class="text"`)
	}
	sb.WriteString(`>`)
	if s.para != "" {
		if strings.HasSuffix(s.para, `</style:paragraph-properties`) {
			fmt.Fprintf(sb, `<style:paragraph-properties%s>`, s.para)
		} else {
			fmt.Fprintf(sb, `<style:paragraph-properties%s/>`, s.para)
		}
	}
	if s.text != "" {
		fmt.Fprintf(sb, `<style:text-properties%s/>`, s.text)
	}
	sb.WriteString(`</style:style>`)
}

// stylesXML is styles.xml: the fonts, the defaults (font, size, the
// brief's language, hyphenation), the named styles, the bullet list, the
// note numbering, the page layout and the master page with the header
// and footer of every page.
func (d *odtDoc) stylesXML() string {
	textWidth := d.pageW - 2*marginSide
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<office:document-styles %s>`, odtNamespaces)
	sb.WriteString(odtFontFaces)
	sb.WriteString(`<office:styles>`)
	fmt.Fprintf(&sb, `<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2" style:tab-stop-distance="12.5mm"/>`+
		`<style:text-properties%s%s%s fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:default-style>`,
		odtSerif, odtSize(10.5), odtLang(d.r.LangTag))
	for _, s := range odtStyles(textWidth, d.r.LabelWidth) {
		s.xml(&sb)
	}
	sb.WriteString(`<text:list-style style:name="List_20_Bullet" style:display-name="List Bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•">` +
		`<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
		`<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="9mm" fo:text-indent="-5mm" fo:margin-left="9mm"/>` +
		`</style:list-level-properties></text:list-level-style-bullet></text:list-style>`)
	// the key messages' bullets, inside their box's padding
	sb.WriteString(`<text:list-style style:name="Key_20_Messages" style:display-name="Key Messages"><text:list-level-style-bullet text:level="1" text:bullet-char="•">` +
		`<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
		`<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="9.1mm" fo:text-indent="-5mm" fo:margin-left="5mm"/>` +
		`</style:list-level-properties></text:list-level-style-bullet></text:list-style>`)
	sb.WriteString(`<text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>`)
	sb.WriteString(`<text:notes-configuration text:note-class="endnote" text:citation-style-name="Endnote_20_Symbol" text:citation-body-style-name="Endnote_20_anchor" text:master-page-name="Standard" style:num-format="1" text:start-value="0"/>`)
	sb.WriteString(`</office:styles>`)
	// the page: the PDF's side margins; the header's marking and the
	// footer's two lines stand where the PDF prints them, the text between
	// 24 mm from the top and from the foot
	sb.WriteString(`<office:automatic-styles><style:page-layout style:name="BriefPage">`)
	fmt.Fprintf(&sb, `<style:page-layout-properties fo:page-width="%gmm" fo:page-height="%gmm" style:print-orientation="portrait" fo:margin-top="8mm" fo:margin-bottom="5mm" fo:margin-left="%gmm" fo:margin-right="%gmm" style:num-format="1"/>`,
		d.pageW, d.pageH, marginSide, marginSide)
	sb.WriteString(`<style:header-style><style:header-footer-properties fo:min-height="5mm" fo:margin-bottom="11mm"/></style:header-style>`)
	sb.WriteString(`<style:footer-style><style:header-footer-properties fo:min-height="9mm" fo:margin-top="10mm"/></style:footer-style>`)
	sb.WriteString(`</style:page-layout></office:automatic-styles>`)
	sb.WriteString(`<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="BriefPage">`)
	sb.WriteString(`<style:header>`)
	d.para(&sb, "Marking", d.r.Marking, d.r.LangTag)
	sb.WriteString(`</style:header><style:footer><text:p text:style-name="Footer">`)
	d.text(&sb, d.r.FooterTitle+"\t")
	// "Page %d of %d": the text around the two numbers
	parts := strings.SplitN(d.r.PageOf, "%d", 3)
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	d.text(&sb, parts[0])
	sb.WriteString(`<text:page-number text:select-page="current">1</text:page-number>`)
	d.text(&sb, parts[1])
	fmt.Fprintf(&sb, `<text:page-count>%d</text:page-count>`, max(d.r.Pages, 1))
	d.text(&sb, parts[2])
	sb.WriteString(`</text:p>`)
	if d.r.Marking != "" {
		d.para(&sb, "Marking", d.r.Marking, d.r.LangTag)
	}
	sb.WriteString(`</style:footer></style:master-page></office:master-styles></office:document-styles>`)
	return sb.String()
}
