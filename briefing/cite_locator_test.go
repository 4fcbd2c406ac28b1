package briefing

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every form index/corpus makes (see index/corpus/build.go), in Italian.
func TestFormatLocatorItalian(t *testing.T) {
	for loc, want := range map[string]string{
		"para. 4":                         "par. 4",
		"para. 4(c)":                      "par. 4, lett. c)",
		"para. 3, 2nd subpara.":           "par. 3, secondo comma",
		"para. 4(c), 3rd subpara.":        "par. 4, lett. c), terzo comma",
		"para. 2, 11th subpara.":          "par. 2, 11° comma",
		"para. 2, 21st subpara.":          "par. 2, 21° comma",
		"point 6":                         "punto 6",
		"point (b)":                       "lett. b)",
		"§ 1, point (a)":                  "§ 1, lett. a)",
		"§ 2, point 1":                    "§ 2, punto 1",
		"§ 4":                             "§ 4",
		"§ 1, para. 2":                    "§ 1, par. 2",
		`§ 4, "Tecnologie emergenti"`:     `§ 4, "Tecnologie emergenti"`,
		`§ 4, "Cybersicurezza", para. 10`: `§ 4, "Cybersicurezza", par. 10`,
		`"Digital Government Systems"`:    `"Digital Government Systems"`,
		`"Safe, secure, and AI", para. 3`: `"Safe, secure, and AI", par. 3`,
		"p. 12":                           "p. 12",
		"p. 12, para. 3":                  "p. 12, par. 3",
		"p. 12, § 4, para. 2":             "p. 12, § 4, par. 2",
		"p. 5, para. 4(c)":                "p. 5, par. 4, lett. c)",
		"p. 97, point (d)":                "p. 97, lett. d)",
		`p. 3, "Annex"`:                   `p. 3, "Annex"`,
		"p. 5, para. 4(c), 2nd subpara.":  "p. 5, par. 4, lett. c), secondo comma",
		"para. 4.1":                       "par. 4.1",
		"§ 2.3, point 4":                  "§ 2.3, punto 4",
	} {
		if got := FormatLocator(loc, "it"); got != want {
			t.Errorf("%q in Italian is %q, want %q", loc, got, want)
		}
		if got := FormatLocator(loc, "en"); got != loc {
			t.Errorf("%q in English became %q", loc, got)
		}
	}
}

// A locator corpus does not make prints as it is, whole.
func TestFormatLocatorUnknown(t *testing.T) {
	for _, loc := range []string{"", "section 1, para. 2", "para. 4 bis", "art. 5", "para. 3, second subpara", `"unclosed, para. 2`,
		"p. 12,para. 3", "para. 4(c", "point", "p. x"} {
		if got := FormatLocator(loc, "it"); got != loc {
			t.Errorf("unknown %q printed %q", loc, got)
		}
	}
}

// An Italian brief's notes print the pinpoint in Italian, an English
// brief's as stored; the excerpt keeps the stored locator.
func TestCitationPinpointItalian(t *testing.T) {
	b := sampleBrief(t)
	x := xCouncil2()
	x.Locator = "para. 4(c)"
	id, err := b.AddExcerpt(b.Sections[4].ID, x, -1)
	if err != nil {
		t.Fatal(err)
	}
	if got := noteOf(Cite(b), id); !strings.HasSuffix(got, "(n 3) para. 4(c).") {
		t.Errorf("english brief: %s", got)
	}
	b.Lang = "it"
	if got := noteOf(Cite(b), id); !strings.HasSuffix(got, "(nota 3) par. 4, lett. c).") {
		t.Errorf("italian brief: %s", got)
	}
	if e, _, _ := b.Excerpt(id); e.Locator != "para. 4(c)" {
		t.Errorf("stored locator became %q", e.Locator)
	}
}

func noteOf(c *Citations, excerptID string) string {
	return c.Notes[c.Marks[excerptID][0]-1].Text()
}

// italianLocatorBrief is the sample brief in Italian, its excerpts
// carrying locators of the forms corpus makes.
func italianLocatorBrief(t *testing.T) *Brief {
	b, err := New(Header{Title: "Diplomazia digitale dell'UE", Lang: "it", Date: "2025-06-20"}, "briefing-note")
	if err != nil {
		t.Fatal(err)
	}
	sec := b.Sections[2].ID
	for _, c := range []struct {
		x   Excerpt
		loc string
	}{{xJoinPartners(), "§ 1, para. 2"}, {xCouncil2(), "para. 4(c)"}, {xCouncil2(), "para. 3, 2nd subpara."}, {xTech7(), "point 6"}} {
		c.x.Locator = c.loc
		c.x.PassageID += "-" + c.loc
		if _, err := b.AddExcerpt(sec, c.x, -1); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// The PDF, Markdown, Word and OpenDocument files of an Italian brief, read
// back (pdftotext, pandoc), print the pinpoints in Italian and never
// corpus's English "para.".
func TestExportPinpointItalian(t *testing.T) {
	b := italianLocatorBrief(t)
	path, _ := exportPDF(t, b, Options{})
	pdf := squash(poppler(t, "pdftotext", path, "-"))
	var sb strings.Builder
	if _, err := WriteMarkdown(&sb, b, Options{}); err != nil {
		t.Fatal(err)
	}
	md := squash(sb.String())
	texts := map[string]string{"pdf": pdf, "markdown": md}
	if _, err := exec.LookPath("pandoc"); err == nil {
		// Word and OpenDocument read back by pandoc, a reader of their own
		for _, f := range []string{DOCX, ODT} {
			path := filepath.Join(t.TempDir(), "brief."+f)
			if _, err := Export(path, b, f, Options{}); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pandoc", "-f", f, "-t", "plain", "--wrap=none", path).Output()
			if err != nil {
				t.Fatalf("pandoc could not read the %s file: %v", f, err)
			}
			texts[f] = squash(string(out))
		}
	}
	for name, text := range texts {
		for _, want := range []string{"§ 1, par. 2.", "par. 4, lett. c).", "par. 3, secondo comma.", "punto 6."} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		for _, bad := range []string{"para.", "subpara", "point 6"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s prints %q", name, bad)
			}
		}
	}
}
