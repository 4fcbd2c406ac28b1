package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/briefing"
)

// TestPlantedLinkWarnsOnce checks that exporting a received brief whose
// source address is javascript: and whose note cites file: warns once,
// in one line, and prints neither as a live link. Before the fix there
// was no warning and both were live.
func TestPlantedLinkWarnsOnce(t *testing.T) {
	dir := t.TempDir()
	b, err := briefing.New(briefing.Header{Title: "Cables", Lang: "en"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	sec, _ := b.AddSection("Background", -1)
	x := briefing.Excerpt{PassageID: pCouncil, Full: "Il Consiglio sottolinea l'importanza dei cavi.",
		Source: briefing.Source{DocID: "council-2023", Title: "Conclusioni", Lang: "it", URL: "javascript:app.alert(1)"},
		Notes:  []briefing.Note{{Number: "1", Text: "See.", URLs: []string{"file:///etc/passwd"}}}}
	if _, err := b.AddExcerpt(sec, x, -1); err != nil {
		t.Fatal(err)
	}
	f, md := filepath.Join(dir, "c.brief"), filepath.Join(dir, "c.md")
	if err := briefing.Save(f, b); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, t.TempDir(), "export", f, "-o", md, "--no-check")
	if code != 0 {
		t.Fatalf("export: %d %q", code, errs)
	}
	if n := strings.Count(errs, "not http, https or mailto"); n != 1 {
		t.Errorf("stderr %q: %d link warnings, want 1", errs, n)
	}
	out, _ := os.ReadFile(md)
	if strings.Contains(string(out), " <javascript:") || strings.Contains(string(out), " <file:") {
		t.Errorf("Markdown has live links:\n%s", out)
	}
}
