package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"attache/briefing"
)

// Real passages of the seeds: the joint communication (with five notes of
// its own), the Council conclusions and the G7 page.
const (
	pJoin    = "join-2025-140#6301eb1aab"
	pCouncil = "council-2023#03d52456ba"
	pG7      = "g7-2024#738a6fcbb5"
)

func TestBriefCommands(t *testing.T) {
	lib := t.TempDir()
	dir := t.TempDir()
	f := filepath.Join(dir, "note.brief")

	code, out, errs := runCLI(t, lib, "brief", "new", f, "--title", "Digital diplomacy", "--author", "A. Rossi",
		"--for", "the Minister", "--classification", "RESTRICTED", "--purpose", "for decision", "--date", "2025-06-20")
	if code != 0 || !strings.Contains(out, "created "+f+" with 5 sections") {
		t.Fatalf("new: %d %q %q", code, out, errs)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"brief", "new", f, "--title", "Again"}, 1, "already exists"},
		{[]string{"brief", "new", filepath.Join(dir, "x.brief")}, 2, "--title is required"},
		{[]string{"brief", "new", filepath.Join(dir, "x.brief"), "--title", "T", "--lang", "fr"}, 2, "--lang must be en or it"},
		{[]string{"brief", "new", filepath.Join(dir, "x.brief"), "--title", "T", "--template", "memo"}, 2, "unknown template"},
		{[]string{"brief", "frobnicate"}, 2, "unknown subcommand"},
		{[]string{"brief", "add", f}, 2, "one or more passage IDs"},
		{[]string{"brief", "add", f, "no-such#passage"}, 1, `no passage "no-such#passage"`},
		{[]string{"brief", "show", filepath.Join(dir, "missing.brief")}, 1, "no such file"},
		{[]string{"export", f}, 2, "-o"},
		{[]string{"export", f, "-o", filepath.Join(dir, "x.pdf"), "--format", "rtf"}, 2, "pdf, docx, odt or md"},
		{[]string{"export", f, "-o", filepath.Join(dir, "x.pdf"), "--paper", "a3"}, 2, "a4 or letter"},
	} {
		code, _, errs := runCLI(t, lib, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.brief")); err == nil {
		t.Error("a failed 'brief new' left a file")
	}

	code, out, errs = runCLI(t, lib, "brief", "add", f, "--section", "Background", pJoin, pCouncil)
	if code != 0 || !strings.Contains(out, `added 2 excerpts to section "Background"`) {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	code, out, errs = runCLI(t, lib, "brief", "add", f, pG7, "--section", "Annex")
	if code != 0 || !strings.Contains(out, `added 1 excerpt to section "Annex"`) {
		t.Fatalf("add to a new section: %d %q %q", code, out, errs)
	}
	b, err := briefing.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sections) != 6 || b.Sections[5].Heading != "Annex" || len(b.Sections[2].Excerpts) != 2 {
		t.Fatalf("sections after add: %+v", b.Sections)
	}
	if x := b.Sections[2].Excerpts[0]; x.PassageID != pJoin || len(x.Notes) != 5 || x.Source.Reference != "JOIN(2025) 140 final" {
		t.Errorf("snapshot %+v", x)
	}

	code, out, _ = runCLI(t, lib, "brief", "show", f)
	for _, want := range []string{"Digital diplomacy  [RESTRICTED]", "Briefing note · For decision · for the Minister · from A. Rossi · 20 June 2025 · labels en",
		"3. Background  (0 paragraphs, 2 excerpts)", "passage " + pJoin, "“L'UE ha sviluppato", "6. Annex"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI(t, lib, "brief", "check", f)
	if code != 0 || !strings.Contains(out, "all 3 excerpts") {
		t.Errorf("check: %d %q", code, out)
	}
	// the library's text differs from the snapshot: check fails, export warns
	b.Sections[2].Excerpts[1].Full = strings.Replace(b.Sections[2].Excerpts[1].Full, "universali", "comuni", 1)
	b.Sections[2].Excerpts[1].Text = b.Sections[2].Excerpts[1].Full
	if err := briefing.Save(f, b); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCLI(t, lib, "brief", "check", f)
	if code != 1 || !strings.Contains(out, `changed in the library: −"comuni," +"universali,"`) || !strings.Contains(errs, "1 of 3 excerpts") {
		t.Errorf("check after change: %d %q %q", code, out, errs)
	}

	pdf := filepath.Join(dir, "note.pdf")
	code, out, errs = runCLI(t, lib, "export", f, "-o", pdf, "--notes", "end", "--paper", "letter")
	if code != 0 || !strings.Contains(out, "wrote "+pdf) || !strings.Contains(errs, "warning: excerpt") || !strings.Contains(errs, `section "Summary" is empty`) {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils): %v", err)
	}
	if s := strings.Join(strings.Fields(string(txt)), " "); !strings.Contains(s, "Source note 16: Con partner quali Tunisia, Egitto o Giordania.") || !strings.Contains(s, "Page 1 of") {
		t.Errorf("PDF text lacks the source's notes or the page numbers:\n%s", s)
	}
	md := filepath.Join(dir, "note.md")
	if code, _, errs := runCLI(t, lib, "export", f, "-o", md, "--no-check"); code != 0 || strings.Contains(errs, "changed in the library") {
		t.Errorf("md export: %d %q", code, errs)
	}
	// the source's notes inside the quotation come first, in reading
	// order; the citation, at its end, is note 6
	if data, _ := os.ReadFile(md); !strings.Contains(string(data), "[^6]: Commissione europea;") || !strings.Contains(string(data), "[^5].[^6]") {
		t.Errorf("markdown:\n%s", data)
	}
	// Word, from the extension, and --json: the report on stdout, the
	// warnings in it and not on stderr
	docx := filepath.Join(dir, "note.docx")
	code, out, errs = runCLI(t, lib, "export", f, "-o", docx, "--json")
	var rep struct {
		Output   string   `json:"output"`
		Format   string   `json:"format"`
		Pages    *int     `json:"pages"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || errs != "" {
		t.Fatalf("export --json: %d %q %q: %v", code, out, errs, err)
	}
	if rep.Output != docx || rep.Format != "docx" || rep.Pages == nil || *rep.Pages < 1 ||
		!strings.Contains(strings.Join(rep.Warnings, "|"), `changed in the library`) {
		t.Errorf("export --json report: %+v", rep)
	}
	if data, _ := os.ReadFile(docx); !strings.HasPrefix(string(data), "PK\x03\x04") {
		t.Error("the .docx is not a Word file")
	}
	// ODT, from the extension and by --format, with --json
	odt := filepath.Join(dir, "note.odt")
	code, out, errs = runCLI(t, lib, "export", f, "-o", odt, "--json", "--no-check")
	if code != 0 || errs != "" || !strings.Contains(out, `"format": "odt"`) || !strings.Contains(out, `"pages": `) || strings.Contains(out, `"pages": null`) {
		t.Errorf("odt --json: %d %s %s", code, out, errs)
	}
	if data, _ := os.ReadFile(odt); !strings.HasPrefix(string(data), "PK\x03\x04") || !strings.Contains(string(data[:80]), "mimetypeapplication/vnd.oasis.opendocument.text") {
		t.Error("the .odt is not an OpenDocument file with its mimetype first")
	}
	code, _, _ = runCLI(t, lib, "export", f, "-o", filepath.Join(dir, "x.bin"), "--format", "odt", "--no-check")
	if data, _ := os.ReadFile(filepath.Join(dir, "x.bin")); code != 0 || !strings.Contains(string(data[:80]), "opendocument.text") {
		t.Errorf("--format odt: %d", code)
	}
	code, out, _ = runCLI(t, lib, "export", f, "-o", filepath.Join(dir, "x.out"), "--format", "md", "--json", "--no-check")
	if code != 0 || !strings.Contains(out, `"format": "md"`) || !strings.Contains(out, `"pages": null`) || !strings.Contains(out, `"warnings": [`) {
		t.Errorf("md --json: %d %s", code, out)
	}
	// a damaged brief exports nothing
	os.WriteFile(f, []byte(`{"format": "attache-brief", "version": "1.0", "title": "x", "sec`), 0o644)
	out2 := filepath.Join(dir, "damaged.pdf")
	if code, _, errs := runCLI(t, lib, "export", f, "-o", out2); code != 1 || !strings.Contains(errs, "is damaged: unexpected end of JSON") {
		t.Errorf("damaged: %d %q", code, errs)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("export of a damaged brief left a file")
	}
}

// TestExportWithoutLibrary checks that a library that cannot be opened
// makes export warn, on one line, that the quotations went unchecked, and
// still write the file from the brief's own copies.
func TestExportWithoutLibrary(t *testing.T) {
	dir := t.TempDir()
	notALibrary := filepath.Join(dir, "library")
	if err := os.WriteFile(notALibrary, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := briefing.New(briefing.Header{Title: "Cables", Lang: "en"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	sec, err := b.AddSection("Background", -1)
	if err != nil {
		t.Fatal(err)
	}
	x := briefing.Excerpt{PassageID: pCouncil, Full: "Il Consiglio sottolinea l'importanza dei cavi.", Source: briefing.Source{DocID: "council-2023", Title: "Conclusioni", Lang: "it"}}
	if _, err := b.AddExcerpt(sec, x, -1); err != nil {
		t.Fatal(err)
	}
	f, md := filepath.Join(dir, "c.brief"), filepath.Join(dir, "c.md")
	if err := briefing.Save(f, b); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, notALibrary, "export", f, "-o", md)
	if code != 0 || !strings.Contains(out, "wrote "+md) {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "attache: warning: quotations not checked against the library: ") {
		t.Errorf("stderr %q, want one warning that the quotations were not checked", errs)
	}
	if _, err := os.Stat(md); err != nil {
		t.Errorf("no Markdown written: %v", err)
	}
}

// TestBriefAddToEmptyBrief checks that adding to a brief with no sections
// and no --section makes one, headed in the brief's label language.
func TestBriefAddToEmptyBrief(t *testing.T) {
	lib, dir := t.TempDir(), t.TempDir()
	for _, tt := range []struct{ lang, heading string }{{"en", "Excerpts"}, {"it", "Estratti"}} {
		f := filepath.Join(dir, tt.lang+".brief")
		if code, out, errs := runCLI(t, lib, "brief", "new", f, "--title", "T", "--lang", tt.lang, "--template", "blank"); code != 0 || !strings.Contains(out, "with 0 sections") {
			t.Fatalf("new: %d %q %q", code, out, errs)
		}
		code, out, errs := runCLI(t, lib, "brief", "add", f, pCouncil)
		if want := `added 1 excerpt to section "` + tt.heading + `"`; code != 0 || !strings.Contains(out, want) {
			t.Errorf("add: %d %q %q, want %q", code, out, errs, want)
		}
		// a second add goes to the same, now last, section
		runCLI(t, lib, "brief", "add", f, pG7)
		b, err := briefing.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Sections) != 1 || len(b.Sections[0].Excerpts) != 2 {
			t.Errorf("%s: sections %+v", tt.lang, b.Sections)
		}
	}
}
