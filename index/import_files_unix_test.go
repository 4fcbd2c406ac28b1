//go:build unix

package index

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestCollectFilesSkipsSpecialFiles checks that a FIFO or a device named
// on the command line is skipped with its reason, instead of being read:
// a FIFO blocked the import for ever, /dev/zero filled memory.
func TestCollectFilesSkipsSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	paths := []string{fifo}
	if _, err := os.Stat("/dev/zero"); err == nil {
		paths = append(paths, "/dev/zero")
	}
	rep := &ImportReport{}
	if jobs := collectFiles(paths, rep); len(jobs) != 0 {
		t.Errorf("jobs for special files: %d", len(jobs))
	}
	if len(rep.Skipped) != len(paths) {
		t.Fatalf("skipped %+v", rep.Skipped)
	}
	for _, s := range rep.Skipped {
		if s.Reason != "not a regular file" {
			t.Errorf("%s: %q", s.Path, s.Reason)
		}
	}
}
