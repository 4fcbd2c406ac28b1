package briefing

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cablesBrief is the two-page briefing note on undersea cables:
// four short paragraphs of the author's own and five quotations of the
// seeds (two English, three Italian), made with the command line.
func cablesBrief(t testing.TB) *Brief {
	t.Helper()
	b, err := Load(filepath.Join("testdata", "undersea-cables.brief"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTwoPageBriefFits is the case: with the contents list
// automatic, the two-page brief fits its two pages (it took three, with a
// contents list, a half-empty page 1 and the Sources list alone on page 3).
func TestTwoPageBriefFits(t *testing.T) {
	b := cablesBrief(t)
	l, err := LayOut(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) != 2 || l.Limit != 2 || l.Over() || l.Contents {
		t.Fatalf("%d pages of %d, contents %v: want 2 of 2 without contents", len(l.Pages), l.Limit, l.Contents)
	}
	path, warnings := exportPDF(t, b, Options{})
	if n := pageCount(t, path); n != 2 || len(warnings) != 0 {
		t.Errorf("PDF: %d pages, warnings %v", n, warnings)
	}
	txt := poppler(t, "pdftotext", "-layout", path, "-")
	if strings.Contains(txt, "Contents") || !strings.Contains(txt, "Sources") {
		t.Errorf("contents or Sources wrong:\n%s", txt)
	}

	// the same brief on a budget of one page is over it: the automatic
	// contents list appears, and the export says so
	b.PageLimit = 1
	l, _ = LayOut(b, Options{})
	if !l.Over() || !l.Contents {
		t.Errorf("over a one-page limit: %d pages, contents %v", len(l.Pages), l.Contents)
	}
	path, warnings = exportPDF(t, b, Options{})
	if txt := poppler(t, "pdftotext", "-layout", path, "-"); !strings.Contains(txt, "Contents") {
		t.Error("no contents list over the limit")
	}
	if want := fmt.Sprintf("the brief has %d pages, over its limit of 1", len(l.Pages)); len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %v, want %q", warnings, want)
	}

	// the levers: contents off, Sources off
	b.PageLimit, b.Contents, b.Sources = 0, ContentsOff, SourcesOff
	path, _ = exportPDF(t, b, Options{})
	if txt := poppler(t, "pdftotext", "-layout", path, "-"); strings.Contains(txt, "Contents") || strings.Contains(txt, "Sources") {
		t.Errorf("contents or Sources printed though off:\n%s", txt)
	}
	b.Contents = ContentsOn
	path, _ = exportPDF(t, b, Options{})
	if txt := poppler(t, "pdftotext", "-layout", path, "-"); !strings.Contains(txt, "Contents") {
		t.Error("contents on, but not printed")
	}
}

// TestLayoutIsThePDF checks that the page preview's layout is the PDF's:
// the same pages, and on each page the same lines with the same words,
// as pdftotext -layout reads them from the exported file.
func TestLayoutIsThePDF(t *testing.T) {
	sample := sampleBrief(t)
	sample.Contents = ContentsOn
	for name, b := range map[string]*Brief{"cables": cablesBrief(t), "sample": sample, "big": bigBrief(t, 40)} {
		l, err := LayOut(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		path, _ := exportPDF(t, b, Options{})
		if n := pageCount(t, path); n != len(l.Pages) {
			t.Fatalf("%s: layout has %d pages, the PDF %d", name, len(l.Pages), n)
		}
		lines := 0
		for p, page := range l.Pages {
			txt := poppler(t, "pdftotext", "-layout", "-f", fmt.Sprint(p+1), "-l", fmt.Sprint(p+1), path, "-")
			var got []string
			for _, row := range strings.Split(txt, "\n") {
				if s := comparable(row); s != "" {
					got = append(got, s)
				}
			}
			// each line of the layout is a line of the PDF, in order
			k := 0
			for _, ln := range page.Lines {
				want := comparable(ln.Text)
				for k < len(got) && got[k] != want {
					k++
				}
				if k == len(got) {
					t.Errorf("%s page %d: line %q of the layout is not a line of the PDF:\n%s", name, p+1, want, strings.Join(got, "\n"))
					break
				}
				k++
				lines++
			}
		}
		if lines < 40 {
			t.Errorf("%s: only %d lines compared", name, lines)
		}
	}
}

var dotLeaders = regexp.MustCompile(`( \.){2,}`)

// comparable squashes a line's white space and drops dot leaders.
func comparable(s string) string {
	return squash(dotLeaders.ReplaceAllString(" "+s+" ", " "))
}
