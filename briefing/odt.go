package briefing

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// The ODT export writes an OpenDocument Text 1.3 package (ISO/IEC 26300,
// OASIS ODF 1.3), the format of the Italian public administration, with
// archive/zip from the same Render model as the PDF and Word exports: the
// mimetype entry first and stored, then META-INF/manifest.xml, content.xml
// (the brief, with its notes as text:note), styles.xml (named styles, the
// page layout, the header and footer) and meta.xml (the properties).

// ODT is the OpenDocument Text export format.
const ODT = "odt"

// odtMimetype is the package's media type, the first entry of the zip.
const odtMimetype = "application/vnd.oasis.opendocument.text"

// Namespaces of the ODF parts.
const odtNamespaces = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"` +
	` xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"` +
	` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"` +
	` xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"` +
	` xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"` +
	` xmlns:xlink="http://www.w3.org/1999/xlink"` +
	` xmlns:dc="http://purl.org/dc/elements/1.1/"` +
	` xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"` +
	` office:version="1.3"`

// odtDoc is an OpenDocument file being written.
type odtDoc struct {
	xmlText
	r        *Rendered
	endnotes bool
	pageW    float64 // mm
	pageH    float64

	notes     map[int]*Footnote // the brief's notes by number
	auto      strings.Builder   // automatic styles of content.xml
	autoNames map[string]string // their names by what they set
}

// WriteODT writes the brief as OpenDocument Text: named paragraph styles,
// the citations and source notes as footnotes (or endnotes), the marking
// in the header and footer of every page with "Page X of Y" as fields, a
// table of contents where the PDF has a contents list, the document's
// properties and each paragraph's language. It returns the warnings of
// the export (see Export).
func WriteODT(w io.Writer, b *Brief, opt Options) ([]string, error) {
	pw, ph, err := paperSize(opt.Paper)
	if err != nil {
		return nil, fmt.Errorf("unknown paper %q: use a4 or letter", opt.Paper)
	}
	d := &odtDoc{r: Render(b, opt), endnotes: opt.Endnotes, pageW: pw, pageH: ph, autoNames: map[string]string{}}
	content := d.contentXML()
	parts := []officePart{
		{"mimetype", odtMimetype},
		{"META-INF/manifest.xml", odtManifestXML()},
		{"content.xml", content},
		{"styles.xml", d.stylesXML()},
		{"meta.xml", d.metaXML(time.Now().UTC())},
		{"settings.xml", odtSettingsXML},
	}
	if err := writeOfficeZip(w, parts, true); err != nil {
		return nil, err
	}
	return officeWarnings(b, opt, d.odtWarnings(), d.r.Pages), nil
}

// odtWarnings say which characters could not be written.
func (d *odtDoc) odtWarnings() []string {
	var out []string
	for _, w := range d.warnings() {
		out = append(out, strings.Replace(w, "a Word file", "an ODT file", 1))
	}
	return out
}

// odtSettingsXML is settings.xml: tab positions are measured from the
// paragraph's margin, as ODF says, not from its indent (LibreOffice's own
// default), so that a bullet's tab lands where the list style puts it.
const odtSettingsXML = xmlHeader + `<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.3">` +
	`<office:settings><config:config-item-set config:name="ooo:configuration-settings">` +
	`<config:config-item config:name="TabsRelativeToIndent" config:type="boolean">false</config:config-item>` +
	`</config:config-item-set></office:settings></office:document-settings>`

func odtManifestXML() string {
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	sb.WriteString(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">`)
	fmt.Fprintf(&sb, `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="%s"/>`, odtMimetype)
	for _, p := range []string{"content.xml", "styles.xml", "meta.xml", "settings.xml"} {
		fmt.Fprintf(&sb, `<manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"/>`, p)
	}
	sb.WriteString(`</manifest:manifest>`)
	return sb.String()
}

// metaXML is meta.xml: title, subject, author, keywords (the marking
// first), language, dates and the page count of the PDF layout.
func (d *odtDoc) metaXML(now time.Time) string {
	p := d.r.Properties
	var sb strings.Builder
	sb.WriteString(xmlHeader)
	fmt.Fprintf(&sb, `<office:document-meta %s><office:meta>`, odtNamespaces)
	elem := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&sb, `<%s>%s</%s>`, name, d.esc(v), name)
		}
	}
	elem("meta:generator", "Attaché")
	elem("dc:title", p.Title)
	elem("dc:subject", p.Subject)
	elem("dc:description", d.r.Subtitle)
	for _, k := range p.Keywords {
		elem("meta:keyword", k)
	}
	elem("meta:initial-creator", p.Author)
	elem("dc:creator", p.Author)
	elem("dc:language", d.r.LangTag)
	ts := now.Format("2006-01-02T15:04:05Z")
	elem("meta:creation-date", ts)
	elem("dc:date", ts)
	if d.r.Pages > 0 {
		fmt.Fprintf(&sb, `<meta:document-statistic meta:page-count="%d"/>`, d.r.Pages)
	}
	for _, f := range [][2]string{{"Marking", d.r.Marking}, {"Organisation", p.Organisation}, {"Purpose", d.r.Purpose}} {
		if f[1] != "" {
			fmt.Fprintf(&sb, `<meta:user-defined meta:name="%s">%s</meta:user-defined>`, f[0], d.esc(f[1]))
		}
	}
	sb.WriteString(`</office:meta></office:document-meta>`)
	return sb.String()
}

