package briefing

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestDOCXParts exports the sample brief and checks the Word file part by
// part: the styles every paragraph uses, the footnotes and their
// references, the header and footer, the fields, the properties and the
// languages.
func TestDOCXParts(t *testing.T) {
	b, path := exportPartsBrief(t, DOCX)
	d := readOffice(t, path)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml", "word/header1.xml", "word/footer1.xml"} {
		d.part(t, name)
	}
	// every part is declared with its content type
	types := string(d.raw["[Content_Types].xml"])
	for name := range d.raw {
		if strings.HasSuffix(name, ".rels") || name == "[Content_Types].xml" {
			continue
		}
		if !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("no content type for %s", name)
		}
	}

	// styles: the named styles, and every style used is defined
	styles := map[string]string{}
	for _, s := range d.part(t, "word/styles.xml").all("w:style") {
		styles[s.attr["w:styleId"]] = s.first("w:name").attr["w:val"]
	}
	for id, name := range map[string]string{"Title": "Title", "Subtitle": "Subtitle", "Heading1": "heading 1", "Heading2": "heading 2",
		"Quote": "Quote", "ListBullet": "List Bullet", "FootnoteText": "footnote text", "FootnoteReference": "footnote reference",
		"BriefPurpose": "Brief Purpose", "TitleBlockField": "Title Block Field", "TitleBlockLabel": "Title Block Label",
		"KeyMessagesHeading": "Key Messages Heading", "KeyMessage": "Key Message", "Marking": "Marking", "TOC1": "toc 1"} {
		if styles[id] != name {
			t.Errorf("style %s is named %q, want %q", id, styles[id], name)
		}
	}
	doc := d.part(t, "word/document.xml")
	for _, part := range []*xnode{doc, d.part(t, "word/footnotes.xml"), d.part(t, "word/header1.xml"), d.part(t, "word/footer1.xml")} {
		for _, s := range append(part.all("w:pStyle"), part.all("w:rStyle")...) {
			if _, ok := styles[s.attr["w:val"]]; !ok {
				t.Errorf("style %q is used but not defined", s.attr["w:val"])
			}
		}
	}
	if km := d.part(t, "word/styles.xml").all("w:numId"); len(km) == 0 || km[0].attr["w:val"] != "1" {
		t.Error("List Bullet has no bullet numbering")
	}

	// the paragraphs in order, each in its style
	paras := paragraphs(doc)
	byStyle := map[string][]string{}
	for i, p := range paras {
		if p.style == "Quote" {
			// the text without the commas between note references
			paras[i].text = ""
			for _, r := range p.node.all("w:r") {
				if r.first("w:rStyle") == nil {
					paras[i].text += r.plain()
				}
			}
		}
		byStyle[p.style] = append(byStyle[p.style], paras[i].text)
	}
	want := map[string][]string{
		"Title":           {b.Title},
		"Subtitle":        {b.Subtitle},
		"BriefPurpose":    {"For decision"},
		"TitleBlockField": {"For\tthe Minister", "From\tA. Rossi, Policy Planning Unit", "Date\t20 June 2025"},
		"KeyMessage":      b.KeyMessages,
		"Heading1":        {"1. Summary", "2. Issue", "3. Background", "4. Considerations", "5. Recommendation", "Sources"},
		"TOC1":            {"1. Summary\t1", "2. Issue\t1", "3. Background\t1", "4. Considerations\t2", "5. Recommendation\t2"},
		"QuoteLanguage":   {"In Italian", "In Italian", "In Italian"},
	}
	for style, texts := range want {
		got := byStyle[style]
		if style == "TOC1" { // the page numbers are the PDF layout's
			for i := range got {
				got[i] = strings.TrimRight(got[i], "0123456789")
			}
			for i := range texts {
				texts[i] = strings.TrimRight(texts[i], "0123456789")
			}
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", texts) {
			t.Errorf("%s paragraphs:\n got %q\nwant %q", style, got, texts)
		}
	}
	if byStyle["KeyMessagesHeading"][0] != "Key messages" || byStyle["TOCHeading"][0] != "Contents" {
		t.Errorf("key messages / contents headings: %q %q", byStyle["KeyMessagesHeading"], byStyle["TOCHeading"])
	}
	var quotes []string
	for _, x := range b.Excerpts() {
		quotes = append(quotes, x.Text)
	}
	if fmt.Sprintf("%q", byStyle["Quote"]) != fmt.Sprintf("%q", quotes) {
		t.Errorf("quotations:\n got %q\nwant %q", byStyle["Quote"], quotes)
	}
	if !containsText(byStyle["Normal"], "The Council already asked for this in 2023.") {
		t.Error("the comment after a quotation is missing")
	}

	// footnotes: one per note, with its text, referenced once each in
	// reading order from the quotations
	c := Cite(b)
	notes := map[string]string{}
	for _, fn := range d.part(t, "word/footnotes.xml").all("w:footnote") {
		if fn.attr["w:type"] == "" {
			notes[fn.attr["w:id"]] = fn.plain()
			if fn.first("w:footnoteRef") == nil {
				t.Errorf("footnote %s has no number (w:footnoteRef)", fn.attr["w:id"])
			}
		}
	}
	if len(notes) != len(c.Notes) {
		t.Errorf("%d footnotes, want %d", len(notes), len(c.Notes))
	}
	for _, n := range c.Notes {
		if got := notes[fmt.Sprint(n.Number)]; got != "\t"+n.Text() {
			t.Errorf("footnote %d:\n got %q\nwant %q", n.Number, got, "\t"+n.Text())
		}
	}
	var refs []string
	for _, r := range doc.all("w:footnoteReference") {
		refs = append(refs, r.attr["w:id"])
		if r.above.first("w:rStyle").attr["w:val"] != "FootnoteReference" {
			t.Errorf("footnote reference %s is not in the footnote reference style", r.attr["w:id"])
		}
	}
	var wantRefs []string
	for _, x := range b.Excerpts() {
		for _, n := range c.Marks[x.ID] {
			wantRefs = append(wantRefs, fmt.Sprint(n))
		}
	}
	if strings.Join(refs, ",") != strings.Join(wantRefs, ",") {
		t.Errorf("footnote references %v, want %v", refs, wantRefs)
	}
	// the separators the settings name exist
	for _, id := range []string{"-1", "0"} {
		found := false
		for _, fn := range d.part(t, "word/footnotes.xml").all("w:footnote") {
			found = found || fn.attr["w:id"] == id && fn.attr["w:type"] != ""
		}
		if !found {
			t.Errorf("no footnote separator %s", id)
		}
	}

	// header and footer on every page (one section), with the marking,
	// and Page X of Y as fields
	sect := doc.first("w:sectPr")
	hdr := d.target(t, "word/_rels/document.xml.rels", sect.first("w:headerReference").attr["r:id"])
	ftr := d.target(t, "word/_rels/document.xml.rels", sect.first("w:footerReference").attr["r:id"])
	if hdr != "header1.xml" || ftr != "footer1.xml" || len(doc.all("w:sectPr")) != 1 {
		t.Errorf("header %q, footer %q, %d sections", hdr, ftr, len(doc.all("w:sectPr")))
	}
	if h := d.part(t, "word/header1.xml").plain(); h != "RESTRICTED" {
		t.Errorf("header %q", h)
	}
	footer := d.part(t, "word/footer1.xml")
	fp := paragraphs(footer)
	if len(fp) != 2 || fp[1].style != "Marking" || fp[1].text != "RESTRICTED" ||
		!strings.HasPrefix(fp[0].text, b.Title+"\tPage ") || !strings.Contains(fp[0].text, " of ") {
		t.Errorf("footer paragraphs %+v", fp)
	}
	var instr []string
	for _, in := range footer.all("w:instrText") {
		instr = append(instr, strings.TrimSpace(in.text))
	}
	if strings.Join(instr, ",") != "PAGE,NUMPAGES" {
		t.Errorf("footer fields %q", instr)
	}
	// the contents are a TOC field over the headings, which carry the
	// bookmarks the entries link to
	var docInstr []string
	for _, in := range doc.all("w:instrText") {
		docInstr = append(docInstr, strings.TrimSpace(in.text))
	}
	if len(docInstr) != 6 || docInstr[0] != `TOC \o "1-1" \b _BriefSections \h \z \u` || docInstr[1] != `PAGEREF _TocSection1 \h` {
		t.Errorf("document fields %q", docInstr)
	}
	marks := map[string]bool{}
	for _, bm := range doc.all("w:bookmarkStart") {
		marks[bm.attr["w:name"]] = true
	}
	for _, h := range doc.all("w:hyperlink") {
		if a := h.attr["w:anchor"]; a != "" && !marks[a] {
			t.Errorf("contents entry links to a missing bookmark %q", a)
		}
	}
	if len(marks) != 6 || !marks["_BriefSections"] {
		t.Errorf("bookmarks %v, want the sections' range and the five headings", marks)
	}
	// the range ends after the last section, before the Sources list
	body := string(d.raw["word/document.xml"])
	if end, src := strings.Index(body, `<w:bookmarkEnd w:id="0"/>`), strings.Index(body, `<w:pStyle w:val="SourceEntry"/>`); end < 0 || end > src {
		t.Error("the sections' bookmark does not end before the Sources list")
	}

	// properties
	core := d.part(t, "docProps/core.xml")
	for name, want := range map[string]string{"dc:title": b.Title, "dc:creator": "A. Rossi, Policy Planning Unit",
		"dc:subject": "For decision — Preparing the G7 digital ministerial; For: the Minister", "dc:language": "en-GB"} {
		if n := core.first(name); n == nil || n.text != want {
			t.Errorf("%s = %v, want %q", name, n, want)
		}
	}
	if kw := core.first("cp:keywords"); kw == nil || !strings.HasPrefix(kw.text, "RESTRICTED; JOIN(2025) 140 final") {
		t.Errorf("keywords %v", kw)
	}
	app := d.part(t, "docProps/app.xml")
	if a := app.first("ep:Application"); a == nil || a.text != "Attaché" {
		t.Error("app.xml does not name the application")
	}
	if pg := app.first("ep:Pages"); pg == nil || pg.text == "0" {
		t.Error("app.xml has no page count")
	}

	// languages: the document's default, every run of a quotation in its
	// language, the paragraph mark too
	if l := d.part(t, "word/styles.xml").first("w:rPrDefault").first("w:lang"); l.attr["w:val"] != "en-GB" {
		t.Errorf("default language %q", l.attr["w:val"])
	}
	langs := map[string]string{}
	for _, x := range b.Excerpts() {
		langs[x.Text] = map[string]string{"it": "it-IT", "en": "en-GB"}[x.Language()]
	}
	for _, p := range paras {
		if p.style != "Quote" {
			continue
		}
		want := langs[p.text]
		if l := p.node.first("w:pPr").first("w:lang"); l == nil || l.attr["w:val"] != want {
			t.Errorf("paragraph mark of %.30q not in %s", p.text, want)
		}
		for _, r := range p.node.all("w:r") {
			if r.first("w:t") == nil || r.first("w:rStyle") != nil {
				continue // the note references
			}
			if l := r.first("w:lang"); l == nil || l.attr["w:val"] != want {
				t.Errorf("run of %.30q not in %s", p.text, want)
			}
		}
	}
	// a source's own note is in the source's language after its label
	for _, fn := range d.part(t, "word/footnotes.xml").all("w:footnote") {
		if !strings.Contains(fn.plain(), "Source note 1: Cfr.") {
			continue
		}
		var got []string
		for _, r := range fn.all("w:r") {
			if l := r.first("w:lang"); l != nil {
				got = append(got, l.attr["w:val"])
			}
		}
		if strings.Join(got, ",") != "en-GB,it-IT" {
			t.Errorf("languages of the source's note %q", got)
		}
	}

	// A4 and the PDF's margins
	if sz := sect.first("w:pgSz"); sz.attr["w:w"] != "11906" || sz.attr["w:h"] != "16838" {
		t.Errorf("page size %v", sz.attr)
	}
	if m := sect.first("w:pgMar"); m.attr["w:left"] != fmt.Sprint(twips(marginSide)) {
		t.Errorf("margins %v", m.attr)
	}
}

