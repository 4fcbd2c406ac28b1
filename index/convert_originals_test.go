package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The documents of testdata/library-v1 (see its README.md).
const (
	v1Strategy     = "digital-strategy-notes-e9ee2272" // strategy.md
	v1StrategyCopy = "digital-strategy-notes-3f48dfcf" // strategy-copy.md, the same bytes, edited
	v1Council      = "conclusioni-sulla-diplomazia-digitale-3811b331"
	v1Nota         = "nota-sulla-strategia-digitale-70c1b5f9"
)

// copyLibraryV1 copies testdata/library-v1, a library folder made by the
// Attaché that kept its originals as files, into a new folder.
func copyLibraryV1(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library")
	if out, err := exec.Command("cp", "-r", "../testdata/library-v1", lib).CombinedOutput(); err != nil {
		t.Fatalf("copy the old library: %v %s", err, out)
	}
	os.Remove(filepath.Join(lib, "README.md"))
	return lib
}

// TestOriginalFilesConvertOnce opens a library folder written by the
// Attaché that kept each original as a file of its own, stopped (as a kill
// would) after committing an import and before moving one of its copies in,
// with the staging folder of another import that never committed and a
// stray file no document names: Open finishes the old import, deletes the
// abandoned staging, moves every copy into the store once (identical files
// kept once), with one notice, and nothing is lost.
func TestOriginalFilesConvertOnce(t *testing.T) {
	lib := copyLibraryV1(t)
	copies := readFiles(t, filepath.Join(lib, originalsDir))
	if len(copies) != 4 {
		t.Fatalf("the fixture holds %d copies", len(copies))
	}
	// The committed import whose journal still has a move to do.
	st := filepath.Join(lib, stagingPrefix+"test")
	os.MkdirAll(filepath.Join(st, originalsDir), 0o755)
	os.WriteFile(filepath.Join(st, "pid"), []byte("999999999"), 0o644)
	staged := filepath.Join(originalsDir, v1Nota+".txt")
	if err := os.Rename(filepath.Join(lib, staged), filepath.Join(st, staged)); err != nil {
		t.Fatal(err)
	}
	s, err := openDocStore(lib, false)
	if err != nil {
		t.Fatal(err)
	}
	s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(metaJournal, []byte(fmt.Sprintf(`{"staging":%q,"moves":[%q],"removes":[]}`, stagingPrefix+"test", staged)))
	})
	s.close()
	// An import killed while it staged, and a file nothing names.
	dead := filepath.Join(lib, stagingPrefix+"dead")
	os.MkdirAll(filepath.Join(dead, originalsDir), 0o755)
	os.WriteFile(filepath.Join(dead, "pid"), []byte("999999999"), 0o644)
	os.WriteFile(filepath.Join(dead, originalsDir, "never-imported-00000000.md"), []byte("# Never\n"), 0o644)
	os.WriteFile(filepath.Join(lib, originalsDir, "stray-00000000.md"), []byte("# Stray\n"), 0o644)

	l, notices := openFresh(t, lib)
	noticeWith(t, *notices, "finishing an import that was interrupted")
	noticeWith(t, *notices, "converting the library in "+lib+": the copies of 4 imported files move into its store; 1 file no document was read from stays in "+convertedOriginalsDir)
	t.Logf("notices: %q", *notices)
	infos, err := l.Documents()
	if err != nil {
		t.Fatal(err)
	}
	user := 0
	for _, d := range infos {
		if d.Seed {
			continue
		}
		user++
		o, err := l.Original(d.ID)
		if err != nil {
			t.Errorf("original of %s: %v", d.ID, err)
			continue
		}
		want, ok := copies[d.ID+filepath.Ext(d.Source)]
		if !ok || string(o.Data) != want || o.Name != d.Source {
			t.Errorf("original of %s: %q, %d bytes, the file had %d", d.ID, o.Name, len(o.Data), len(want))
		}
	}
	if user != 4 {
		t.Errorf("%d imported documents, the fixture has 4", user)
	}
	if n := countOriginals(t, l); n != 3 {
		t.Errorf("%d originals kept for 4 documents, 2 of them of identical files", n)
	}
	if d, _ := l.Document(v1StrategyCopy); d.Title != "Strategy notes, edited" || d.Reference != "NOTE/2025/7" {
		t.Errorf("edited document: %+v", d.Meta)
	}
	if b, err := os.ReadFile(filepath.Join(lib, convertedOriginalsDir, "stray-00000000.md")); err != nil || string(b) != "# Stray\n" {
		t.Errorf("the stray file was not kept aside: %v", err)
	}
	for _, p := range []string{st, dead, filepath.Join(lib, originalsDir)} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
	if res := findIn(t, l, "diplomazia digitale doc:"+v1Council); res.Total == 0 {
		t.Error("a converted document is not found")
	}
	checkConsistent(t, l)
	l.Close()

	// The second open has nothing to do; removing one of two documents of
	// identical files keeps their original for the other.
	l, notices = openFresh(t, lib)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("the second open said %q", *notices)
	}
	if err := l.Remove(v1Strategy); err != nil {
		t.Fatal(err)
	}
	if o, err := l.Original(v1StrategyCopy); err != nil || string(o.Data) != copies[v1Strategy+".md"] {
		t.Errorf("the original of the copy after removing the first: %v", err)
	}
	if err := l.Remove(v1StrategyCopy); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Original(v1StrategyCopy); !errors.Is(err, ErrNotFound) {
		t.Errorf("original of a removed document: %v", err)
	}
	if n := countOriginals(t, l); n != 2 {
		t.Errorf("%d originals kept for 2 documents", n)
	}
	checkConsistent(t, l)
	// The library goes on importing.
	rep, err := l.Import(context.Background(), []string{"../testdata/import/strategy.md"}, nil)
	if err != nil || len(rep.Added)+len(rep.Updated) != 1 {
		t.Fatalf("import after conversion: %v %+v", err, rep)
	}
	checkConsistent(t, l)
}

