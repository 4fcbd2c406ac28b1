package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportRemoveEditCommands(t *testing.T) {
	dir := t.TempDir()
	src := t.TempDir()
	os.WriteFile(filepath.Join(src, "empty.txt"), nil, 0o644)
	data, _ := os.ReadFile("../testdata/import/council.html")
	os.WriteFile(filepath.Join(src, "council.html"), data, 0o644)

	code, out, errOut := runCLI(t, dir, "import", "--json", src, "../testdata/import/strategy.md")
	if code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		Added []struct {
			ID, Title, Lang, Format string
			Passages                int
		}
		Skipped []struct{ Path, Reason string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	if len(rep.Added) != 2 || len(rep.Skipped) != 1 || rep.Skipped[0].Reason != "empty file" {
		t.Fatalf("report: %+v", rep)
	}
	if !strings.Contains(errOut, "reading 3 files") {
		t.Errorf("progress lines: %q", errOut)
	}
	id := rep.Added[0].ID
	if rep.Added[0].Format != "html" {
		id = rep.Added[1].ID
	}

	// Importing again changes nothing.
	code, out, _ = runCLI(t, dir, "import", src)
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 1 unchanged, 1 skipped") {
		t.Errorf("re-import: %d %q", code, out)
	}

	code, out, errOut = runCLI(t, dir, "doc", "edit", id, "--title", "Conclusioni (testo)", "--reference", "10919/23", "--date", "2023-06-26")
	if code != 0 || !strings.Contains(out, "Conclusioni (testo) (it, Consiglio dell'Unione europea, 2023-06-26, 10919/23)") {
		t.Errorf("doc edit: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, dir, "doc", "edit", id, "--lang", "italian")
	if code != 1 {
		t.Errorf("bad language: exit %d", code)
	}
	oneLineError(t, errOut, "two-letter")
	code, _, errOut = runCLI(t, dir, "doc", "edit", id)
	if code != 2 {
		t.Errorf("nothing to edit: exit %d", code)
	}
	oneLineError(t, errOut, "nothing to change")

	code, out, _ = runCLI(t, dir, "docs")
	if code != 0 || !strings.Contains(out, "Conclusioni (testo) (10919/23)") {
		t.Errorf("docs after edit: %q", out)
	}

	code, _, errOut = runCLI(t, dir, "remove", "join-2025-140")
	if code != 1 {
		t.Errorf("removing a seed: exit %d", code)
	}
	oneLineError(t, errOut, "ships with")
	code, out, _ = runCLI(t, dir, "remove", id)
	if code != 0 || !strings.Contains(out, "removed "+id) {
		t.Errorf("remove: %d %q", code, out)
	}
	code, _, errOut = runCLI(t, dir, "remove", id)
	if code != 1 {
		t.Errorf("removing twice: exit %d", code)
	}
	oneLineError(t, errOut, "not found")

	code, _, errOut = runCLI(t, dir, "import")
	if code != 2 {
		t.Errorf("import without paths: exit %d", code)
	}
	oneLineError(t, errOut, "no file or folder")
	code, _, errOut = runCLI(t, dir, "import", filepath.Join(src, "empty.txt"))
	if code != 1 {
		t.Errorf("import of only bad files: exit %d", code)
	}
	// The progress line comes first, then the error.
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	oneLineError(t, lines[len(lines)-1], "no document imported")
}
