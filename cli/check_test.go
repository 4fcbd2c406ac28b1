package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefCheckComparesThePrintedQuote checks the probe's case: in the
// example brief, the quoted text of an excerpt says "mandatory" where the
// passage (and the brief's own copy of it, "full") say "voluntary". The
// PDF would print the changed words as a quotation, so "brief check" must
// fail and name the excerpt. Before the fix it passed: "all 7 excerpts …
// match".
func TestBriefCheckComparesThePrintedQuote(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	x := doc["sections"].([]any)[1].(map[string]any)["excerpts"].([]any)[0].(map[string]any)
	text := x["text"].(string)
	if !strings.Contains(text, "voluntary monitoring") {
		t.Fatalf("the example changed: %q", text)
	}
	x["text"] = strings.Replace(text, "voluntary", "mandatory", 1)
	changed, _ := json.MarshalIndent(doc, "", "  ")
	f := filepath.Join(t.TempDir(), "changed.brief")
	if err := os.WriteFile(f, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	lib := t.TempDir()
	code, out, errs := runCLI(t, lib, "brief", "check", f)
	if code != 1 || !strings.Contains(out, "excerpt x1") || !strings.Contains(out, "mandatory") {
		t.Errorf("check of a changed quotation: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	// the example itself still passes
	code, out, errs = runCLI(t, lib, "brief", "check", filepath.Join("..", "examples", "sample.brief"))
	if code != 0 || !strings.Contains(out, "match the library") {
		t.Errorf("check of the example: exit %d %q %q", code, out, errs)
	}
}