// odtLang splits a language tag into ODF's fo:language and fo:country
// attributes: "it-IT" → fo:language="it" fo:country="IT".
func odtLang(tag string) string {
	if tag == "" {
		return ""
	}
	lang, country, _ := strings.Cut(tag, "-")
	s := fmt.Sprintf(` fo:language="%s"`, strings.ToLower(lang))
	if country != "" {
		s += fmt.Sprintf(` fo:country="%s"`, strings.ToUpper(country))
	} else {
		s += ` fo:country="none"`
	}
	return s
}

// text writes s as ODF text: runs of spaces as text:s, tabs as text:tab,
// line ends as text:line-break.
func (d *odtDoc) text(sb *strings.Builder, s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for len(s) > 0 {
		i := strings.IndexAny(s, " \t\n")
		if i < 0 {
			sb.WriteString(d.esc(s))
			return
		}
		sb.WriteString(d.esc(s[:i]))
		switch s[i] {
		case '\t':
			sb.WriteString("<text:tab/>")
			s = s[i+1:]
		case '\n':
			sb.WriteString("<text:line-break/>")
			s = s[i+1:]
		default:
			n := len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
			sb.WriteByte(' ')
			if n > 1 {
				fmt.Fprintf(sb, `<text:s text:c="%d"/>`, n-1)
			}
			s = s[i+n:]
		}
	}
}

// span writes text in a text style, or bare when style is "".
func (d *odtDoc) span(sb *strings.Builder, style, s string) {
	if s == "" {
		return
	}
	if style == "" {
		d.text(sb, s)
		return
	}
	fmt.Fprintf(sb, `<text:span text:style-name="%s">`, style)
	d.text(sb, s)
	sb.WriteString(`</text:span>`)
}

// pstyle is the paragraph style to use for a paragraph of a named style
// in a language, with extra paragraph properties: the named style itself
// when the language is the brief's and nothing is added, else an
// automatic style based on it.
func (d *odtDoc) pstyle(parent, lang, extra string) string {
	if lang == d.r.LangTag && extra == "" {
		return parent
	}
	key := "P|" + parent + "|" + lang + "|" + extra
	if n, ok := d.autoNames[key]; ok {
		return n
	}
	n := fmt.Sprintf("P%d", len(d.autoNames)+1)
	d.autoNames[key] = n
	fmt.Fprintf(&d.auto, `<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s">`, n, parent)
	if extra != "" {
		fmt.Fprintf(&d.auto, `<style:paragraph-properties%s/>`, extra)
	}
	if lang != d.r.LangTag {
		fmt.Fprintf(&d.auto, `<style:text-properties%s/>`, odtLang(lang))
	}
	d.auto.WriteString(`</style:style>`)
	return n
}

// tstyle is the automatic text style of a run in italics and/or in a
// language other than its paragraph's, or "" when it needs none.
func (d *odtDoc) tstyle(italic bool, lang, paraLang string) string {
	if lang == paraLang {
		lang = ""
	}
	if !italic && lang == "" {
		return ""
	}
	key := fmt.Sprintf("T|%v|%s", italic, lang)
	if n, ok := d.autoNames[key]; ok {
		return n
	}
	n := fmt.Sprintf("T%d", len(d.autoNames)+1)
	d.autoNames[key] = n
	props := odtLang(lang)
	if italic {
		props += ` fo:font-style="italic"`
	}
	fmt.Fprintf(&d.auto, `<style:style style:name="%s" style:family="text"><style:text-properties%s/></style:style>`, n, props)
	return n
}

// runs writes a note's or a source's runs: titles in italics in their
// own language, addresses as live links when they are http, https or
// mailto (LiveLink), else as text.
func (d *odtDoc) runs(sb *strings.Builder, runs []Run, lang, titleLang, paraLang string) {
	for _, run := range runs {
		l := lang
		if run.Italic {
			l = titleLang
		}
		style := d.tstyle(run.Italic, l, paraLang)
		if run.URL != "" && LiveLink(run.URL) {
			fmt.Fprintf(sb, `<text:a xlink:type="simple" xlink:href="%s" text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">`, d.esc(run.URL))
			d.span(sb, style, run.Text)
			sb.WriteString(`</text:a>`)
			continue
		}
		d.span(sb, style, run.Text)
	}
}
