package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setLocale sets the user's locale as a shell would, LANGUAGE unset.
func setLocale(t *testing.T, loc string) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", loc)
}

// TestShowPrintsTheLocatorInTheUsersLanguage: under an Italian locale
// "attache show" and "attache search" print an Italian passage's and an
// English passage's locator as the window does, "par. 2", and under an
// English one as stored; the JSON keeps the stored form for programs.
func TestShowPrintsTheLocatorInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	// an Italian passage, and an English one whose locator names its heading
	for _, id := range []string{"council-2023#03d52456ba", "g7-2024#738a6fcbb5"} {
		setLocale(t, "en_GB.UTF-8")
		code, out, errs := runCLI(t, dir, "show", "--json", id)
		if code != 0 {
			t.Fatalf("show --json %s: exit %d %s", id, code, errs)
		}
		var p struct {
			Locator, Citation string
		}
		if err := json.Unmarshal([]byte(out), &p); err != nil || !strings.Contains(p.Locator, "para. ") {
			t.Fatalf("show --json: %v, locator %q", err, p.Locator)
		}
		italian := strings.Replace(p.Citation, ", para. ", ", par. ", 1)
		for loc, want := range map[string]string{"it_IT.UTF-8": italian, "en_GB.UTF-8": p.Citation, "C.UTF-8": p.Citation} {
			setLocale(t, loc)
			_, out, _ := runCLI(t, dir, "show", id)
			if first, _, _ := strings.Cut(out, "\n"); first != want {
				t.Errorf("LANG=%s show %s: citation %q, want %q", loc, id, first, want)
			}
		}
		setLocale(t, "it_IT.UTF-8")
		_, out, _ = runCLI(t, dir, "show", "--json", id)
		stored := p
		if err := json.Unmarshal([]byte(out), &p); err != nil || p != stored {
			t.Errorf("LANG=it_IT show --json changed the stored locator: %v %+v", err, p)
		}
	}
	t.Setenv("LANGUAGE", "it")
	t.Setenv("LANG", "en_US.UTF-8")
	if _, out, _ := runCLI(t, dir, "show", "council-2023#03d52456ba"); !strings.Contains(out, ", par. 2\n") {
		t.Errorf("LANGUAGE=it: %q", out[:80])
	}
	setLocale(t, "it_IT.UTF-8")
	_, out, _ := runCLI(t, dir, "search", "--limit", "3", "diplomazia digitale")
	if !strings.Contains(out, ", par. ") || strings.Contains(out, ", para. ") {
		t.Errorf("LANG=it_IT search prints its locators:\n%s", out)
	}
}

// TestBriefCheckPrintsTheBriefsLocators: "brief check" names an excerpt
// as the brief prints it, "par. 2" in an Italian brief, "para. 2" in an
// English one, whatever the user's locale.
func TestBriefCheckPrintsTheBriefsLocators(t *testing.T) {
	setLocale(t, "en_GB.UTF-8")
	data, err := os.ReadFile(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	lib := t.TempDir()
	for lang, want := range map[string]string{"it": "par. ", "en": "para. "} {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		doc["lang"] = lang
		var changed int
		for _, s := range doc["sections"].([]any) {
			xs, _ := s.(map[string]any)["excerpts"].([]any)
			for _, x := range xs {
				x := x.(map[string]any)
				if loc, _ := x["locator"].(string); strings.HasPrefix(loc, "para. ") {
					x["passage"] = "nowhere#" + x["id"].(string) // vanished from the library
					changed++
				}
			}
		}
		out, _ := json.MarshalIndent(doc, "", "  ")
		f := filepath.Join(t.TempDir(), lang+".brief")
		if err := os.WriteFile(f, out, 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, errs := runCLI(t, lib, "brief", "check", f)
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if code != 1 || changed == 0 || len(lines) != changed {
			t.Fatalf("%s: exit %d, %d findings for %d excerpts:\n%s%s", lang, code, len(lines), changed, stdout, errs)
		}
		for _, ln := range lines {
			if !strings.Contains(ln, want) || (lang == "it" && strings.Contains(ln, "para. ")) {
				t.Errorf("%s brief: %q, want its locator as %q…", lang, ln, want)
			}
		}
		_, stdout, _ = runCLI(t, lib, "brief", "show", f)
		if !strings.Contains(stdout, ", "+want) || (lang == "it" && strings.Contains(stdout, ", para. ")) {
			t.Errorf("%s brief show:\n%s", lang, stdout)
		}
	}
}