func containsText(texts []string, s string) bool {
	for _, t := range texts {
		if t == s {
			return true
		}
	}
	return false
}

// TestDOCXLinks checks that addresses in notes and in the Sources list are
// live links with external relationships of their part, and that only
// http, https and mailto become links (LiveLink).
func TestDOCXLinks(t *testing.T) {
	b := sampleBrief(t)
	x := xTech7()
	x.Source.URL = "javascript:alert(1)"
	x.Source.DocID, x.Source.Title = "evil", "A document with a script for an address"
	x.Notes = []Note{{Number: "1", Text: "Write to mailto:desk@example.org or see http://example.org/a."}}
	b.AddExcerpt(b.Sections[4].ID, x, -1)
	path, _ := exportDOCX(t, b, Options{})
	d := readOffice(t, path)
	targets := func(rels string) map[string]string {
		out := map[string]string{}
		for _, r := range d.part(t, rels).all("rel:Relationship") {
			if strings.HasSuffix(r.attr["Type"], "/hyperlink") {
				if r.attr["TargetMode"] != "External" {
					t.Errorf("link %s is not external", r.attr["Target"])
				}
				out[r.attr["Id"]] = r.attr["Target"]
			}
		}
		return out
	}
	linked := func(part, rels string) []string {
		tg := targets(rels)
		var out []string
		for _, h := range d.part(t, part).all("w:hyperlink") {
			if id := h.attr["r:id"]; id != "" {
				if tg[id] == "" {
					t.Errorf("%s links to a missing relationship %s", part, id)
				}
				if h.plain() != tg[id] {
					t.Errorf("link text %q for %q", h.plain(), tg[id])
				}
				out = append(out, tg[id])
			}
		}
		return out
	}
	notes := strings.Join(linked("word/footnotes.xml", "word/_rels/footnotes.xml.rels"), " ")
	if !strings.Contains(notes, "https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140") ||
		!strings.Contains(notes, "http://example.org/a") {
		t.Errorf("links in the notes: %s", notes)
	}
	sources := strings.Join(linked("word/document.xml", "word/_rels/document.xml.rels"), " ")
	if !strings.Contains(sources, "https://eur-lex.europa.eu") {
		t.Errorf("links in the Sources list: %s", sources)
	}
	all := string(d.raw["word/_rels/footnotes.xml.rels"]) + string(d.raw["word/_rels/document.xml.rels"])
	if strings.Contains(all, "javascript:") {
		t.Error("a javascript: address became a link")
	}
	if !strings.Contains(string(d.raw["word/footnotes.xml"]), "javascript:alert(1)") {
		t.Error("the javascript: address is not printed as text")
	}
}

