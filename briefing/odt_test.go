package briefing

import (
	"archive/zip"
	"fmt"
	"strings"
	"testing"
)

// TestODTParts exports the sample brief as ODT and checks it part by
// part: the mimetype entry first and stored, the manifest, the named
// styles and fonts, the paragraphs in their styles, the notes, the
// contents, the header and footer fields, the properties, the languages.
func TestODTParts(t *testing.T) {
	b, path := exportPartsBrief(t, ODT)
	o := readOffice(t, path)

	// the package: mimetype first, stored, no extra field; the manifest
	first := o.entries[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 || string(o.raw["mimetype"]) != "application/vnd.oasis.opendocument.text" {
		t.Errorf("first entry %q, method %d, extra %d bytes, content %q", first.Name, first.Method, len(first.Extra), o.raw["mimetype"])
	}
	if first.Modified.Year() < 2020 {
		t.Errorf("the mimetype entry is dated %v", first.Modified)
	}
	listed := map[string]string{}
	for _, e := range o.part(t, "META-INF/manifest.xml").all("manifest:file-entry") {
		listed[e.attr["manifest:full-path"]] = e.attr["manifest:media-type"]
	}
	for name, typ := range map[string]string{"/": "application/vnd.oasis.opendocument.text", "content.xml": "text/xml", "styles.xml": "text/xml", "meta.xml": "text/xml"} {
		if listed[name] != typ {
			t.Errorf("manifest: %s is %q, want %q", name, listed[name], typ)
		}
	}
	if v := o.part(t, "content.xml").first("office:document-content").attr["office:version"]; v != "1.3" {
		t.Errorf("office:version %q", v)
	}

	// named styles, and every style used is defined
	styles := odtStylesOf(t, o)
	for name, display := range map[string]string{"Title": "Title", "Subtitle": "Subtitle", "Heading_20_1": "Heading 1", "Heading_20_2": "Heading 2",
		"Quote": "Quote", "List_20_Bullet": "List Bullet", "Footnote": "Footnote", "Endnote": "Endnote", "Title_20_Block_20_Field": "Title Block Field",
		"Title_20_Block_20_Label": "Title Block Label", "Key_20_Messages_20_Heading": "Key Messages Heading", "Key_20_Message": "Key Message",
		"Marking": "Marking", "Contents_20_1": "Contents 1", "Brief_20_Purpose": "Brief Purpose"} {
		if s := styles[name]; s == nil || s.attr["style:display-name"] != display {
			t.Errorf("style %s missing or not named %q", name, display)
		}
	}
	lists := map[string]bool{}
	for _, l := range o.part(t, "styles.xml").all("text:list-style") {
		lists[l.attr["style:name"]] = true
	}
	content, stylesPart := o.part(t, "content.xml"), o.part(t, "styles.xml")
	for _, part := range []*xnode{content, stylesPart} {
		for _, tag := range []string{"text:p", "text:h", "text:span", "text:a"} {
			for _, e := range part.all(tag) {
				if s := e.attr["text:style-name"]; s != "" && styles[s] == nil {
					t.Errorf("%s uses style %q, which is not defined", tag, s)
				}
			}
		}
		for _, l := range part.all("text:list") {
			if !lists[l.attr["text:style-name"]] {
				t.Errorf("list style %q is not defined", l.attr["text:style-name"])
			}
		}
	}
	// the PDF's fonts, with a generic family to fall back on
	if f := styles.prop(o, t, "Text_20_body", "style:text-properties", "style:font-name"); f != "DejaVu Serif" {
		t.Errorf("body font %q", f)
	}
	if f := styles.prop(o, t, "Heading_20_1", "style:text-properties", "style:font-name"); f != "DejaVu Sans" {
		t.Errorf("heading font %q", f)
	}
	generic := map[string]string{}
	for _, f := range stylesPart.all("style:font-face") {
		generic[f.attr["style:name"]] = f.attr["style:font-family-generic"]
	}
	if generic["DejaVu Serif"] != "roman" || generic["DejaVu Sans"] != "swiss" {
		t.Errorf("font faces %v", generic)
	}

	// the paragraphs in order, each in its named style (an automatic
	// style names its parent)
	byStyle := map[string][]string{}
	for _, p := range odtParagraphs(content.first("office:text")) {
		s := p.style
		if st := styles[s]; st != nil && st.above != nil && st.above.name == "office:automatic-styles" {
			s = st.attr["style:parent-style-name"]
		}
		byStyle[s] = append(byStyle[s], p.text)
	}
	want := map[string][]string{
		"Title":                     {b.Title},
		"Subtitle":                  {b.Subtitle},
		"Brief_20_Purpose":          {"For decision"},
		"Title_20_Block_20_Field":   {"For\tthe Minister", "From\tA. Rossi, Policy Planning Unit", "Date\t20 June 2025"},
		"Key_20_Message":            b.KeyMessages,
		"Heading_20_1":              {"1. Summary", "2. Issue", "3. Background", "4. Considerations", "5. Recommendation"},
		"Back_20_Matter_20_Heading": {"Sources"},
		"Quote_20_Language":         {"In Italian", "In Italian", "In Italian"},
		"Contents_20_Heading":       {"Contents"},
	}
	for style, texts := range want {
		if fmt.Sprintf("%q", byStyle[style]) != fmt.Sprintf("%q", texts) {
			t.Errorf("%s paragraphs:\n got %q\nwant %q", style, byStyle[style], texts)
		}
	}
	var quotes []string
	for _, x := range b.Excerpts() {
		quotes = append(quotes, x.Text)
	}
	var got []string // without the superscript commas between note marks
	for _, q := range append(byStyle["Quote"], byStyle["Quote_20_Under_20_Label"]...) {
		got = append(got, strings.TrimRight(q, ","))
	}
	if len(got) != len(quotes) {
		t.Errorf("quotations: got %q, want %q", got, quotes)
	}
	for _, q := range quotes {
		if !containsText(got, q) {
			t.Errorf("quotation missing: %q in %q", q, got)
		}
	}

	// the contents: a table of contents over Heading 1 only, its entries
	// linking to the headings' bookmarks
	toc := content.first("text:table-of-content")
	if toc == nil {
		t.Fatal("no table of contents")
	}
	if src := toc.first("text:index-source-style"); src == nil || src.attr["text:style-name"] != "Heading_20_1" || toc.first("text:table-of-content-source").attr["text:use-outline-level"] != "false" {
		t.Error("the table of contents is not built from Heading 1 alone")
	}
	bookmarks := map[string]bool{}
	for _, bm := range content.all("text:bookmark-start") {
		bookmarks[bm.attr["text:name"]] = true
	}
	entries := 0
	for _, p := range odtParagraphs(toc.first("text:index-body")) {
		if p.style != "Contents_20_1" {
			continue
		}
		entries++
		a := p.node.first("text:a")
		if a == nil || !bookmarks[strings.TrimPrefix(a.attr["xlink:href"], "#")] || !strings.HasPrefix(p.text, fmt.Sprintf("%d. ", entries)) {
			t.Errorf("contents entry %q does not link to its heading", p.text)
		}
	}
	if entries != len(b.Sections) {
		t.Errorf("%d contents entries for %d sections", entries, len(b.Sections))
	}

	// notes: one text:note per note, in reading order, its citation its
	// number, its body the note's text
	c := Cite(b)
	notes := content.all("text:note")
	if len(notes) != len(c.Notes) {
		t.Fatalf("%d notes, want %d", len(notes), len(c.Notes))
	}
	for i, n := range notes {
		want := c.Notes[i]
		if n.attr["text:note-class"] != "footnote" || n.first("text:note-citation").odfText(true) != fmt.Sprint(want.Number) {
			t.Errorf("note %d: class %q citation %q", i+1, n.attr["text:note-class"], n.first("text:note-citation").odfText(true))
		}
		if body := n.first("text:note-body").odfText(true); body != want.Text() {
			t.Errorf("note %d:\n got %q\nwant %q", want.Number, body, want.Text())
		}
	}

	// header and footer of every page: the marking above and below,
	// the title and "Page X of Y" as fields
	master := stylesPart.first("style:master-page")
	if master == nil || master.attr["style:name"] != "Standard" {
		t.Fatal("no Standard master page")
	}
	if h := odtParagraphs(master.first("style:header")); len(h) != 1 || h[0].text != "RESTRICTED" || h[0].style != "Marking" {
		t.Errorf("header %+v", h)
	}
	foot := odtParagraphs(master.first("style:footer"))
	if len(foot) != 2 || foot[1].text != "RESTRICTED" || !strings.HasPrefix(foot[0].text, b.Title+"\tPage 1 of ") {
		t.Errorf("footer %+v", foot)
	}
	if len(foot) > 0 && (foot[0].node.first("text:page-number") == nil || foot[0].node.first("text:page-count") == nil) {
		t.Error("the footer has no page-number and page-count fields")
	}
	if pl := stylesPart.first("style:page-layout-properties"); pl.attr["fo:page-width"] != "210mm" || pl.attr["fo:page-height"] != "297mm" {
		t.Errorf("A4 page %s × %s", pl.attr["fo:page-width"], pl.attr["fo:page-height"])
	}

	// properties
	meta := o.part(t, "meta.xml")
	text := func(name string) string {
		if n := meta.first(name); n != nil {
			return n.odfText(true)
		}
		return ""
	}
	if text("dc:title") != b.Title || text("dc:creator") != b.From() || text("meta:initial-creator") != b.From() || !strings.Contains(text("dc:subject"), "For decision") {
		t.Errorf("meta: title %q creator %q subject %q", text("dc:title"), text("dc:creator"), text("dc:subject"))
	}
	if k := meta.all("meta:keyword"); len(k) < 2 || k[0].odfText(true) != "RESTRICTED" {
		t.Errorf("keywords %v: the marking is not first", k)
	}
	if text("dc:language") != "en-GB" {
		t.Errorf("language %q", text("dc:language"))
	}

	// languages: the brief's by default, Italian for Italian quotations
	// and for the Italian titles of their citations
	if l := stylesPart.first("style:default-style").first("style:text-properties"); l.attr["fo:language"] != "en" || l.attr["fo:country"] != "GB" {
		t.Errorf("default language %v", l.attr)
	}
	italian := 0
	for _, p := range odtParagraphs(content.first("office:text")) {
		if !strings.HasPrefix(p.style, "P") {
			continue
		}
		if styles.prop(o, t, p.style, "style:text-properties", "fo:language") == "it" && styles.prop(o, t, p.style, "style:text-properties", "fo:country") == "IT" {
			italian++
			if !strings.HasPrefix(p.text, "La rete") && !strings.HasPrefix(p.text, "Sulla base") && !strings.HasPrefix(p.text, "Come sottolineato") {
				t.Errorf("an Italian paragraph that is not a quotation: %.40s", p.text)
			}
		}
	}
	if italian != 3 {
		t.Errorf("%d paragraphs in Italian, want the 3 Italian quotations", italian)
	}
	spans := 0
	for _, s := range content.all("text:span") {
		if st := styles[s.attr["text:style-name"]]; st != nil && st.first("style:text-properties").attr["fo:language"] == "it" {
			spans++
		}
	}
	if spans == 0 {
		t.Error("no Italian title in a citation is marked Italian")
	}
}

// TestODTLinks checks that only http, https and mailto addresses become
// links (LiveLink), and that the others are printed as text.
func TestODTLinks(t *testing.T) {
	b := sampleBrief(t)
	b.Sections[3].Excerpts[0].Source.URL = "javascript:alert(1)"
	o := readOffice(t, mustExportODT(t, b, Options{}))
	content := o.part(t, "content.xml")
	live := 0
	for _, a := range content.all("text:a") {
		href := a.attr["xlink:href"]
		switch {
		case strings.HasPrefix(href, "#"):
		case LiveLink(href) && (strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "mailto:")):
			live++
		default:
			t.Errorf("a link to %q", href)
		}
	}
	if live == 0 {
		t.Error("no address is a live link")
	}
	if !strings.Contains(string(o.raw["content.xml"]), "javascript:alert(1)") {
		t.Error("the javascript: address is not printed as text")
	}
}

