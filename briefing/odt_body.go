package briefing

import (
	"fmt"
	"strings"
)

// contentXML is content.xml: the font faces, the automatic styles (the
// languages and spacing of single paragraphs and runs), and the body: title
// block, key messages, contents, sections with quotations and their notes,
// the Sources list.
func (d *odtDoc) contentXML() string {
	var body strings.Builder
	if d.endnotes && len(d.r.Notes) > 0 {
		// the endnotes are collected at the end of this section, right
		// under their heading, on pages with the header and footer
		body.WriteString(`<text:section text:style-name="BriefEndnotes" text:name="Brief">`)
	}
	d.titleBlock(&body)
	d.keyMessages(&body)
	d.contents(&body)
	for _, s := range d.r.Sections {
		d.section(&body, s)
	}
	if d.endnotes && len(d.r.Notes) > 0 {
		// the Notes heading ends the section, so the notes come under it
		// and before the Sources list, as in the PDF
		d.heading(&body, "Back_20_Matter_20_Heading", d.r.NotesHeading, "")
		body.WriteString(`</text:section>`)
	}
	d.sources(&body)

	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<office:document-content %s>`, odtNamespaces)
	sb.WriteString(odtFontFaces)
	sb.WriteString(`<office:automatic-styles>`)
	sb.WriteString(`<style:style style:name="BriefEndnotes" style:family="section"><style:section-properties style:editable="false">` +
		`<text:notes-configuration text:note-class="endnote" style:num-format="1" text:start-value="0"/></style:section-properties></style:style>`)
	sb.WriteString(d.auto.String())
	sb.WriteString(`</office:automatic-styles><office:body><office:text>`)
	sb.WriteString(body.String())
	sb.WriteString(`</office:text></office:body></office:document-content>`)
	return sb.String()
}

// para writes a paragraph of one piece of text in a style and language.
func (d *odtDoc) para(sb *strings.Builder, style, text, lang string) {
	fmt.Fprintf(sb, `<text:p text:style-name="%s">`, d.pstyle(style, lang, ""))
	d.text(sb, text)
	sb.WriteString(`</text:p>`)
}

// heading writes a heading of outline level 1, with a bookmark the
// contents link to when anchor is set.
func (d *odtDoc) heading(sb *strings.Builder, style, text, anchor string) {
	fmt.Fprintf(sb, `<text:h text:style-name="%s" text:outline-level="1">`, style)
	if anchor != "" {
		fmt.Fprintf(sb, `<text:bookmark-start text:name="%s"/>`, anchor)
	}
	d.text(sb, text)
	if anchor != "" {
		fmt.Fprintf(sb, `<text:bookmark-end text:name="%s"/>`, anchor)
	}
	sb.WriteString(`</text:h>`)
}

func (d *odtDoc) titleBlock(sb *strings.Builder) {
	r := d.r
	lang := r.LangTag
	for _, p := range r.headParas([3]string{"Title", "Subtitle", "Brief_20_Purpose"}) {
		d.para(sb, p[0], p[1], lang)
	}
	for _, f := range r.Fields {
		sb.WriteString(`<text:p text:style-name="Title_20_Block_20_Field">`)
		d.span(sb, "Title_20_Block_20_Label", f.Label)
		d.text(sb, "\t"+f.Value)
		sb.WriteString(`</text:p>`)
	}
	// the rule under the title block
	sb.WriteString(`<text:p text:style-name="Title_20_Block_20_Rule"/>`)
}

func (d *odtDoc) keyMessages(sb *strings.Builder) {
	if len(d.r.KeyMessages) == 0 {
		return
	}
	d.para(sb, "Key_20_Messages_20_Heading", d.r.KeyMessagesHeading, d.r.LangTag)
	sb.WriteString(`<text:list text:style-name="Key_20_Messages">`)
	for _, m := range d.r.KeyMessages {
		sb.WriteString(`<text:list-item>`)
		d.para(sb, "Key_20_Message", m, d.r.LangTag)
		sb.WriteString(`</text:list-item>`)
	}
	sb.WriteString(`</text:list>`)
}

// contents writes the contents list as a table of contents over the
// section headings (style Heading 1; the Sources and Notes headings have
// a style of their own, so that an updated table lists the sections only,
// as the PDF does), with the entries already in it: each a link to its
// heading and the page the PDF layout gives it, until LibreOffice or Word
// updates the table.
func (d *odtDoc) contents(sb *strings.Builder) {
	if len(d.r.Contents) == 0 {
		return
	}
	sb.WriteString(`<text:table-of-content text:protected="true" text:name="Contents">`)
	sb.WriteString(`<text:table-of-content-source text:outline-level="1" text:use-outline-level="false" text:use-index-marks="false" text:use-index-source-styles="true">`)
	fmt.Fprintf(sb, `<text:index-title-template text:style-name="Contents_20_Heading">%s</text:index-title-template>`, d.esc(d.r.ContentsHeading))
	sb.WriteString(`<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1">` +
		`<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/>` +
		`<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>`)
	sb.WriteString(`<text:index-source-styles text:outline-level="1"><text:index-source-style text:style-name="Heading_20_1"/></text:index-source-styles>`)
	sb.WriteString(`</text:table-of-content-source><text:index-body>`)
	sb.WriteString(`<text:index-title text:name="Contents_Head">`)
	d.para(sb, "Contents_20_Heading", d.r.ContentsHeading, d.r.LangTag)
	sb.WriteString(`</text:index-title>`)
	for i, entry := range d.r.Contents {
		page := ""
		if i < len(d.r.SectionPages) {
			page = fmt.Sprint(d.r.SectionPages[i])
		}
		fmt.Fprintf(sb, `<text:p text:style-name="Contents_20_1"><text:a xlink:type="simple" xlink:href="#%s" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link">`, tocAnchor(i+1))
		d.text(sb, entry+"\t"+page)
		sb.WriteString(`</text:a></text:p>`)
	}
	sb.WriteString(`</text:index-body></text:table-of-content>`)
}

