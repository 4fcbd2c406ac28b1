package index

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUnfinishedJournalKeepsStaging checks that when Open cannot finish an
// interrupted import (here a file named docs stands where the folder
// should be), the staged files its journal names are kept for the next
// Open, instead of being deleted as an abandoned import's, which lost the
// moves not yet done and left the import half made.
func TestUnfinishedJournalKeepsStaging(t *testing.T) {
	lib := t.TempDir()
	st := filepath.Join(lib, stagingPrefix+"test")
	if err := os.MkdirAll(filepath.Join(st, oldDocsDir), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(st, "pid"), []byte("999999999"), 0o644)
	os.WriteFile(filepath.Join(st, oldDocsDir, "a.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(lib, journalFile), []byte(`{"staging":".import-test","moves":["docs/a.json"],"removes":[]}`), 0o644)
	os.WriteFile(filepath.Join(lib, oldDocsDir), []byte("in the way"), 0o644)

	var notices []string
	notice := func(s string) { notices = append(notices, s) }
	finishImport(lib, notice)
	if _, err := os.Stat(filepath.Join(st, oldDocsDir, "a.json")); err != nil {
		t.Fatalf("the staged file of an unfinished journal was deleted: %v (notices %q)", err, notices)
	}
	if _, err := os.Stat(filepath.Join(lib, journalFile)); err != nil {
		t.Fatalf("journal gone: %v", err)
	}
	// Once the obstacle is gone, the next Open finishes the import.
	os.Remove(filepath.Join(lib, oldDocsDir))
	finishImport(lib, notice)
	if _, err := os.Stat(filepath.Join(lib, oldDocsDir, "a.json")); err != nil {
		t.Errorf("not moved in: %v (notices %q)", err, notices)
	}
	for _, p := range []string{journalFile, stagingPrefix + "test"} {
		if _, err := os.Stat(filepath.Join(lib, p)); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
}
