package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyFilesRefused checks that "brief add" on a read-only .brief
// and "export" over a read-only PDF refuse in one line and leave the files
// as they were, as an editor refuses to save over a read-only file. Before
// the fix both were silently replaced. The tests run as root here, and
// root may write any file: the refusal reads the mode bits.
func TestReadOnlyFilesRefused(t *testing.T) {
	lib, dir := t.TempDir(), t.TempDir()
	f := filepath.Join(dir, "note.brief")
	if code, _, errs := runCLI(t, lib, "brief", "new", f, "--title", "Locked"); code != 0 {
		t.Fatalf("new: %s", errs)
	}
	if err := os.Chmod(f, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(f)
	code, _, errs := runCLI(t, lib, "brief", "add", f, pCouncil)
	if code != 1 {
		t.Errorf("brief add on a read-only brief: exit %d", code)
	}
	lastLineError(t, errs, "the file is read-only")
	if after, _ := os.ReadFile(f); string(after) != string(before) {
		t.Error("brief add rewrote a read-only brief")
	}

	pdf := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(pdf, []byte("an older export"), 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, lib, "export", f, "-o", pdf)
	if code != 1 {
		t.Errorf("export over a read-only PDF: exit %d", code)
	}
	lastLineError(t, errs, "the file is read-only")
	if after, _ := os.ReadFile(pdf); string(after) != "an older export" {
		t.Error("export replaced a read-only PDF")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	if strings.Contains(errs, dir+"/.") {
		t.Errorf("error names a temporary file: %q", errs)
	}
}

// lastLineError checks that the last line of stderr is an error line
// containing want (progress and warnings may come before it).
func lastLineError(t *testing.T, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "attache: ") || !strings.Contains(last, want) || strings.Contains(stderr, "goroutine") {
		t.Errorf("stderr %q, want a last error line containing %q", stderr, want)
	}
}
