package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportReportQuotesControlCharacters checks the probe's case: a file
// whose name holds a newline and a forged report line. The report must
// show the name quoted, on its own line, and print no line it did not
// write. Before the fix the name printed a fake "added" line.
func TestImportReportQuotesControlCharacters(t *testing.T) {
	src := t.TempDir()
	forged := "x\nadded    fake-doc  Injected line (text, en, 1 passages)"
	// the title comes from the name when the text has none
	text := []byte("the council stresses the role of undersea cables, which carry most of the traffic between the continents and which need protection.")
	if err := os.WriteFile(filepath.Join(src, forged+".txt"), text, 0o644); err != nil {
		t.Skip("no newline in file names here:", err)
	}
	os.WriteFile(filepath.Join(src, "bell\a.txt"), nil, 0o644) // empty: skipped, with its name
	os.WriteFile(filepath.Join(src, forged+".md"), nil, 0o644) // empty too
	code, out, errs := runCLI(t, t.TempDir(), "import", src)
	if code != 0 {
		t.Fatalf("import: %d %q", code, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "added    fake-doc") {
			t.Errorf("forged line printed:\n%s", out)
		}
	}
	if !strings.Contains(out, `x\nadded    fake-doc`) || !strings.Contains(out, `bell\a.txt"`) {
		t.Errorf("names not quoted:\n%s", out)
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d lines, want 4 (added, two skipped, summary):\n%s", n, out)
	}
}
