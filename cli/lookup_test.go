package cli

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestLookupRestoresTheCollectorAndWritesEverything checks that a lookup
// (search, docs) prints all of its output through its buffer and leaves
// the garbage collector's target as it found it, for the next command run
// in the same process.
func TestLookupRestoresTheCollectorAndWritesEverything(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: lookups leave the collector alone")
	}
	dir := t.TempDir()
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	code, out, errOut := runCLI(t, dir, "docs")
	if code != 0 {
		t.Fatalf("docs: exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, "\n"); n < 4 {
		t.Fatalf("docs printed %d lines, want one per seed at least:\n%s", n, out)
	}
	code, out, errOut = runCLI(t, dir, "search", "--limit", "50", "cables")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), "passages") {
		t.Errorf("search's output does not end with its count of passages:\n%s", out)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the lookups the collector's target is %d, want 100 as before", got)
	}
	env := Env{}
	holdBackGC(&env)
	if env.gcPercent != 0 {
		t.Error("holdBackGC changed the collector outside a lookup")
	}
}