// TestOriginalFilesReadUntilConverted opens the library-v1 folder while
// another process has its store open (here another handle on it), so that
// Open cannot convert it: the library works, each original read from its
// file; the next Open, alone, converts it.
func TestOriginalFilesReadUntilConverted(t *testing.T) {
	lib := copyLibraryV1(t)
	copies := readFiles(t, filepath.Join(lib, originalsDir))
	other, err := bolt.Open(filepath.Join(lib, storeFile), 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	l, notices := openFresh(t, lib)
	t.Logf("notices: %q", *notices)
	for _, id := range []string{v1Strategy, v1Council, v1Nota} {
		o, err := l.Original(id)
		if err != nil {
			t.Fatalf("original of %s while not converted: %v", id, err)
		}
		d, _ := l.Document(id)
		if string(o.Data) != copies[id+filepath.Ext(d.Source)] || o.Name != d.Source {
			t.Errorf("original of %s: %q, %d bytes", id, o.Name, len(o.Data))
		}
	}
	if !hasOldOriginals(lib) {
		t.Fatal("converted although the store was in use: the test tests nothing")
	}
	mustSearch(t, l, "digitale")
	l.Close()
	other.Close()

	l, notices = openFresh(t, lib)
	defer l.Close()
	noticeWith(t, *notices, "the copies of 4 imported files move into its store")
	if o, err := l.Original(v1Nota); err != nil || string(o.Data) != copies[v1Nota+".txt"] {
		t.Errorf("original after the conversion: %v", err)
	}
	checkConsistent(t, l)
}

// TestStaleOriginalFileKeptAside: a file in originals/ that is not the one
// its document was read from (its SHA-256 is not the document's checksum),
// when the store has that one, does not replace it: it is kept aside.
func TestStaleOriginalFileKeptAside(t *testing.T) {
	lib := copyLibraryV1(t)
	copies := readFiles(t, filepath.Join(lib, originalsDir))
	l, _ := openFresh(t, lib)
	l.Close()
	os.MkdirAll(filepath.Join(lib, originalsDir), 0o755)
	os.WriteFile(filepath.Join(lib, originalsDir, v1Council+".html"), []byte("<p>an older copy</p>"), 0o644)
	l, notices := openFresh(t, lib)
	defer l.Close()
	noticeWith(t, *notices, "the copies of 0 imported files move into its store; 1 file no document was read from stays in "+convertedOriginalsDir)
	if o, err := l.Original(v1Council); err != nil || string(o.Data) != copies[v1Council+".html"] {
		t.Errorf("the original was replaced by a stale file: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(lib, convertedOriginalsDir, v1Council+".html")); string(b) != "<p>an older copy</p>" {
		t.Errorf("the stale file was not kept aside")
	}
	checkConsistent(t, l)
}
