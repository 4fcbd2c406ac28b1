package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// checkAsItWas fails unless the library holds its seeds only, searchable,
// with nothing of a failed import left, and opens again without a notice.
func checkAsItWas(t *testing.T, l *Local, word string) {
	t.Helper()
	if n := checkConsistent(t, l); n != 0 {
		t.Errorf("%d documents of a failed import", n)
	}
	mustSearch(t, l, "digitale")
	if res := findIn(t, l, word); res.Total != 0 {
		t.Errorf("a failed import's passages are found: %s", describeHits(res))
	}
	entries, _ := os.ReadDir(l.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagingPrefix) {
			t.Errorf("staging folder left: %s", e.Name())
		}
	}
	if n := countOriginals(t, l); n != 0 {
		t.Errorf("%d copies of originals left", n)
	}
	dir := l.Dir()
	l.Close()
	l2, notices := openFresh(t, dir)
	defer l2.Close()
	if len(*notices) != 0 {
		t.Errorf("reopening after the failed import said %q", *notices)
	}
	mustSearch(t, l2, "digitale")
}

// TestFailedImportLeavesTheLibraryAsItWas fails an import as a full disk
// does (ENOSPC), while it indexes and in its commit (issue 11 item 5): the
// error is one line saying nothing was imported, and the library is as it
// was and searchable.
func TestFailedImportLeavesTheLibraryAsItWas(t *testing.T) {
	for _, stage := range []string{"index", "originals", "commit"} {
		t.Run(stage, func(t *testing.T) {
			l, _ := openFresh(t, t.TempDir())
			defer l.Close()
			if stage == "originals" {
				// one transaction an original: some are committed
				// (pending) when the third fails
				defer func(n int) { originalsBatch = n }(originalsBatch)
				originalsBatch = 1
			}
			var mu sync.Mutex
			calls := 0
			importFault = func(s string) error {
				if s != stage {
					return nil
				}
				mu.Lock()
				defer mu.Unlock()
				if calls++; calls < 3 && stage != "commit" {
					return nil // some documents are in the index already
				}
				return fmt.Errorf("write %s: %w", filepath.Join(l.Dir(), "index.bleve", "store", "000000000009.zap"), syscall.ENOSPC)
			}
			defer func() { importFault = nil }()
			_, err := l.Import(context.Background(), []string{writePack(t, 8, "charlieword")}, nil)
			if err == nil {
				t.Fatal("the import did not fail")
			}
			checkNothingImported(t, err, "no space left on device")
			importFault = nil
			checkAsItWas(t, l, "charlieword")
		})
	}
}

// TestImportOnAFullDisk imports into a library on a 2 MB tmpfs, as the
// probe of issue 11 did, when this test may mount one (as root, with mount
// allowed); elsewhere TestFailedImportLeavesTheLibraryAsItWas stands in
// for it with an injected ENOSPC.
func TestImportOnAFullDisk(t *testing.T) {
	mnt := smallDisk(t, "3m")
	lib := filepath.Join(mnt, "library")
	l, _ := openFresh(t, lib)
	defer l.Close()
	fillDisk(t, mnt, 400<<10) // what the library left free but about 400 KB
	src := t.TempDir()
	for i := 0; i < 20; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Deltaword report %d\n\n", i)
		for k := 0; k < 300; k++ {
			fmt.Fprintf(&b, "Paragraph %d of report %d on deltaword cables, landing stations and repair ships in region %d.\n\n", k, i, k*i)
		}
		os.WriteFile(filepath.Join(src, fmt.Sprintf("report-%02d.md", i)), []byte(b.String()), 0o644)
	}
	_, err := l.Import(context.Background(), []string{src}, nil)
	if err == nil {
		t.Skip("the import fitted on the disk")
	}
	t.Logf("the import said: %v", err)
	checkNothingImported(t, err)
	os.Remove(filepath.Join(mnt, "filler"))
	checkAsItWas(t, l, "deltaword")
}

// TestImportOnADiskTooFullForTheOriginals imports files whose text is
// short but whose bytes (an HTML page's comments and markup) do not fit
// on the disk: the import passes the check of free space for its text and
// fails when it would write the copies of the originals into the room the
// index needs; then nothing was imported, no original is kept, and the
// library is as it was.
func TestImportOnADiskTooFullForTheOriginals(t *testing.T) {
	mnt := smallDisk(t, "40m")
	lib := filepath.Join(mnt, "library")
	l, _ := openFresh(t, lib)
	defer l.Close()
	// Leave 20 MB free: above what the import's text needs (8 MB and a
	// little), enough for a batch of its originals (4 MB) beside that,
	// not for all of them (16 MB).
	fillDisk(t, mnt, 20<<20)
	src := t.TempDir()
	for i := 0; i < 8; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "<html><body><h1>Echoword page %d</h1><p>A short page on echoword cables.</p>\n", i)
		for b.Len() < 2<<20 {
			fmt.Fprintf(&b, "<!-- %d %x -->\n", i, b.Len()*7919+i)
		}
		b.WriteString("</body></html>\n")
		os.WriteFile(filepath.Join(src, fmt.Sprintf("page-%d.html", i)), []byte(b.String()), 0o644)
	}
	batches := 0
	originalsCommitted = func() { batches++ }
	defer func() { originalsCommitted = nil }()
	_, err := l.Import(context.Background(), []string{src}, nil)
	if err == nil {
		t.Fatal("the import fitted on the disk")
	}
	t.Logf("the import said: %v", err)
	if batches == 0 {
		t.Error("no original was written before the disk was full: the test tests less than it says")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "nothing was imported, the library is as it was") || strings.Contains(msg, "undoing it failed") {
		t.Errorf("error %q", msg)
	}
	os.Remove(filepath.Join(mnt, "filler"))
	checkAsItWas(t, l, "echoword")
}

// smallDisk mounts a tmpfs of the given size (mount's size=, "3m") on a
// temporary folder for the test and returns the folder, unmounted at the
// test's end. It skips the test where it may not mount one (not root, or
// mount refused) and under -short.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if testing.Short() || os.Geteuid() != 0 {
		t.Skip("needs root to mount a tmpfs")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", mnt).Run() })
	return mnt
}

// fillDisk writes a file "filler" into the file system of mnt so that
// only about leave bytes stay free.
func fillDisk(t *testing.T, mnt string, leave int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(mnt, &st); err != nil {
		t.Fatal(err)
	}
	if free := int64(st.Bavail) * int64(st.Bsize); free > leave {
		if err := os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, free-leave), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkNothingImported checks that a failed import's error is one line
// saying nothing was imported and the library is as it was, and names
// each of also.
func checkNothingImported(t *testing.T, err error, also ...string) {
	t.Helper()
	msg := err.Error()
	ok := !strings.Contains(msg, "\n") && strings.Contains(msg, "nothing was imported, the library is as it was")
	for _, a := range also {
		ok = ok && strings.Contains(msg, a)
	}
	if !ok {
		t.Errorf("error %q", msg)
	}
}