func (d *odtDoc) section(sb *strings.Builder, s RenderedSection) {
	d.heading(sb, "Heading_20_1", s.Numbered(), tocAnchor(s.Number))
	for _, bl := range s.Blocks {
		switch bl.Kind {
		case Quotation:
			d.quotation(sb, bl)
		case Translation:
			d.para(sb, "Translation_20_Label", bl.Label, d.r.LangTag)
			d.para(sb, "Own_20_Translation", oneSpace(bl.Text), bl.Lang)
		default:
			d.para(sb, "Text_20_body", oneSpace(bl.Text), bl.Lang)
		}
	}
}

// quotation writes a quotation in its language under its label, with
// its notes where the marks stand.
func (d *odtDoc) quotation(sb *strings.Builder, bl Block) {
	style := "Quote"
	if bl.Label != "" {
		d.para(sb, "Quote_20_Language", bl.Label, d.r.LangTag)
		style = "Quote_20_Under_20_Label"
	}
	extra := ""
	if bl.Lang != d.r.LangTag {
		// the indent again, for readers that do not follow an automatic
		// style's parent (pandoc reads an indented paragraph as a quote)
		extra = fmt.Sprintf(` fo:margin-left="%gmm"`, quoteIndent-3)
	}
	fmt.Fprintf(sb, `<text:p text:style-name="%s">`, d.pstyle(style, bl.Lang, extra))
	for _, p := range bl.printedPieces() {
		d.text(sb, p.Text)
		d.noteMarks(sb, p.Marks)
	}
	sb.WriteString(`</text:p>`)
}

// noteMarks writes the notes of a mark where it stands, grouped as the PDF
// prints them (markGroups): "1,2", and a run of three or more as "6–8".
// Every note of a range stays a note of its own, so LibreOffice numbers
// and prints it; the anchors inside the range are set in a text style too
// small to see, and the range reads as its first number, an en dash and
// its last.
func (d *odtDoc) noteMarks(sb *strings.Builder, marks []int) {
	anchor := "Footnote_20_anchor"
	if d.endnotes {
		anchor = "Endnote_20_anchor"
	}
	for i, g := range markGroups(marks) {
		if i > 0 {
			d.span(sb, anchor, ",")
		}
		d.note(sb, g.first)
		if g.isRange() {
			for n := g.first + 1; n < g.last; n++ {
				fmt.Fprintf(sb, `<text:span text:style-name="%s">`, d.inRangeStyle())
				d.note(sb, n)
				sb.WriteString(`</text:span>`)
			}
			d.span(sb, anchor, "–")
			d.note(sb, g.last)
		}
	}
}

// inRangeStyle is the automatic text style of the anchor of a note inside
// a printed range ("7" of "6–8"): one point, one per cent wide.
func (d *odtDoc) inRangeStyle() string {
	const key = "T|in-range"
	if n, ok := d.autoNames[key]; ok {
		return n
	}
	n := fmt.Sprintf("T%d", len(d.autoNames)+1)
	d.autoNames[key] = n
	fmt.Fprintf(&d.auto, `<style:style style:name="%s" style:family="text"><style:text-properties fo:font-size="1pt" style:text-scale="1%%"/></style:style>`, n)
	return n
}

// note writes note n as a text:note where its mark stands: a footnote,
// or an endnote with Options.Endnotes. A citation is in the brief's
// language with the title in the quoted text's; a source's own note and
// the original of a translated quotation, after their labels, are in the
// language of the quotation they belong to.
func (d *odtDoc) note(sb *strings.Builder, n int) {
	if d.notes == nil {
		d.notes = map[int]*Footnote{}
		for i := range d.r.Notes {
			d.notes[d.r.Notes[i].Number] = &d.r.Notes[i]
		}
	}
	fn := d.notes[n]
	if fn == nil {
		return
	}
	class, style := "footnote", "Footnote"
	if d.endnotes {
		class, style = "endnote", "Endnote"
	}
	lang, quoted := d.r.LangTag, d.r.NoteLang(n)
	fmt.Fprintf(sb, `<text:note text:id="%s%d" text:note-class="%s"><text:note-citation>%d</text:note-citation><text:note-body>`, map[bool]string{false: "ftn", true: "edn"}[d.endnotes], n, class, n)
	fmt.Fprintf(sb, `<text:p text:style-name="%s">`, d.pstyle(style, lang, ""))
	runs := fn.Runs
	if (fn.FromSource || fn.Original) && len(runs) > 0 {
		d.runs(sb, runs[:1], lang, quoted, lang)
		d.runs(sb, runs[1:], quoted, quoted, lang)
	} else {
		d.runs(sb, runs, lang, quoted, lang)
	}
	sb.WriteString(`</text:p></text:note-body></text:note>`)
}

func (d *odtDoc) sources(sb *strings.Builder) {
	if len(d.r.Sources) == 0 {
		return
	}
	d.heading(sb, "Back_20_Matter_20_Heading", d.r.SourcesHeading, "")
	lang := d.r.LangTag
	for _, s := range d.r.Sources {
		sb.WriteString(`<text:p text:style-name="Source_20_Entry">`)
		d.runs(sb, s.Runs, lang, d.r.SourceLang(s.DocID), lang)
		sb.WriteString(`</text:p>`)
	}
}
