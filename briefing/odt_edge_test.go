package briefing

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestODTEmptyBrief: a brief with no sections, notes or marking is still a
// well-formed ODT file, with an empty header and no headings.
func TestODTEmptyBrief(t *testing.T) {
	b, err := New(Header{Title: "Nothing yet"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	o := readOffice(t, mustExportODT(t, b, Options{}))
	master := o.part(t, "styles.xml").first("style:master-page")
	if h := master.first("style:header").odfText(true); h != "" {
		t.Errorf("header %q without a marking", h)
	}
	if f := odtParagraphs(master.first("style:footer")); len(f) != 1 {
		t.Errorf("footer %+v: want the title and page line alone", f)
	}
	content := o.part(t, "content.xml")
	if n := len(content.all("text:h")) + len(content.all("text:note")) + len(content.all("text:table-of-content")); n != 0 {
		t.Errorf("an empty brief has %d headings, notes or contents", n)
	}
}

// TestODTItalianBrief: an Italian brief's labels, language and footer are
// Italian, an English quotation is marked English, and paper a3 is refused.
func TestODTItalianBrief(t *testing.T) {
	it, err := New(Header{Title: "Cavi sottomarini", Lang: "it", Author: "M. Bianchi"}, "meeting-brief")
	if err != nil {
		t.Fatal(err)
	}
	it.AddExcerpt(it.Sections[0].ID, xTech7(), -1)
	it.Sections = it.Sections[:2]
	o := readOffice(t, mustExportODT(t, it, Options{}))
	styles := o.part(t, "styles.xml")
	if l := styles.first("style:default-style").first("style:text-properties"); l.attr["fo:language"] != "it" || l.attr["fo:country"] != "IT" {
		t.Errorf("Italian brief's language %v", l.attr)
	}
	content := o.part(t, "content.xml")
	var heads []string
	for _, h := range content.all("text:h") {
		heads = append(heads, h.odfText(false))
	}
	if strings.Join(heads, "|") != "1. Obiettivi|2. Elementi di linguaggio|Fonti" || content.first("text:table-of-content") != nil {
		t.Errorf("Italian headings %q, or a contents list for two sections", heads)
	}
	m := odtStylesOf(t, o)
	english := false
	for _, p := range odtParagraphs(content.first("office:text")) {
		if strings.HasPrefix(p.text, "The TECH7") {
			english = m.prop(o, t, p.style, "style:text-properties", "fo:language") == "en"
		}
	}
	if !english {
		t.Error("the English quotation of an Italian brief is not marked English")
	}
	if f := odtParagraphs(styles.first("style:footer")); len(f) != 1 || !strings.Contains(f[0].text, "Pagina 1 di ") {
		t.Errorf("Italian footer, no marking: %+v", f)
	}
	if _, err := Export(filepath.Join(t.TempDir(), "x.odt"), it, ODT, Options{Paper: "a3"}); err == nil || !strings.Contains(err.Error(), "a4 or letter") {
		t.Errorf("paper a3: %v", err)
	}
}

// TestODTControlCharacters: a character XML cannot hold is replaced, the
// file stays well-formed, and a warning says so for an ODT file.
func TestODTControlCharacters(t *testing.T) {
	b := sampleBrief(t)
	b.Subtitle = "Preparing\x01 the ministerial"
	path, warnings := exportODT(t, b, Options{})
	readOffice(t, path) // parses every part
	if !strings.Contains(strings.Join(warnings, "|"), "U+0001 cannot be stored in an ODT file") {
		t.Errorf("warnings %v", warnings)
	}
}
