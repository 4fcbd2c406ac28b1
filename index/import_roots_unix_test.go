//go:build unix

package index

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCollectFilesFollowsNamedLink checks that a symbolic link to a folder
// named on the command line is followed (as find -H does), while links
// inside folders are not followed and are reported as skipped. Before the
// fix "import linkdir" found nothing and said nothing.
func TestCollectFilesFollowsNamedLink(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(folder, n), []byte("Some text."), 0o644)
	}
	outside := filepath.Join(dir, "outside")
	os.Mkdir(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("Elsewhere."), 0o644)
	os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(folder, "inner-file.txt"))
	os.Symlink(outside, filepath.Join(folder, "inner-dir"))
	link := filepath.Join(dir, "linkdir")
	if err := os.Symlink("folder", link); err != nil {
		t.Fatal(err)
	}

	rep := &ImportReport{}
	jobs := collectFiles([]string{link}, rep)
	var got []string
	for _, j := range jobs {
		got = append(got, j.Path)
	}
	sort.Strings(got)
	want := []string{filepath.Join(link, "a.txt"), filepath.Join(link, "b.txt"), filepath.Join(link, "c.txt")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("jobs %q, want %q", got, want)
	}
	var skipped []string
	for _, s := range rep.Skipped {
		skipped = append(skipped, filepath.Base(s.Path)+": "+s.Reason)
	}
	sort.Strings(skipped)
	if len(skipped) != 2 || !strings.HasPrefix(skipped[0], "inner-dir: a symbolic link") || !strings.HasPrefix(skipped[1], "inner-file.txt: a symbolic link") {
		t.Errorf("skipped %q, want the two inner links", skipped)
	}
}
