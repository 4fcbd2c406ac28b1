package briefing

import (
	"fmt"
	"strings"
)

// notesXML is word/footnotes.xml or word/endnotes.xml: the separators
// Word expects (IDs -1 and 0), then, in the footnotes part, every note of
// the brief under the ID of its number. With Options.Endnotes the notes
// are the document's own Notes list (endnoteList), and both parts hold
// the separators alone.
func (d *docxDoc) notesXML(end bool) string {
	kind, elem := "footnote", "w:footnotes"
	if end {
		kind, elem = "endnote", "w:endnotes"
	}
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<%s xmlns:w="%s" xmlns:r="%s">`, elem, nsW, nsR)
	sep := `<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:%s/></w:r></w:p>`
	fmt.Fprintf(&sb, `<w:%s w:type="separator" w:id="-1">`+sep+`</w:%s>`, kind, "separator", kind)
	fmt.Fprintf(&sb, `<w:%s w:type="continuationSeparator" w:id="0">`+sep+`</w:%s>`, kind, "continuationSeparator", kind)
	if !end && !d.endnotes {
		for _, n := range d.r.Notes {
			fmt.Fprintf(&sb, `<w:%s w:id="%d">`, kind, n.Number)
			pprops{style: "FootnoteText", lang: d.r.LangTag}.open(&sb)
			sb.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`)
			d.run(&sb, "\t", rprops{})
			d.noteText(&sb, n, &d.notesRels)
			sb.WriteString("</w:p>")
			fmt.Fprintf(&sb, `</w:%s>`, kind)
		}
	}
	fmt.Fprintf(&sb, `</%s>`, elem)
	return sb.String()
}

// noteText writes a note's runs. A citation is in the brief's language
// with the title in the quoted text's; a source's own note and the
// original of a translated quotation, after their labels, are in the
// language of the quotation they belong to. links are the relationships
// of the part it is written in.
func (d *docxDoc) noteText(sb *strings.Builder, n Footnote, links *rels) {
	lang, quoted := d.r.LangTag, d.r.NoteLang(n.Number)
	runs := n.Runs
	if (n.FromSource || n.Original) && len(runs) > 0 {
		d.noteRuns(sb, runs[:1], links, lang, quoted)
		d.noteRuns(sb, runs[1:], links, quoted, quoted)
		return
	}
	d.noteRuns(sb, runs, links, lang, quoted)
}
