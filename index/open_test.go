package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
	"attache/seeds"
)

// mustSearch checks that a library answers a query with some hits.
func mustSearch(t *testing.T, l *Local, text string) *Results {
	t.Helper()
	res, err := l.Search(context.Background(), Query{Text: text})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	if res.Total == 0 {
		t.Fatalf("Search(%q): no hits", text)
	}
	return res
}

// noticeWith fails unless one notice contains want.
func noticeWith(t *testing.T, notices []string, want string) {
	t.Helper()
	for _, n := range notices {
		if strings.Contains(n, want) {
			if strings.Contains(n, "\n") {
				t.Errorf("notice is not one line: %q", n)
			}
			return
		}
	}
	t.Errorf("notices %q, want one containing %q", notices, want)
}

func TestFirstOpenBuildsThenReuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "library")
	l, notices := openFresh(t, dir)
	noticeWith(t, *notices, "building the search index in "+dir)
	want := mustSearch(t, l, "cavi sottomarini").Total
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := l.Search(context.Background(), Query{Text: "cavi"}); !errors.Is(err, ErrClosed) {
		t.Errorf("Search after Close: %v", err)
	}
	st, err := readStamp(dir)
	if err != nil || st == nil || st.Mapping != MappingVersion || st.Corpus == "" || st.Passages == 0 {
		t.Fatalf("stamp after build: %+v, %v", st, err)
	}

	l, notices = openFresh(t, dir)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("reopening an up-to-date index gave notices %q", *notices)
	}
	if got := mustSearch(t, l, "cavi sottomarini").Total; got != want {
		t.Errorf("after reopening: %d hits, before %d", got, want)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), buildPrefix) || strings.HasPrefix(e.Name(), ".index.json") {
			t.Errorf("leftover %s in the library folder", e.Name())
		}
	}
}

// damage applies f to a built library folder, then checks that opening it
// rebuilds the index with a notice and that the index works again.
func damage(t *testing.T, reason string, f func(dir string)) {
	t.Helper()
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	want := mustSearch(t, l, "digitale").Total
	l.Close()
	f(dir)
	l, notices := openFresh(t, dir)
	defer l.Close()
	noticeWith(t, *notices, "rebuilding the index: "+reason)
	if got := mustSearch(t, l, "digitale").Total; got != want {
		t.Errorf("after rebuilding: %d hits, before %d", got, want)
	}
	// and the rebuilt index is good on the next open
	l.Close()
	l2, notices := openFresh(t, dir)
	defer l2.Close()
	if len(*notices) != 0 {
		t.Errorf("reopening after the rebuild gave notices %q", *notices)
	}
}

func TestCorruptIndexIsRebuilt(t *testing.T) {
	t.Run("garbage in every file", func(t *testing.T) {
		damage(t, "it could not be read", func(dir string) {
			n := 0
			filepath.WalkDir(filepath.Join(dir, indexDir), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					n++
					if err := os.WriteFile(p, []byte("this is not an index \x00\x01\x02 at all"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return nil
			})
			if n == 0 {
				t.Fatal("no index files to damage")
			}
		})
	})
	t.Run("segment deleted", func(t *testing.T) {
		// Bleve may open it without the segment: then it is short of passages
		damage(t, "it ", func(dir string) {
			segs, _ := filepath.Glob(filepath.Join(dir, indexDir, "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files")
			}
			for _, s := range segs {
				os.Remove(s)
			}
		})
	})
	t.Run("segment truncated", func(t *testing.T) {
		damage(t, "it ", func(dir string) {
			segs, _ := filepath.Glob(filepath.Join(dir, indexDir, "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files")
			}
			for _, s := range segs {
				os.Truncate(s, 100)
			}
		})
	})
	t.Run("index folder emptied", func(t *testing.T) {
		damage(t, "it could not be read", func(dir string) {
			os.RemoveAll(filepath.Join(dir, indexDir))
			os.Mkdir(filepath.Join(dir, indexDir), 0o755)
		})
	})
	t.Run("stamp truncated", func(t *testing.T) {
		damage(t, "its version stamp is unreadable", func(dir string) {
			os.Truncate(filepath.Join(dir, stampFile), 7)
		})
	})
	t.Run("stamp deleted", func(t *testing.T) {
		damage(t, "it has no version stamp", func(dir string) {
			os.Remove(filepath.Join(dir, stampFile))
		})
	})
}

func TestMissingIndexIsBuilt(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	l.Close()
	os.RemoveAll(filepath.Join(dir, indexDir))
	l, notices := openFresh(t, dir)
	defer l.Close()
	noticeWith(t, *notices, "building the search index")
	mustSearch(t, l, "digitale")
}

func TestStaleIndexIsRebuilt(t *testing.T) {
	t.Run("mapping version", func(t *testing.T) {
		damage(t, "the index format changed", func(dir string) {
			st, _ := readStamp(dir)
			st.Mapping--
			writeStamp(dir, *st)
		})
	})
	t.Run("corpus fingerprint", func(t *testing.T) {
		damage(t, "the library's documents changed", func(dir string) {
			st, _ := readStamp(dir)
			st.Corpus = strings.Repeat("0", 64)
			writeStamp(dir, *st)
		})
	})
	t.Run("a document added by an earlier Attaché", func(t *testing.T) {
		dir := t.TempDir()
		l, _ := openFresh(t, dir)
		l.Close()
		doc := corpus.Document{
			Meta: corpus.Meta{ID: "note-2026", Title: "A test note on quokkas", Lang: "en"},
			Passages: []corpus.Passage{{ID: "note-2026#1", Seq: 0, Kind: "paragraph", Locator: "para. 1",
				Text: "Quokkas are small marsupials with digital cameras."}},
		}
		b, _ := json.Marshal(doc)
		os.MkdirAll(filepath.Join(dir, oldDocsDir), 0o755)
		os.WriteFile(filepath.Join(dir, oldDocsDir, "note-2026.json"), b, 0o644)
		os.WriteFile(filepath.Join(dir, oldDocsDir, "broken.json"), []byte("{"), 0o644)
		l, notices := openFresh(t, dir)
		defer l.Close()
		noticeWith(t, *notices, "converting the library in "+dir+" to its new store: 1 imported documents")
		noticeWith(t, *notices, "leaving out imported document broken.json")
		res := mustSearch(t, l, "quokka")
		if res.Hits[0].ID != "note-2026#1" || res.Hits[0].Citation != "A test note on quokkas, para. 1" {
			t.Errorf("imported passage hit: %+v", res.Hits[0])
		}
		docs, _ := l.Documents()
		if last := docs[len(docs)-1]; last.ID != "note-2026" || last.Seed || last.Passages != 1 {
			t.Errorf("imported document listed as %+v", last)
		}
	})
}

// lockHelperEnv names the library folder the subprocess of
// TestLockedIndexIsReported opens.
const lockHelperEnv = "ATTACHE_TEST_LOCKED_LIBRARY"

// TestLockedHelper runs only as the subprocess of
// TestLockedIndexIsReported: it opens the library, searches it and prints
// the outcome.
func TestLockedHelper(t *testing.T) {
	dir := os.Getenv(lockHelperEnv)
	if dir == "" {
		t.Skip("only run as a subprocess")
	}
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		fmt.Printf("OPEN-ERROR in-use=%v: %v\n", errors.Is(err, ErrInUse), err)
		return
	}
	defer l.Close()
	res, err := l.Search(context.Background(), Query{Text: "digitale"})
	if err != nil {
		fmt.Printf("SEARCH-ERROR: %v\n", err)
		return
	}
	fmt.Printf("OPEN-OK %d hits\n", res.Total)
}