// TestODTLevers: endnotes, Letter paper, no contents and no Sources list,
// and an own translation in the text (briefing note) or after the
// original (policy brief).
func TestODTLevers(t *testing.T) {
	b := sampleBrief(t)
	b.Contents, b.Sources = ContentsOff, SourcesOff
	o := readOffice(t, mustExportODT(t, b, Options{Paper: "letter", Endnotes: true}))
	content := o.part(t, "content.xml")
	for _, n := range content.all("text:note") {
		if n.attr["text:note-class"] != "endnote" {
			t.Errorf("note class %q with endnotes", n.attr["text:note-class"])
		}
	}
	var heads []string
	for _, h := range content.all("text:h") {
		heads = append(heads, h.odfText(false))
	}
	if heads[len(heads)-1] != "Notes" || containsText(heads, "Sources") {
		t.Errorf("headings %q: want Notes last and no Sources", heads)
	}
	if content.first("text:table-of-content") != nil {
		t.Error("contents off, but a table of contents")
	}
	if pl := o.part(t, "styles.xml").first("style:page-layout-properties"); pl.attr["fo:page-width"] != "215.9mm" || pl.attr["fo:page-height"] != "279.4mm" {
		t.Errorf("Letter page %s × %s", pl.attr["fo:page-width"], pl.attr["fo:page-height"])
	}
	if l := o.part(t, "styles.xml").first("style:default-style").first("style:text-properties"); l.attr["fo:country"] != "US" {
		t.Errorf("an English brief on Letter is not in American English: %v", l.attr)
	}

	const tr = "The EU's network of bilateral and regional partnerships keeps growing."
	for _, template := range []string{"briefing-note", "policy-brief"} {
		b := sampleBrief(t)
		b.Template = template
		x := b.Sections[2].Excerpts[0]
		if err := b.SetTranslation(x.ID, tr); err != nil {
			t.Fatal(err)
		}
		o := readOffice(t, mustExportODT(t, b, Options{}))
		content := o.part(t, "content.xml")
		paras := odtParagraphs(content.first("office:text"))
		styles := odtStylesOf(t, o)
		found := false
		for i, p := range paras {
			if !strings.HasPrefix(p.text, tr) {
				continue
			}
			found = true
			if paras[i-1].text != "Own translation" {
				t.Errorf("%s: translation under %q", template, paras[i-1].text)
			}
			if l := styles.prop(o, t, p.style, "style:text-properties", "fo:language"); l != "en" {
				t.Errorf("%s: the translation is in %q", template, l)
			}
			if template == "policy-brief" && !strings.HasPrefix(paras[i-2].text, "La rete") {
				t.Errorf("%s: translation after %q, not the original", template, paras[i-2].text)
			}
		}
		if !found {
			t.Errorf("%s: no translation paragraph", template)
		}
		notes := ""
		for _, n := range content.all("text:note-body") {
			notes += n.odfText(true)
		}
		if original := strings.Contains(notes, "Original (Italian): «"+x.Text+"»"); original != (template == "briefing-note") {
			t.Errorf("%s: original in a note: %v", template, original)
		}
	}
}

func mustExportODT(t *testing.T, b *Brief, opt Options) string {
	p, _ := exportODT(t, b, opt)
	return p
}

// BenchmarkExportODT10 exports a brief of 10 excerpts as ODT (compare
// BenchmarkExportDOCX10, run beside it).
func BenchmarkExportODT10(b *testing.B) { benchmarkExportOffice(b, 10, WriteODT) }

// BenchmarkExportODT200 exports a brief of 200 excerpts as ODT.
func BenchmarkExportODT200(b *testing.B) { benchmarkExportOffice(b, 200, WriteODT) }