// TestDOCXOptions: Letter paper and American English, endnotes as the
// document's Notes list before the Sources, no contents for a short brief, an
// Italian brief's labels and language.
func TestDOCXOptions(t *testing.T) {
	b := sampleBrief(t)
	path, _ := exportDOCX(t, b, Options{Paper: "letter", Endnotes: true})
	d := readOffice(t, path)
	doc := d.part(t, "word/document.xml")
	if sz := doc.first("w:pgSz"); sz.attr["w:w"] != "12240" || sz.attr["w:h"] != "15840" {
		t.Errorf("letter page size %v", sz.attr)
	}
	if l := d.part(t, "word/styles.xml").first("w:rPrDefault").first("w:lang"); l.attr["w:val"] != "en-US" {
		t.Errorf("letter default language %q", l.attr["w:val"])
	}
	// the notes are the document's own Notes list before the Sources, so
	// that LibreOffice keeps the header and footer on their pages: each
	// mark links to its note's bookmark
	notes := Cite(b).Notes
	if n := len(doc.all("w:footnoteReference")) + len(doc.all("w:endnoteReference")); n != 0 {
		t.Errorf("endnotes: %d Word note references", n)
	}
	for _, part := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		for _, e := range append(d.part(t, part).all("w:footnote"), d.part(t, part).all("w:endnote")...) {
			if e.attr["w:type"] == "" {
				t.Errorf("%s holds note %s", part, e.attr["w:id"])
			}
		}
	}
	bookmarks := map[string]bool{}
	for _, bm := range doc.all("w:bookmarkStart") {
		bookmarks[bm.attr["w:name"]] = true
	}
	links := 0
	for _, h := range doc.all("w:hyperlink") {
		if a := h.attr["w:anchor"]; strings.HasPrefix(a, "_Note") {
			links++
			if !bookmarks[a] {
				t.Errorf("mark %q links to no note", h.plain())
			}
		}
	}
	if links != len(notes) {
		t.Errorf("%d marks link to notes, want %d", links, len(notes))
	}
	var listed []string
	var after []string
	inNotes := false
	for _, p := range paragraphs(doc) {
		switch {
		case p.style == "Heading1" && p.text == "Notes":
			inNotes = true
		case p.style == "Heading1":
			if inNotes {
				after = append(after, p.text)
			}
			inNotes = false
		case inNotes && p.style == "EndnoteText":
			listed = append(listed, squash(p.text))
		}
	}
	if len(listed) != len(notes) {
		t.Fatalf("%d notes in the Notes list, want %d", len(listed), len(notes))
	}
	for i, n := range notes {
		if want := squash(fmt.Sprint(n.Number) + " " + n.Text()); listed[i] != want {
			t.Errorf("note %d:\n got %q\nwant %q", n.Number, listed[i], want)
		}
	}
	if strings.Join(after, "|") != "Sources" {
		t.Errorf("headings after the Notes: %q, want the Sources", after)
	}

	it, err := New(Header{Title: "Cavi sottomarini", Lang: "it", Author: "M. Bianchi"}, "meeting-brief")
	if err != nil {
		t.Fatal(err)
	}
	it.AddExcerpt(it.Sections[0].ID, xTech7(), -1)
	it.Sections = it.Sections[:2]
	path, _ = exportDOCX(t, it, Options{})
	d = readOffice(t, path)
	doc = d.part(t, "word/document.xml")
	if len(doc.all("w:instrText")) != 0 {
		t.Error("a brief of two sections got a contents list")
	}
	if l := d.part(t, "word/styles.xml").first("w:rPrDefault").first("w:lang"); l.attr["w:val"] != "it-IT" {
		t.Errorf("Italian brief's language %q", l.attr["w:val"])
	}
	byStyle := map[string]string{}
	for _, p := range paragraphs(doc) {
		byStyle[p.style] += p.text
	}
	if byStyle["QuoteLanguage"] != "In inglese" || byStyle["Heading1"] != "1. Obiettivi2. Elementi di linguaggioFonti" {
		t.Errorf("Italian labels: %q", byStyle)
	}
	if f := paragraphs(d.part(t, "word/footer1.xml")); len(f) != 1 || !strings.Contains(f[0].text, "Pagina 1 di ") {
		t.Errorf("Italian footer, no marking: %+v", f)
	}
	if _, err := Export(filepath.Join(t.TempDir(), "x.docx"), it, DOCX, Options{Paper: "a3"}); err == nil || !strings.Contains(err.Error(), "a4 or letter") {
		t.Errorf("paper a3: %v", err)
	}
}

