package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyCables copies the two-page brief fixture of package briefing.
func copyCables(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "briefing", "testdata", "undersea-cables.brief"))
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "cables.brief")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestBriefShowJSON(t *testing.T) {
	lib, f := t.TempDir(), copyCables(t)
	code, out, errs := runCLI(t, lib, "brief", "show", "--json", f)
	if code != 0 {
		t.Fatalf("show --json: %d %q", code, errs)
	}
	var got briefJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	ids := 0
	for _, s := range got.Sections {
		for _, x := range s.Excerpts {
			if x.ID == "" || x.Passage == "" || len(x.Notes) == 0 {
				t.Errorf("excerpt %+v lacks its ID, passage or notes", x)
			}
			ids++
		}
	}
	if got.Pages != 2 || got.PageLimit != 2 || got.HasContents || ids != 5 || len(got.Warnings) != 0 {
		t.Errorf("pages %d, limit %d, contents %v, %d excerpts, warnings %v", got.Pages, got.PageLimit, got.HasContents, ids, got.Warnings)
	}
	code, out, _ = runCLI(t, lib, "brief", "show", f)
	if code != 0 || !strings.Contains(out, "\n2 of 2 pages\n") {
		t.Errorf("show: %d\n%s", code, out)
	}
}

func TestBriefTranslateAndSet(t *testing.T) {
	lib, f := t.TempDir(), copyCables(t)
	own := "The security and resilience of digital networks are essential."
	code, out, errs := runCLI(t, lib, "brief", "translate", f, "x2", own)
	if code != 0 || !strings.Contains(out, "set the translation of excerpt x2") {
		t.Fatalf("translate: %d %q %q", code, out, errs)
	}
	_, out, _ = runCLI(t, lib, "brief", "show", "--json", f)
	var got briefJSON
	json.Unmarshal([]byte(out), &got)
	if got.Sections[2].Excerpts[0].Translation != own {
		t.Errorf("translation %q", got.Sections[2].Excerpts[0].Translation)
	}
	// the PDF prints it labelled; the quote check still checks the original
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	if code, _, errs := runCLI(t, lib, "export", f, "-o", pdf, "--no-check"); code != 0 {
		t.Fatalf("export: %q", errs)
	}
	txt, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "Own translation") || !strings.Contains(strings.Join(strings.Fields(string(txt)), " "), own) {
		t.Errorf("the PDF lacks the labelled translation")
	}

	code, out, _ = runCLI(t, lib, "brief", "set", f, "--page-limit", "1", "--sources", "off")
	if code != 0 || !strings.Contains(out, "of 1 pages: over the limit") {
		t.Errorf("set: %d %q", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"brief", "translate", f, "x99", "text"}, 1, `no excerpt "x99"`},
		{[]string{"brief", "translate", f, "x2"}, 2, "give a brief file, an excerpt ID"},
		{[]string{"brief", "set", f, "--contents", "maybe"}, 2, "use auto, on or off"},
		{[]string{"brief", "set", f, "--page-limit", "two"}, 2, "must be a number"},
		{[]string{"brief", "set", f}, 2, "give --page-limit"},
	} {
		code, _, errs := runCLI(t, lib, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
		}
		oneLineError(t, errs, c.msg)
	}
	code, out, _ = runCLI(t, lib, "brief", "translate", f, "x2", "")
	if code != 0 || !strings.Contains(out, "removed the translation") {
		t.Errorf("remove: %d %q", code, out)
	}
}

// TestBriefShowNamesNoteRunsAsTheBriefPrintsThem: the sample's JOIN excerpt
// carries notes 4 to 8, which every export prints as "4–8"; brief show
// names them the same way, not "4,5,6,7,8".
func TestBriefShowNamesNoteRunsAsTheBriefPrintsThem(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "sample.brief")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, t.TempDir(), "brief", "show", f)
	if code != 0 {
		t.Fatalf("show: %d %q", code, errs)
	}
	if !strings.Contains(out, "notes 4–8;") || strings.Contains(out, "4,5,6") {
		t.Errorf("the run of notes is not named as a range:\n%s", out)
	}
}
