package briefing

import (
	"fmt"
	"strings"
	"testing"
)

// rangeBrief is the sample brief with three notes of its own on the TECH7
// quotation, marked at its end with the citation: four consecutive
// numbers, which every export prints as one range.
func rangeBrief(t testing.TB) (*Brief, []int) {
	b := sampleBrief(t)
	x := &b.Sections[3].Excerpts[0]
	for i := 1; i <= 3; i++ {
		x.Notes = append(x.Notes, Note{Number: fmt.Sprint(i), Text: fmt.Sprintf("Source note number %d of the TECH7 statement.", i)})
	}
	marks := Cite(b).Marks[x.ID]
	if len(marks) != 4 {
		t.Fatalf("marks %v, want four", marks)
	}
	return b, marks
}

func TestMarkGroups(t *testing.T) {
	for want, in := range map[string][]int{"[1]": {1}, "[1 2]": {1, 2}, "[6-11]": {6, 7, 8, 9, 10, 11}, "[3 5-7 9]": {3, 5, 6, 7, 9}, "[]": nil} {
		var got []string
		for _, g := range markGroups(in) {
			if g.isRange() {
				got = append(got, fmt.Sprintf("%d-%d", g.first, g.last))
			} else {
				got = append(got, fmt.Sprint(g.first))
			}
		}
		if s := "[" + strings.Join(got, " ") + "]"; s != want {
			t.Errorf("markGroups(%v) = %s, want %s", in, s, want)
		}
	}
}

// rangeWant is the mark every export prints for rangeBrief's four notes,
// "4–7", and the notes' texts in order.
func rangeWant(t *testing.T) (*Brief, []int, string) {
	b, marks := rangeBrief(t)
	return b, marks, MarkText(marks)
}

// TestPDFNoteRange reads the PDF back with pdftotext: the TECH7 quotation
// ends in the range, and each of its notes is at the foot.
func TestPDFNoteRange(t *testing.T) {
	b, marks, want := rangeWant(t)
	path, _ := exportPDF(t, b, Options{})
	text := squash(poppler(t, "pdftotext", path, "-"))
	if !strings.Contains(text, "development models."+want) {
		t.Errorf("the TECH7 quotation does not end in %q:\n%s", want, text)
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(text, fmt.Sprintf("%d Source note %d: Source note number %d", marks[i], i, i)) {
			t.Errorf("note %d is not at the foot", marks[i])
		}
	}
}

// TestDOCXNoteRange unzips the Word file: the TECH7 quotation's mark reads
// "4–7" (first reference, en dash, last; the references inside the range
// set too small to see), every note of the range keeps its own footnote
// reference in order, and pandoc reads each footnote's text back.
func TestDOCXNoteRange(t *testing.T) {
	b, marks, want := rangeWant(t)
	path, _ := exportDOCX(t, b, Options{})
	d := readOffice(t, path)
	var shown string
	var refs []string
	for _, p := range paragraphs(d.part(t, "word/document.xml")) {
		if p.style != "Quote" || !strings.Contains(p.text, "TECH7") {
			continue
		}
		for _, r := range p.node.all("w:r") {
			ref := r.first("w:footnoteReference")
			switch {
			case ref != nil:
				refs = append(refs, ref.attr["w:id"])
				if sz := r.first("w:sz"); sz == nil || sz.attr["w:val"] != "2" {
					shown += ref.attr["w:id"]
				}
			case r.first("w:rStyle") != nil && r.first("w:rStyle").attr["w:val"] == "FootnoteReference":
				shown += r.plain()
			}
		}
	}
	if shown != want {
		t.Errorf("the TECH7 quotation's mark reads %q, want %q", shown, want)
	}
	if fmt.Sprint(refs) != fmt.Sprint(marks) {
		t.Errorf("footnote references %v, want %v", refs, marks)
	}
	notes := map[string]string{}
	for _, fn := range d.part(t, "word/footnotes.xml").all("w:footnote") {
		notes[fn.attr["w:id"]] = squash(fn.plain())
	}
	for i := 1; i <= 3; i++ {
		if n := notes[fmt.Sprint(marks[i])]; !strings.Contains(n, fmt.Sprintf("Source note number %d", i)) {
			t.Errorf("footnote %d reads %q", marks[i], n)
		}
	}
	r, _ := readWithPandoc(t, "docx", path)
	r.checkNotes(t, b)
}

// TestODTNoteRange unzips the ODT file: the TECH7 quotation's mark reads
// "4–7" (the anchors inside the range in a text style of one point), every
// note of the range is a text:note of its own in order, and pandoc reads
// each note's text back.
func TestODTNoteRange(t *testing.T) {
	b, marks, want := rangeWant(t)
	path, _ := exportODT(t, b, Options{})
	o := readOffice(t, path)
	styles := odtStylesOf(t, o)
	var shown string
	var ids []string
	var walk func(n *xnode, tiny bool)
	walk = func(n *xnode, tiny bool) {
		for _, k := range n.kids {
			switch {
			case k.name == "text:note":
				ids = append(ids, k.first("text:note-citation").odfText(false))
				if !tiny {
					shown += k.first("text:note-citation").odfText(false)
				}
			case k.name == "text:span" && k.attr["text:style-name"] == "Footnote_20_anchor":
				shown += k.odfText(false)
			case k.name == "text:span":
				walk(k, styles.prop(o, t, k.attr["text:style-name"], "style:text-properties", "fo:font-size") == "1pt")
			}
		}
	}
	for _, p := range odtParagraphs(o.part(t, "content.xml")) {
		if strings.Contains(p.text, "TECH7 associations discussed") {
			walk(p.node, false)
		}
	}
	if shown != want {
		t.Errorf("the TECH7 quotation's mark reads %q, want %q", shown, want)
	}
	if fmt.Sprint(ids) != fmt.Sprint(marks) {
		t.Errorf("notes %v, want %v", ids, marks)
	}
	r, _ := readWithPandoc(t, "odt", path)
	r.checkNotes(t, b)
}