// TestDOCXLevers: the contents list and the Sources list follow the
// brief's levers as in the PDF: an automatic contents list only past the
// page limit, the Sources list off on request.
func TestDOCXLevers(t *testing.T) {
	has := func(b *Brief) (toc, sources bool) {
		path, _ := exportDOCX(t, b, Options{})
		d := readOffice(t, path)
		for _, p := range paragraphs(d.part(t, "word/document.xml")) {
			toc = toc || p.style == "TOCHeading"
			sources = sources || p.style == "SourceEntry"
		}
		lay, err := LayOut(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if toc != lay.Contents {
			t.Errorf("Word contents %v, PDF contents %v", toc, lay.Contents)
		}
		return toc, sources
	}
	b := sampleBrief(t) // a briefing note within its two pages
	if toc, src := has(b); toc || !src {
		t.Errorf("automatic, within the limit: contents %v, sources %v", toc, src)
	}
	b.PageLimit = 1
	path, warnings := exportDOCX(t, b, Options{})
	if toc, _ := has(b); !toc {
		t.Error("automatic, over the limit: no contents")
	}
	if !strings.Contains(strings.Join(warnings, "|"), "over its limit of 1") {
		t.Errorf("no warning past the page limit: %v (%s)", warnings, path)
	}
	b.PageLimit, b.Contents, b.Sources = 0, ContentsOff, SourcesOff
	if toc, src := has(b); toc || src {
		t.Errorf("off: contents %v, sources %v", toc, src)
	}
	b.Contents = ContentsOn
	if toc, _ := has(b); !toc {
		t.Error("on: no contents")
	}
}

// TestDOCXTranslation: an own translation prints labelled "Own
// translation" in the brief's language. A briefing note puts it in the
// text with the original in a note; a policy brief prints it after the
// original.
func TestDOCXTranslation(t *testing.T) {
	const tr = "The EU's network of bilateral and regional partnerships keeps growing."
	for _, template := range []string{"briefing-note", "policy-brief"} {
		b := sampleBrief(t)
		b.Template = template
		x := b.Sections[2].Excerpts[0]
		if err := b.SetTranslation(x.ID, tr); err != nil {
			t.Fatal(err)
		}
		path, _ := exportDOCX(t, b, Options{})
		d := readOffice(t, path)
		paras := paragraphs(d.part(t, "word/document.xml"))
		style := "OwnTranslation"
		if template == "briefing-note" {
			style = "Quote"
		}
		found := false
		for i, p := range paras {
			if p.style != style || !strings.HasPrefix(p.text, tr) {
				continue
			}
			found = true
			if paras[i-1].text != "Own translation" {
				t.Errorf("%s: translation under %q", template, paras[i-1].text)
			}
			if style == "OwnTranslation" && paras[i-2].style != "Quote" {
				t.Errorf("%s: translation after %q, not the quotation", template, paras[i-2].style)
			}
			if l := p.node.first("w:r").first("w:lang"); l == nil || l.attr["w:val"] != "en-GB" {
				t.Errorf("%s: the translation is not in English", template)
			}
		}
		if !found {
			t.Errorf("%s: no translation paragraph", template)
		}
		notes := d.part(t, "word/footnotes.xml").plain()
		original := strings.Contains(notes, "Original (Italian): «"+x.Text+"»")
		if original != (template == "briefing-note") {
			t.Errorf("%s: original in a note: %v", template, original)
		}
	}
}

// TestDOCXSourceNoteMarks: a source's own note is referenced where the
// source put its mark, not at the end of the quotation.
func TestDOCXSourceNoteMarks(t *testing.T) {
	b, err := Load(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	r := Render(b, Options{})
	var want []string
	for _, s := range r.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind != Quotation {
				continue
			}
			for i, p := range bl.Pieces {
				if i < len(bl.Pieces)-1 && len(p.Marks) > 0 {
					want = append(want, fmt.Sprint(p.Marks))
				}
			}
		}
	}
	path, _ := exportDOCX(t, b, Options{})
	doc := readOffice(t, path).part(t, "word/document.xml")
	var inside []string
	for _, p := range paragraphs(doc) {
		if p.style != "Quote" {
			continue
		}
		runs := p.node.all("w:r")
		var refs []string
		for i, r := range runs {
			if ref := r.first("w:footnoteReference"); ref != nil {
				refs = append(refs, ref.attr["w:id"])
				// a text run follows: the mark is inside the quotation
				if i+1 < len(runs) && runs[i+1].first("w:rStyle") == nil && runs[i+1].first("w:t") != nil {
					inside = append(inside, "["+strings.Join(refs, " ")+"]")
				}
			} else if r.first("w:rStyle") == nil {
				refs = nil
			}
		}
	}
	if strings.Join(inside, ",") != strings.Join(want, ",") {
		t.Errorf("marks inside quotations %v, want %v", inside, want)
	}
}

