package briefing

import (
	"strings"
	"testing"
)

// TestDOCXFonts checks that the Word file sets the PDF's fonts, DejaVu
// Serif for the text and DejaVu Sans for the headings, and declares both
// in its font table with a serif and a sans to fall back on.
func TestDOCXFonts(t *testing.T) {
	d := readOffice(t, mustExportDOCX(t, sampleBrief(t)))
	styles := d.part(t, "word/styles.xml")
	if f := styles.first("w:rPrDefault").first("w:rFonts"); f == nil || f.attr["w:ascii"] != "DejaVu Serif" || f.attr["w:hAnsi"] != "DejaVu Serif" {
		t.Errorf("the default font is %v, want DejaVu Serif", f)
	}
	for _, s := range styles.all("w:style") {
		id := s.attr["w:styleId"]
		if id != "Title" && id != "Heading1" && id != "Heading2" {
			continue
		}
		if f := s.first("w:rFonts"); f == nil || f.attr["w:ascii"] != "DejaVu Sans" {
			t.Errorf("style %s: font %v, want DejaVu Sans", id, f)
		}
	}
	fonts := map[string]*xnode{}
	for _, f := range d.part(t, "word/fontTable.xml").all("w:font") {
		fonts[f.attr["w:name"]] = f
	}
	for name, want := range map[string][2]string{"DejaVu Serif": {"roman", "Times New Roman"}, "DejaVu Sans": {"swiss", "Arial"}} {
		f := fonts[name]
		if f == nil {
			t.Errorf("the font table has no %s", name)
			continue
		}
		if f.first("w:family").attr["w:val"] != want[0] || f.first("w:altName").attr["w:val"] != want[1] || len(f.first("w:panose1").attr["w:val"]) != 20 {
			t.Errorf("%s: family %q, altName %q, panose %q", name, f.first("w:family").attr["w:val"], f.first("w:altName").attr["w:val"], f.first("w:panose1").attr["w:val"])
		}
	}
	if rels := string(d.raw["word/_rels/document.xml.rels"]); !strings.Contains(rels, `Target="fontTable.xml"`) {
		t.Error("document.xml has no relationship to the font table")
	}
}
