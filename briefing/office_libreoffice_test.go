package briefing

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// checkWithLibreOffice converts the export (format "docx" or "odt") of
// examples/sample.brief to PDF with LibreOffice and reads the pages with
// pdftotext: the marking at the top and the foot of every page, "Page X of
// Y" with the right numbers, the contents with the pages LibreOffice put
// the headings on, runs of note marks as ranges ("4–7"), every quotation
// and every note, on A4 with footnotes
// and on Letter with endnotes. LibreOffice is a large install, so it runs
// only with ATTACHE_LIBREOFFICE=1, as "make check-docx" and "make
// check-odt" set it.
func checkWithLibreOffice(t *testing.T, format string, export func(testing.TB, *Brief, Options) (string, []string)) {
	if os.Getenv("ATTACHE_LIBREOFFICE") == "" {
		t.Skip("set ATTACHE_LIBREOFFICE=1 (make check-" + format + ") to convert the " + format + " export with LibreOffice")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Fatal("soffice is not installed: apt-get install libreoffice-writer-nogui")
	}
	b := exampleWithEveryPart(t) // the contents list on: its page numbers are checked
	for _, opt := range []Options{{}, {Paper: "letter", Endnotes: true}} {
		t.Run(fmt.Sprintf("paper=%s,endnotes=%v", opt.Paper, opt.Endnotes), func(t *testing.T) {
			file, _ := export(t, b, opt)
			pdf := convertWithLibreOffice(t, file)
			pages, raw := pageTexts(t, pdf, b)
			// LibreOffice sets the PDF's fonts, named by the file
			if fonts := poppler(t, "pdffonts", pdf); !strings.Contains(fonts, "DejaVuSerif") || !strings.Contains(fonts, "DejaVuSans-Bold") || strings.Contains(fonts, "Liberation") {
				t.Errorf("the %s file's PDF does not use DejaVu Serif and Sans:\n%s", format, fonts)
			}
			total := len(raw)
			pageOf := regexp.MustCompile(`Page (\d+) of (\d+)\s*$`)
			for i, txt := range raw {
				lines := nonEmpty(strings.Split(txt, "\n")...)
				if len(lines) < 3 || lines[0] != b.Classification || lines[len(lines)-1] != b.Classification {
					t.Errorf("page %d: the marking is not at its top and foot: %q … %q", i+1, lines[0], lines[len(lines)-1])
				}
				var m []string
				for _, ln := range lines {
					if mm := pageOf.FindStringSubmatch(ln); mm != nil {
						m = mm
					}
				}
				if m == nil || m[1] != fmt.Sprint(i+1) || m[2] != fmt.Sprint(total) {
					t.Errorf("page %d: footer says %v, want Page %d of %d", i+1, m, i+1, total)
				}
			}
			all := strings.Join(pages, " ")
			if !strings.Contains(squash(raw[0]), "Contents 1. Summary") {
				t.Errorf("no contents on page 1: %s", squash(raw[0]))
			}
			// the contents' page numbers (the PDF layout's, kept in the
			// file) are the pages where LibreOffice put the headings
			for i, s := range b.Sections {
				heading := fmt.Sprintf("%d. %s", i+1, s.Heading)
				entry := regexp.MustCompile(regexp.QuoteMeta(heading) + `\s*\.{3,}\s*(\d+)`).FindStringSubmatch(raw[0])
				at := 0
				for p, txt := range raw {
					for _, ln := range strings.Split(txt, "\n") {
						if strings.TrimSpace(ln) == heading && at == 0 {
							at = p + 1
						}
					}
				}
				if entry == nil || entry[1] != fmt.Sprint(at) {
					t.Errorf("contents entry %q says page %v; LibreOffice put it on page %d", heading, entry, at)
				}
			}
			ranges := 0
			for _, x := range b.Excerpts() {
				// a run of marks reads as a range, as in the PDF
				for _, g := range markGroups(Cite(b).Marks[x.ID]) {
					if g.isRange() {
						ranges++
						if r := fmt.Sprintf("%d–%d", g.first, g.last); !strings.Contains(all, r) {
							t.Errorf("the mark %s is not printed as a range", r)
						}
					}
				}
			}
			if ranges == 0 {
				t.Error("the sample has no range of marks to check")
			}
			for _, q := range printedQuotes(b) {
				// a quotation may break across pages, its notes between
				words := strings.Fields(q)
				head, tail := strings.Join(words[:8], " "), strings.Join(words[len(words)-8:], " ")
				if !strings.Contains(all, head) || !strings.Contains(all, tail) {
					t.Errorf("quotation missing: %.60s…", q)
				}
			}
			notes := all
			if opt.Endnotes {
				// the notes under their heading, before the Sources list,
				// as in the PDF
				from, to := strings.LastIndex(all, " Notes "), strings.LastIndex(all, " Sources ")
				if from < 0 || to < from {
					t.Fatalf("no Notes heading before the Sources list")
				}
				notes = all[from:to]
			}
			for _, n := range Cite(b).Notes {
				if !strings.Contains(notes, fmt.Sprintf("%d %s", n.Number, squash(n.Text()))) {
					t.Errorf("note %d missing: %s", n.Number, n.Text())
				}
			}
			t.Logf("%d pages (the PDF export has %d)", total, mustPageCount(t, b, opt))
		})
	}
}

func mustPageCount(t *testing.T, b *Brief, opt Options) int {
	l, err := LayOut(b, opt)
	if err != nil {
		t.Fatal(err)
	}
	return len(l.Pages)
}

// convertWithLibreOffice converts a Word file to PDF beside it, with a
// LibreOffice profile of its own so that it never meets a running one.
func convertWithLibreOffice(t *testing.T, docx string) string {
	t.Helper()
	dir := filepath.Dir(docx)
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	cmd := exec.Command("soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, docx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdf := strings.TrimSuffix(docx, filepath.Ext(docx)) + ".pdf"
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	return pdf
}