func TestLockedIndexIsReported(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	defer l.Close()
	hits := mustSearch(t, l, "digitale").Total
	run := func() string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLockedHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), lockHelperEnv+"="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("subprocess: %v\n%s", err, out)
		}
		return string(out)
	}
	// two processes can search the same index at once
	if out := run(); !strings.Contains(out, fmt.Sprintf("OPEN-OK %d hits", hits)) {
		t.Errorf("second process, index up to date, said:\n%s", out)
	}
	// but the second may not rebuild the index under the first
	st, _ := readStamp(dir)
	st.Corpus = "changed"
	writeStamp(dir, *st)
	out := run()
	want := fmt.Sprintf("OPEN-ERROR in-use=true: library %s is in use by another Attaché process", dir)
	if !strings.Contains(out, want) {
		t.Errorf("second process, stale index, said:\n%s\nwant %q", out, want)
	}
	mustSearch(t, l, "digitale")
	// once the first process closes, the second rebuilds and opens
	l.Close()
	if out := run(); !strings.Contains(out, fmt.Sprintf("OPEN-OK %d hits", hits)) {
		t.Errorf("after close, second process said:\n%s", out)
	}
}

func TestChangeIndexesWhatItPuts(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	defer l.Close()
	doc := &corpus.Document{
		Meta: corpus.Meta{ID: "memo", Title: "Memo on wombats", Lang: "en"},
		Passages: []corpus.Passage{{ID: "memo#1", Kind: "paragraph", Locator: "para. 1",
			Text: "Wombats dig burrows with their strong claws."}},
	}
	err := l.change(func(tx *bolt.Tx) ([]string, []*corpus.Document, error) {
		_, err := putDocument(tx, doc, false, taggerOf(l), catalogueOrder(doc.ID, false, 0))
		return nil, []*corpus.Document{doc}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, l, "wombat burrow"); res.Hits[0].ID != "memo#1" || res.Hits[0].Citation != "Memo on wombats, para. 1" {
		t.Errorf("added passage not found first: %v", hitIDs(res))
	}
	if got := mustSearch(t, l, "digitale").Total; got == 0 {
		t.Error("seed passages lost")
	}
	l.Close()
	l, notices := openFresh(t, dir)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("reopening after a change said %q", *notices)
	}
}

// TestAnotherBuildsSeedsWhileInUse opens a library whose seeds were cached
// by another build of Attaché while that one has it open: the seeds are
// used as they are instead of failing, since they cannot be refreshed.
func TestAnotherBuildsSeedsWhileInUse(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	l.Close()
	s, err := openDocStore(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaSeeds, []byte("another build")) })
	s.close()
	other, err := openDocStore(dir, true) // the other build, reading
	if err != nil {
		t.Fatal(err)
	}
	l, notices := openFresh(t, dir)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("opening said %q", *notices)
	}
	mustSearch(t, l, "digitale")
	other.close()
}
