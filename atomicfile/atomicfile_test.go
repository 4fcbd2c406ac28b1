package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := WriteFile(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", st.Mode().Perm())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("content %q", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v, want its old 0600", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteFailureLeavesOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("failed write changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	err = WriteFile(filepath.Join(dir, "no", "such", "x"), nil)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing folder: %v", err)
	}
}

// TestWriteRefusesReadOnly checks that a read-only file is not replaced.
// The test runs as root on the build machine, and root may write any file:
// the refusal reads the mode bits, so it holds for root as for a user.
func TestWriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locked.pdf")
	if err := os.WriteFile(path, []byte("keep"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("new"))
	if !errors.Is(err, ErrReadOnly) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v, want ErrReadOnly", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Errorf("read-only file replaced: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// through a link to it too
	link := filepath.Join(dir, "link.pdf")
	os.Symlink("locked.pdf", link)
	if err := WriteFile(link, []byte("new")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("through a link: %v", err)
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "shared"), 0o755)
	real := filepath.Join(dir, "shared", "a.txt")
	if err := WriteFile(real, []byte("one")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(filepath.Join("shared", "a.txt"), link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(real); string(b) != "two" {
		t.Errorf("linked file holds %q", b)
	}
	if err := WriteFile(filepath.Join(dir, "shared"), nil); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("write over a folder: %v", err)
	}
}

func TestWriteLongName(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("è", 120)+".brief") // 246 bytes
	for _, s := range []string{"one", "two"} {
		if err := WriteFile(path, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("content %q", b)
	}
}