// TestDOCXBadCharacters: characters XML cannot hold are replaced, said in
// a warning, and the file stays well-formed.
func TestDOCXBadCharacters(t *testing.T) {
	b := sampleBrief(t)
	b.Title = "Bad \x01 title & <tags> \"quoted\""
	b.SetSectionText(b.Sections[0].ID, "A form feed \f here.")
	path, warnings := exportDOCX(t, b, Options{})
	d := readOffice(t, path)
	if got := d.part(t, "docProps/core.xml").first("dc:title").text; got != "Bad \uFFFD title & <tags> \"quoted\"" {
		t.Errorf("title %q", got)
	}
	found := false
	for _, w := range warnings {
		found = found || strings.Contains(w, "U+0001")
	}
	if !found {
		t.Errorf("no warning for U+0001: %v", warnings)
	}
}

// TestDOCXExampleBrief exports examples/sample.brief and finds every
// quotation and every note.
func TestDOCXExampleBrief(t *testing.T) {
	b := exampleBrief(t)
	path, warnings := exportDOCX(t, b, Options{})
	// a briefing note within its two pages: no warning
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	d := readOffice(t, path)
	text := d.part(t, "word/document.xml").plain()
	for _, q := range printedQuotes(b) {
		if !strings.Contains(text, squash(q)) {
			t.Errorf("quotation missing: %.60s…", q)
		}
	}
	notes := d.part(t, "word/footnotes.xml").plain()
	for _, n := range Cite(b).Notes {
		if !strings.Contains(notes, n.Text()) {
			t.Errorf("note %d missing", n.Number)
		}
	}
}

