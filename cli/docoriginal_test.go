package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocOriginalCommand imports a file, then gets its original back: to
// the file's own name in the current folder (never over a file there), to
// a file --out names (replaced whole), and to standard output; a seed has
// none, an unknown ID is a one-line error.
func TestDocOriginalCommand(t *testing.T) {
	dir := t.TempDir()
	want, err := os.ReadFile("../testdata/import/council.html")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, dir, "import", "--json", "../testdata/import/council.html")
	if code != 0 {
		t.Fatalf("import: exit %d, stderr %q", code, errOut)
	}
	var rep struct{ Added []struct{ ID string } }
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Added) != 1 {
		t.Fatalf("import report: %v %s", err, out)
	}
	id := rep.Added[0].ID

	work := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(work); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code, out, errOut = runCLI(t, dir, "doc", "original", id)
	if code != 0 || !strings.Contains(out, "wrote council.html") {
		t.Fatalf("doc original: exit %d, %q %q", code, out, errOut)
	}
	if got, err := os.ReadFile(filepath.Join(work, "council.html")); err != nil || string(got) != string(want) {
		t.Errorf("the original written: %v, %d bytes, want %d", err, len(got), len(want))
	}
	// Not over a file of that name.
	os.WriteFile(filepath.Join(work, "council.html"), []byte("mine"), 0o644)
	code, _, errOut = runCLI(t, dir, "doc", "original", id)
	if code != 1 {
		t.Errorf("over an existing file: exit %d", code)
	}
	oneLineError(t, errOut, "council.html exists already")
	if got, _ := os.ReadFile(filepath.Join(work, "council.html")); string(got) != "mine" {
		t.Errorf("the existing file was changed")
	}
	// --out replaces the file it names, whole.
	code, out, errOut = runCLI(t, dir, "doc", "original", id, "--out", filepath.Join(work, "council.html"))
	if code != 0 {
		t.Fatalf("doc original --out: exit %d, %q %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(work, "council.html")); string(got) != string(want) {
		t.Errorf("--out did not replace the file")
	}
	if left, _ := filepath.Glob(filepath.Join(work, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	code, out, _ = runCLI(t, dir, "doc", "original", "--out", "-", id)
	if code != 0 || out != string(want) {
		t.Errorf("to standard output: exit %d, %d bytes", code, len(out))
	}

	code, _, errOut = runCLI(t, dir, "doc", "original", "join-2025-140")
	if code != 1 {
		t.Errorf("a seed's original: exit %d", code)
	}
	oneLineError(t, errOut, "ships with")
	code, _, errOut = runCLI(t, dir, "doc", "original", "no-such-doc")
	if code != 1 {
		t.Errorf("an unknown document: exit %d", code)
	}
	oneLineError(t, errOut, "not found")
	code, _, errOut = runCLI(t, dir, "doc", "original")
	if code != 2 {
		t.Errorf("no ID: exit %d", code)
	}
	oneLineError(t, errOut, "give one document ID")
	code, out, _ = runCLI(t, dir, "doc", "original", "-h")
	if code != 0 || !strings.Contains(out, "Usage: attache doc original ID [--out FILE]") {
		t.Errorf("help: %d %q", code, out)
	}
}
