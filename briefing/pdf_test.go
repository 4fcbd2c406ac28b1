package briefing

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// poppler runs a poppler-utils tool; the tests need them (make test
// installs them).
func poppler(t testing.TB, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing: install it with `apt-get install poppler-utils` (make test does)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func exportPDF(t testing.TB, b *Brief, opt Options) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.pdf")
	w, err := Export(path, b, PDF, opt)
	if err != nil {
		t.Fatal(err)
	}
	return path, w
}

func pageCount(t testing.TB, path string) int {
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(poppler(t, "pdfinfo", path))
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts returns each page's text, without its marking and footer lines,
// with white space collapsed.
func pageTexts(t testing.TB, path string, b *Brief) (pages []string, raw []string) {
	n := pageCount(t, path)
	for p := 1; p <= n; p++ {
		txt := poppler(t, "pdftotext", "-layout", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), path, "-")
		raw = append(raw, txt)
		var keep []string
		for _, ln := range strings.Split(txt, "\n") {
			s := strings.TrimSpace(ln)
			if s == b.Classification || strings.HasPrefix(s, b.Title) && regexp.MustCompile(`(Page|Pagina) \d+ (of|di) \d+$`).MatchString(s) {
				continue
			}
			keep = append(keep, s)
		}
		pages = append(pages, strings.Join(strings.Fields(strings.Join(keep, " ")), " "))
	}
	return pages, raw
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFContent(t *testing.T) {
	b := sampleBrief(t)
	b.Contents = ContentsOn
	b.AddExcerpt(b.Sections[4].ID, xJoinPartners(), -1)
	b.TrimExcerptTo(b.Sections[4].Excerpts[0].ID, "Dalla definizione delle norme nell'ambito di consessi multilaterali all'approfondimento dei partenariati bilaterali")
	path, warnings := exportPDF(t, b, Options{})
	if len(warnings) != 2 || !strings.Contains(warnings[0], `"Issue" is empty`) || warnings[1] != "the brief has 3 pages, over its limit of 2" {
		t.Errorf("warnings %v", warnings)
	}
	pages, raw := pageTexts(t, path, b)
	all := strings.Join(pages, " ")
	n := len(pages)
	if n < 2 {
		t.Fatalf("%d pages", n)
	}
	// marking at the top and bottom, and "Page X of Y", on every page
	for i, txt := range raw {
		var lines []string
		for _, ln := range strings.Split(txt, "\n") {
			if s := strings.TrimSpace(ln); s != "" {
				lines = append(lines, s)
			}
		}
		if lines[0] != "RESTRICTED" || lines[len(lines)-1] != "RESTRICTED" {
			t.Errorf("page %d: marking missing: first %q last %q", i+1, lines[0], lines[len(lines)-1])
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, n); !strings.HasSuffix(lines[len(lines)-2], want) {
			t.Errorf("page %d: footer %q, want %q", i+1, lines[len(lines)-2], want)
		}
	}
	// title block, key messages with typographic characters
	for _, want := range []string{
		"EU digital diplomacy: the international digital strategy", "Preparing the G7 digital ministerial", "FOR DECISION",
		"For the Minister", "From A. Rossi, Policy Planning Unit", "Date 20 June 2025",
		"Key messages", "The EU’s strategy puts digital at the heart of external action.",
		"Partners expect concrete “Digital Partnerships” — not words.", "Contents",
		"1. Summary", "3. Background", "In Italian", "The Council already asked for this in 2023.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// every quotation whole, with its accents; every note; every source
	c := Cite(b)
	for _, x := range b.Excerpts() {
		if !strings.Contains(all, squash(x.Text)) {
			t.Errorf("quotation missing: %.60s…", x.Text)
		}
	}
	for _, nt := range c.Notes {
		if !strings.Contains(all, fmt.Sprintf("%d %s", nt.Number, squash(nt.Text()))) {
			t.Errorf("note %d missing: %s", nt.Number, nt.Text())
		}
	}
	for _, s := range c.Sources {
		if !strings.Contains(all, squash(s.Text())) {
			t.Errorf("source missing: %s", s.Text())
		}
	}
	i := strings.Index(all, "Sources")
	if i < 0 || i < strings.Index(all, "5. Recommendation") {
		t.Error("Sources list not after the sections")
	}
	// each note stands on the page of its mark: the end of its quotation
	for _, x := range b.Excerpts() {
		words := strings.Fields(x.Text)
		tail := strings.Join(words[len(words)-4:], " ")
		for p, txt := range pages {
			if !strings.Contains(txt, tail) {
				continue
			}
			for _, nn := range c.Marks[x.ID] {
				note := c.Notes[nn-1]
				if !strings.Contains(txt, fmt.Sprintf("%d %s", nn, squash(note.Text()))) {
					t.Errorf("note %d is not on page %d with its mark", nn, p+1)
				}
			}
		}
	}
	// contents page numbers match where the headings are
	for si, s := range b.Sections {
		head := fmt.Sprintf("%d. %s", si+1, s.Heading)
		page := 0
		for p, txt := range pages {
			if p > 0 && strings.Contains(txt, head) || p == 0 && strings.Count(txt, head) == 2 {
				page = p + 1
				break
			}
		}
		re := regexp.MustCompile(regexp.QuoteMeta(head) + `[ .]*(\d+)`)
		m := re.FindStringSubmatch(pages[0])
		if m == nil || m[1] != fmt.Sprint(page) {
			t.Errorf("contents give %v for %q, heading is on page %d", m, head, page)
		}
	}
	// fonts embedded
	fonts := poppler(t, "pdffonts", path)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) < 4 {
		t.Errorf("fonts:\n%s", fonts)
	}
	var names []string
	for _, r := range rows {
		f := strings.Fields(r)
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", r)
		}
		names = append(names, f[0])
	}
	// named after the font (as far as fpdf allows: "utf8" + family in lower
	// case + style), each once
	sort.Strings(names)
	if got := strings.Join(names, " "); got != "utf8dejavusans utf8dejavusansB utf8dejavuserif utf8dejavuserifB utf8dejavuserifI" {
		t.Errorf("font names %s", got)
	}
	// document properties
	info := poppler(t, "pdfinfo", path)
	for _, want := range []string{"Title:           EU digital diplomacy", "Author:          A. Rossi, Policy Planning Unit",
		"Subject:         For decision", "Keywords:        RESTRICTED; JOIN(2025) 140 final", "Creator:         Attaché", "(A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// bookmarks for the sections and the Sources
	data, _ := os.ReadFile(path)
	marks := outlineTitles(data)
	want := []string{"1. Summary", "2. Issue", "3. Background", "4. Considerations", "5. Recommendation", "Sources"}
	if strings.Join(marks, "|") != strings.Join(want, "|") {
		t.Errorf("bookmarks %q", marks)
	}
	if !bytes.Contains(data, []byte("/URI (https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140)")) {
		t.Error("source URL is not a link")
	}
}

// outlineTitles decodes the titles of a PDF's bookmarks (UTF-16 literal
// strings as fpdf writes them).
func outlineTitles(pdf []byte) []string {
	var out []string
	re := regexp.MustCompile(`<</Title \(((?:\\.|[^\\)])*)\)\s*/Parent`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		var raw []byte
		for i := 0; i < len(m[1]); i++ {
			c := m[1][i]
			if c == '\\' && i+1 < len(m[1]) {
				i++
				c = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t'}[m[1][i]]
				if c == 0 {
					c = m[1][i]
				}
			}
			raw = append(raw, c)
		}
		raw = bytes.TrimPrefix(raw, []byte{0xFE, 0xFF})
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

func TestPDFItalianLetterEndnotes(t *testing.T) {
	b := sampleBrief(t)
	b.Contents = ContentsOn
	b.Lang = "it"
	b.Classification = "RISERVATO — USO INTERNO"
	path, _ := exportPDF(t, b, Options{Paper: "letter", Endnotes: true})
	if info := poppler(t, "pdfinfo", path); !strings.Contains(info, "612 x 792 pts (letter)") {
		t.Errorf("not letter:\n%s", info)
	}
	pages, raw := pageTexts(t, path, b)
	all := strings.Join(pages, " ")
	for _, want := range []string{"PER DECISIONE", "Per the Minister", "Data 20 giugno 2025", "Messaggi chiave", "Indice", "In inglese", "Note", "Fonti",
		"Nota 1 della fonte: Cfr.", "(26 giugno 2023) par. 2."} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if strings.Contains(all, "In italiano") {
		t.Error("language shown for quotations in the brief's own language")
	}
	for i, r := range raw {
		if !strings.Contains(r, fmt.Sprintf("Pagina %d di %d", i+1, len(raw))) || strings.Count(r, "RISERVATO — USO INTERNO") != 2 {
			t.Errorf("page %d footer or marking wrong", i+1)
		}
	}
	// endnotes: all notes after the last section, before the Sources
	last := strings.LastIndex(all, "5. Raccomandazione")
	notes := strings.Index(all, "1 Commissione europea; Alto rappresentante")
	sources := strings.LastIndex(all, "Fonti")
	if !(last < notes && notes < sources) {
		t.Errorf("endnotes not between the sections and the sources: %d %d %d", last, notes, sources)
	}
	if _, err := Export(filepath.Join(t.TempDir(), "x.pdf"), b, PDF, Options{Paper: "a3"}); err == nil {
		t.Error("paper a3 accepted")
	}
}

func TestPDFMissingGlyphs(t *testing.T) {
	b := sampleBrief(t)
	b.Sections[0].Text = []string{"Emoji 😀 and 😀 again, a check mark ✓, an unassigned \u0378 and a private \uE000 character."}
	b.Sections[1].Heading = "Heading 😀"
	b.Author = "Ann 😀"
	path, warnings := exportPDF(t, b, Options{})
	// metadata and bookmarks, which fpdf cannot encode beyond U+FFFF
	if info := poppler(t, "pdfinfo", path); !strings.Contains(info, "Author:          Ann �, Policy Planning Unit") {
		t.Errorf("author:\n%s", info)
	}
	data, _ := os.ReadFile(path)
	if marks := outlineTitles(data); marks[1] != "2. Heading �" {
		t.Errorf("bookmark %q", marks[1])
	}
	var chars []string
	for _, w := range warnings {
		if strings.HasPrefix(w, "character ") {
			chars = append(chars, w)
		}
	}
	if len(chars) != 3 || !strings.Contains(chars[0], "U+0378") || !strings.Contains(chars[1], "U+E000") || !strings.Contains(chars[2], "U+1F600") {
		t.Errorf("warnings %q", chars)
	}
	pages, _ := pageTexts(t, path, b)
	if !strings.Contains(pages[0], "Emoji � and � again, a check mark ✓, an unassigned � and a private � character.") {
		t.Errorf("replacement not visible: %s", pages[0])
	}
}

// TestPDFLayout checks the layout rules on a long brief: nothing below the
// text area or over the footnotes, no heading left alone at the foot of a
// page, every word inside the margins.
func TestPDFLayout(t *testing.T) {
	b := bigBrief(t, 60)
	b.Classification = "SENSITIVE — FOR INTERNAL USE ONLY — NOT FOR DISTRIBUTION OUTSIDE THE DIRECTORATE — HANDLE WITH CARE"
	d, err := layoutPDF(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, d)
	// every word inside the page's margins, read back from the PDF
	path, _ := exportPDF(t, b, Options{})
	words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`).
		FindAllStringSubmatch(poppler(t, "pdftotext", "-bbox", path, "-"), -1)
	if len(words) < 1000 {
		t.Fatalf("only %d words", len(words))
	}
	pt := 72 / 25.4
	for _, w := range words {
		x0, _ := strconv.ParseFloat(w[1], 64)
		x1, _ := strconv.ParseFloat(w[3], 64)
		if x0 < marginSide*pt-0.5 || x1 > (d.pw-marginSide)*pt+0.5 {
			t.Errorf("word at x %.1f–%.1f pt is outside the margins", x0, x1)
		}
	}
}

// TestPDFHugeNote checks that a source note taller than a page continues on
// the next page instead of running over the text.
func TestPDFHugeNote(t *testing.T) {
	b := sampleBrief(t)
	x := &b.Sections[2].Excerpts[0]
	x.Notes[0].Text = strings.Repeat("Una nota molto lunga della fonte, ripetuta per riempire più di una pagina intera. ", 90) + "FINE."
	d, err := layoutPDF(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, d)
	path, _ := exportPDF(t, b, Options{})
	pages, _ := pageTexts(t, path, b)
	all := strings.Join(pages, " ")
	if strings.Count(all, "ripetuta per riempire") != 90 || !strings.Contains(all, "FINE.") {
		t.Errorf("long note incomplete: %d repetitions", strings.Count(all, "ripetuta per riempire"))
	}
	// the note starts on the page of its mark; each page it continues on
	// shows its number and "(cont.)" (Italian: "(segue)") above the rest
	n := Cite(b).Marks[x.ID][1]
	for _, lang := range []string{"en", "it"} {
		b.Lang = lang
		path, _ := exportPDF(t, b, Options{})
		cont := map[string]string{"en": "(cont.)", "it": "(segue)"}[lang]
		pages, _ := pageTexts(t, path, b)
		first := -1
		for p, txt := range pages {
			i := strings.Index(txt, "ripetuta per riempire")
			if i < 0 {
				continue
			}
			if first < 0 {
				first = p
				if !strings.Contains(txt, fmt.Sprintf("%d Source note 1: Una nota molto lunga", n)) && !strings.Contains(txt, fmt.Sprintf("%d Nota 1 della fonte: Una nota molto lunga", n)) {
					t.Errorf("%s: page %d: note %d does not start here", lang, p+1, n)
				}
				if strings.Contains(txt, cont) {
					t.Errorf("%s: page %d: %q on the note's first page", lang, p+1, cont)
				}
				continue
			}
			if c := strings.Index(txt, fmt.Sprintf("%d %s", n, cont)); c < 0 || c > i {
				t.Errorf("%s: page %d: the rest of note %d is not marked %q", lang, p+1, n, cont)
			}
		}
		if first < 0 || !strings.Contains(pages[first+1], "ripetuta per riempire") {
			t.Errorf("%s: note %d does not continue on a second page", lang, n)
		}
	}
}

// checkLayout checks the traced lines of a laid-out PDF: inside the text
// area, no heading alone at the foot of a page, no text over the notes.
func checkLayout(t *testing.T, d *pdfDoc) {
	t.Helper()
	limit := d.ph - marginBottom + 0.01
	for i, p := range d.trace {
		if p.y+p.h > limit || p.y < marginTop-0.01 {
			t.Fatalf("line %d on page %d at %.1f–%.1f mm is outside the text area", i, p.page, p.y, p.y+p.h)
		}
		if p.keepNext && i+1 < len(d.trace) {
			// the next text line (skipping notes) must be on the same page
			for _, q := range d.trace[i+1:] {
				if q.note {
					continue
				}
				if q.page != p.page {
					t.Errorf("heading line on page %d is alone at the foot of the page", p.page)
				}
				break
			}
		}
	}
	// no widow or orphan: a paragraph of three lines or more that runs
	// over a page break keeps at least two lines on each page
	for _, parts := range splitBlocks(d) {
		for _, c := range parts {
			if len(parts) > 1 && c.lines < 2 {
				t.Errorf("block %d: a single line on page %d (lines per page %v)", c.block, c.page, parts)
			}
		}
	}
	// text lines never overlap the footnotes of their page
	lowest := map[int]float64{}
	firstNote := map[int]float64{}
	for _, p := range d.trace {
		if p.note {
			if v, ok := firstNote[p.page]; !ok || p.y < v {
				firstNote[p.page] = p.y
			}
		} else if p.y+p.h > lowest[p.page] {
			lowest[p.page] = p.y + p.h
		}
	}
	for page, y := range firstNote {
		if lowest[page] > y-2.5 {
			t.Errorf("page %d: text reaches %.1f mm, notes start at %.1f mm", page, lowest[page], y)
		}
	}
}

// blockPart is the number of lines a text block has on one page.
type blockPart struct{ block, page, lines int }

// splitBlocks returns, for each text block of a laid-out PDF, its lines
// per page, in page order.
func splitBlocks(d *pdfDoc) map[int][]blockPart {
	out := map[int][]blockPart{}
	for _, p := range d.trace {
		if p.note {
			continue
		}
		parts := out[p.block]
		if n := len(parts); n > 0 && parts[n-1].page == p.page {
			parts[n-1].lines++
		} else {
			parts = append(parts, blockPart{p.block, p.page, 1})
		}
		out[p.block] = parts
	}
	return out
}

// bigBrief has n excerpts over ten sections, cycling the fixtures, with a
// long quotation and a long address that must break.
func bigBrief(t testing.TB, n int) *Brief {
	b, err := New(Header{Title: "Stress brief", Author: "Tester", Date: "2025-01-01", Classification: "SENSITIVE", Purpose: "information"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		id, _ := b.AddSection(fmt.Sprintf("Section with a rather long heading number %d about digital diplomacy", i+1), -1)
		b.SetSectionText(id, "The author's own words introduce the quotations of this section and say why they matter for the meeting.")
	}
	fx := []func() Excerpt{xJoinPartners, xCouncil2, xTech7, xJoinDraghi}
	for i := 0; i < n; i++ {
		x := fx[i%len(fx)]()
		if i%7 == 3 {
			x.Text = strings.Repeat(x.Full+" ", 6)
			x.Full = x.Text
		}
		if i%11 == 5 {
			x.Source.URL = "https://example.org/" + strings.Repeat("very-long-path-segment/", 12)
			x.Source.DocID = fmt.Sprintf("doc-%d", i)
		}
		if _, err := b.AddExcerpt(b.Sections[i%10].ID, x, -1); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func benchmarkExport(bm *testing.B, n int) {
	b := bigBrief(bm, n)
	size := benchmarkWrite(bm, b, WritePDF)
	bm.ReportMetric(float64(Render(b, Options{}).Pages), "pages")
	bm.ReportMetric(float64(size)/1024, "KiB")
}

// BenchmarkExportPDF10 exports a brief of 10 excerpts.
func BenchmarkExportPDF10(b *testing.B) { benchmarkExport(b, 10) }

// BenchmarkExportPDF200 exports a brief of 200 excerpts.
func BenchmarkExportPDF200(b *testing.B) { benchmarkExport(b, 200) }

func TestMarkText(t *testing.T) {
	for want, in := range map[string][]int{"1": {1}, "1,2": {1, 2}, "6–11": {6, 7, 8, 9, 10, 11}, "3,5–7,9": {3, 5, 6, 7, 9}} {
		if got := MarkText(in); got != want {
			t.Errorf("MarkText(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestExampleBrief exports the sample brief of examples/ (built from the
// seeds with the command line) and finds every quotation and note in it:
// the first brief a user opens is a briefing note within its two pages,
// with no warning.
func TestExampleBrief(t *testing.T) {
	b := exampleBrief(t)
	path, warnings := exportPDF(t, b, Options{})
	if n := pageCount(t, path); len(warnings) != 0 || n > b.PageBudget() {
		t.Errorf("%d pages, limit %d, warnings: %v", n, b.PageBudget(), warnings)
	}
	pages, _ := pageTexts(t, path, b)
	all := strings.Join(pages, " ")
	for _, q := range printedQuotes(b) {
		if !strings.Contains(all, squash(q)) {
			t.Errorf("quotation missing: %.60s…", q)
		}
	}
	for _, n := range Cite(b).Notes {
		if !strings.Contains(all, fmt.Sprintf("%d %s", n.Number, squash(n.Text()))) {
			t.Errorf("note %d missing", n.Number)
		}
	}
}

// markedWords makes a paragraph of n words "<prefix>wNNN", unique in a
// brief, to find its lines in the PDF.
func markedWords(prefix string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%sw%03d", prefix, i+1)
	}
	return strings.Join(w, " ")
}

// wordsByPage reads a PDF's words back with pdftotext -bbox: for each page,
// each word with the top of its box in points.
func wordsByPage(t testing.TB, path string) []map[string]float64 {
	var pages []map[string]float64
	re := regexp.MustCompile(`<page |<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>`)
	for _, m := range re.FindAllStringSubmatch(poppler(t, "pdftotext", "-bbox", path, "-"), -1) {
		if m[0] == "<page " {
			pages = append(pages, map[string]float64{})
			continue
		}
		y, _ := strconv.ParseFloat(m[1], 64)
		pages[len(pages)-1][m[2]] = y
	}
	return pages
}

// TestPDFWidowsOrphans breaks paragraphs and quotations of 3 to 8 lines,
// and one longer than a page, at every position on the page (a run of
// one-line paragraphs before them shifts them line by line), and reads the
// PDF back: where one runs over a page break, each page has at least two of
// its lines, and each note stands on the page of its mark.
func TestPDFWidowsOrphans(t *testing.T) {
	splits := 0
	for shift := 0; shift < 8; shift++ {
		b, err := New(Header{Title: "Widows and orphans", Author: "Tester", Date: "2025-01-01"}, "blank")
		if err != nil {
			t.Fatal(err)
		}
		id, _ := b.AddSection("Paragraphs", -1)
		paras := []string{}
		for k := 0; k < shift; k++ {
			paras = append(paras, "A one-line paragraph before.")
		}
		var prefixes []string
		for i := 0; i < 24; i++ {
			p := fmt.Sprintf("p%02d", i)
			prefixes = append(prefixes, p)
			paras = append(paras, markedWords(p, 20+i%6*10)) // 3 to 8 lines
			if i == 12 {
				prefixes = append(prefixes, "long")
				paras = append(paras, markedWords("long", 560)) // over a page
			}
		}
		b.SetSectionText(id, strings.Join(paras, "\n\n"))
		qid, _ := b.AddSection("Quotations", -1)
		for i := 0; i < 16; i++ {
			x := xJoinPartners()
			p := fmt.Sprintf("q%02d", i)
			prefixes = append(prefixes, p)
			x.Text = markedWords(p, 19+i%5*9) // 3 to 7 lines
			x.Full = x.Text
			xid, _ := b.AddExcerpt(qid, x, -1)
			b.SetExcerptComment(xid, strings.Repeat("A comment after the quotation. ", i%3*3+1))
		}
		d, err := layoutPDF(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkLayout(t, d)

		path, _ := exportPDF(t, b, Options{})
		pages := wordsByPage(t, path)
		for _, pre := range prefixes {
			var lines []int // lines of the paragraph on each page it is on
			for _, words := range pages {
				ys := map[float64]bool{}
				for w, y := range words {
					if strings.HasPrefix(w, pre+"w") {
						ys[y] = true
					}
				}
				if len(ys) > 0 {
					lines = append(lines, len(ys))
				}
			}
			if len(lines) > 1 {
				splits++
				for _, n := range lines {
					if n < 2 {
						t.Errorf("shift %d: %s has a single line alone on a page (lines per page %v)", shift, pre, lines)
					}
				}
			}
		}
		// each note on the page of its mark, after the quotation's last word
		c := Cite(b)
		texts := strings.Split(poppler(t, "pdftotext", "-layout", path, "-"), "\f")
		for _, x := range b.Excerpts() {
			words := strings.Fields(x.Text)
			last := words[len(words)-1]
			for p, txt := range texts {
				if !strings.Contains(txt, last) {
					continue
				}
				for _, nn := range c.Marks[x.ID] {
					if !strings.Contains(squash(txt), fmt.Sprintf("%d %s", nn, squash(c.Notes[nn-1].Text()))) {
						t.Errorf("shift %d: note %d is not on page %d with its mark", shift, nn, p+1)
					}
				}
			}
		}
	}
	if splits < 20 {
		t.Errorf("only %d paragraphs run over a page break", splits)
	}
}