// BenchmarkExportDOCX10 exports a brief of 10 excerpts as a Word file.
func BenchmarkExportDOCX10(b *testing.B) { benchmarkExportOffice(b, 10, WriteDOCX) }

// BenchmarkExportDOCX200 exports a brief of 200 excerpts as a Word file.
func BenchmarkExportDOCX200(b *testing.B) { benchmarkExportOffice(b, 200, WriteDOCX) }

// TestDOCXEmptyBrief: a brief with no sections, notes or marking is still
// a well-formed Word file, with an empty header and no Sources list.
func TestDOCXEmptyBrief(t *testing.T) {
	b, err := New(Header{Title: "Nothing yet"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	path, _ := exportDOCX(t, b, Options{})
	d := readOffice(t, path)
	if h := d.part(t, "word/header1.xml").plain(); h != "" {
		t.Errorf("header %q without a marking", h)
	}
	for _, p := range paragraphs(d.part(t, "word/document.xml")) {
		if p.style == "Heading1" || p.style == "SourceEntry" || p.style == "TOCHeading" {
			t.Errorf("an empty brief printed %s %q", p.style, p.text)
		}
	}
	if n := len(d.part(t, "word/footnotes.xml").all("w:footnote")); n != 2 {
		t.Errorf("%d footnotes, want the two separators", n)
	}
}
