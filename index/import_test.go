package index

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"attache/seeds"
)

// writeFolder makes a folder of mixed documents to import: good ones in
// several formats, a bad one, an image and a hidden file.
func writeFolder(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.MkdirAll(sub, 0o755)
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("# Cable report %d\n\nThe Union will map the submarine cables of region %d and protect their landing stations against sabotage.\n\nMember States will share what they know about the threats to the cables in region %d.\n", i, i, i)
		name := filepath.Join(dir, fmt.Sprintf("report-%02d.md", i))
		if i%2 == 1 {
			name = filepath.Join(sub, fmt.Sprintf("report-%02d.md", i))
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("secret notes that are long enough"), 0o644)
	return dir
}

// checkConsistent fails unless the index holds exactly the passages of the
// library's documents and every imported document has its original in the
// store, with no original kept that no document uses (checkOriginals).
func checkConsistent(t *testing.T, l *Local) (user int) {
	t.Helper()
	infos, err := l.Documents()
	if err != nil {
		t.Fatal(err)
	}
	passages := 0
	for _, d := range infos {
		passages += d.Passages
		if !d.Seed {
			user++
		}
		doc, err := l.Document(d.ID)
		if err != nil {
			t.Errorf("document %s cannot be read: %v", d.ID, err)
		} else if len(doc.Passages) != d.Passages {
			t.Errorf("document %s has %d passages, its record says %d", d.ID, len(doc.Passages), d.Passages)
		}
	}
	n, err := l.idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != passages {
		t.Errorf("index holds %d passages, documents %d", n, passages)
	}
	if _, err := os.Stat(filepath.Join(l.Dir(), journalFile)); err == nil {
		t.Errorf("journal left behind")
	}
	l.read(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(metaJournal) != nil {
			t.Errorf("journal left in the store")
		}
		return nil
	})
	if st, err := readStamp(l.Dir()); err != nil || st == nil || st.Updating || st.Passages != passages {
		t.Errorf("stamp %+v (%v), %d passages", st, err, passages)
	}
	checkOriginals(t, l)
	return user
}

func TestImportFolder(t *testing.T) {
	src := writeFolder(t, 4)
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	defer l.Close()
	var calls []Progress
	rep, err := l.Import(context.Background(), []string{src, "../testdata/import"}, func(p Progress) { calls = append(calls, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 7 || len(rep.Skipped) != 2 {
		t.Fatalf("added %d, skipped %v", len(rep.Added), rep.Skipped)
	}
	reasons := map[string]string{}
	for _, s := range rep.Skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	if reasons["empty.txt"] != "empty file" || !strings.Contains(reasons["logo.png"], "image") {
		t.Errorf("reasons: %v", reasons)
	}
	if len(calls) == 0 || calls[len(calls)-1].Stage != "indexing" {
		t.Errorf("progress: %v", calls)
	}
	if checkConsistent(t, l) != 7 {
		t.Errorf("user documents missing")
	}
	var council ImportedDoc
	for _, d := range rep.Added {
		if strings.HasSuffix(d.Path, "council.html") {
			council = d
		}
	}
	if council.Lang != "it" || !strings.HasPrefix(council.ID, "conclusioni-sulla-diplomazia-digitale-") {
		t.Errorf("council: %+v", council)
	}
	if o, err := l.Original(council.ID); err != nil {
		t.Errorf("original not kept: %v", err)
	} else if want, _ := os.ReadFile("../testdata/import/council.html"); string(o.Data) != string(want) || o.Name != "council.html" {
		t.Errorf("original of council.html: %q, %d bytes, want %d", o.Name, len(o.Data), len(want))
	}
	// A brief citing an imported document must not print this machine's
	// folders as the document's address.
	if d, err := l.Document(council.ID); err != nil {
		t.Error(err)
	} else if d.URL != "" {
		t.Errorf("imported document's URL is %q, want none", d.URL)
	}
	res := findIn(t, l, "sabotage cables region 3")
	if res.Total == 0 || res.Hits[0].DocID != rep.Added[indexOfPath(rep.Added, "report-03.md")].ID {
		t.Errorf("search after import: %s", describeHits(res))
	}
	res = findIn(t, l, "cooperazione paesi partner lang:it")
	if res.Total == 0 {
		t.Errorf("imported Italian page not found")
	}

	// Re-import: unchanged files do nothing; a changed one keeps its ID and
	// its unchanged paragraphs' passage IDs.
	path := filepath.Join(src, "report-00.md")
	id := rep.Added[indexOfPath(rep.Added, "report-00.md")].ID
	before, _ := l.Document(id)
	keep := before.Passages[0].ID
	if _, err := l.Edit(id, DocEdit{Reference: ptr("CR/0"), Issuer: ptr("DG MARE")}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("# Cable report 0, revised\n\nThe Union will map the submarine cables of region 0 and protect their landing stations against sabotage.\n\nA new paragraph on repair ships.\n"), 0o644)
	rep, err = l.Import(context.Background(), []string{src}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 0 || len(rep.Updated) != 1 || len(rep.Unchanged) != 3 || rep.Updated[0].ID != id {
		t.Fatalf("re-import: %+v", rep)
	}
	after, _ := l.Document(id)
	if after.Reference != "CR/0" || after.Issuer != "DG MARE" {
		t.Errorf("edits lost in re-import: %+v", after.Meta)
	}
	if after.Passages[0].ID != keep || after.Title != "Cable report 0, revised" {
		t.Errorf("passage IDs after re-import: %s then %s, title %q", keep, after.Passages[0].ID, after.Title)
	}
	checkConsistent(t, l)

	// Reopening finds the same library without rebuilding the index.
	l.Close()
	l2, notices := openFresh(t, lib)
	defer l2.Close()
	if checkConsistent(t, l2) != 7 || len(*notices) != 0 {
		t.Errorf("reopen: notices %v", *notices)
	}
}

func indexOfPath(docs []ImportedDoc, base string) int {
	for i, d := range docs {
		if filepath.Base(d.Path) == base {
			return i
		}
	}
	return -1
}

func TestImportCancelled(t *testing.T) {
	src := writeFolder(t, 6)
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	rep, err := l.Import(ctx, []string{src}, func(p Progress) {
		if p.Done == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || !rep.Cancelled {
		t.Fatalf("cancel: %v %+v", err, rep)
	}
	if checkConsistent(t, l) != 0 {
		t.Errorf("a cancelled import added documents")
	}
	entries, _ := os.ReadDir(l.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagingPrefix) {
			t.Errorf("staging folder left: %s", e.Name())
		}
	}
}

func TestRemoveAndEdit(t *testing.T) {
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	rep, err := l.Import(context.Background(), []string{"../testdata/import/strategy.md", "../testdata/import/council.html"}, nil)
	if err != nil || len(rep.Added) != 2 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	md, html := rep.Added[0].ID, rep.Added[1].ID
	if rep.Added[0].Format != "markdown" {
		md, html = html, md
	}
	infos, _ := l.Documents()
	var seed string
	for _, d := range infos {
		if d.Seed {
			seed = d.ID
		}
	}
	if err := l.Remove(seed); !errors.Is(err, ErrSeed) {
		t.Errorf("removing a seed: %v", err)
	}
	if _, err := l.Edit(seed, DocEdit{Title: ptr("x")}); !errors.Is(err, ErrSeed) {
		t.Errorf("editing a seed: %v", err)
	}
	if err := l.Remove("no-such-doc"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing a missing document: %v", err)
	}

	// Edit: an English page wrongly read as Italian moves to the Italian field.
	d, err := l.Edit(md, DocEdit{Title: ptr("Strategy notes"), Issuer: ptr("DG CNECT"), Date: ptr("2025-06"), Reference: ptr("NOTE/2025/1"), Lang: ptr("it")})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Strategy notes" || d.Lang != "it" || d.Passages[0].Lang != "it" || d.Reference != "NOTE/2025/1" {
		t.Errorf("edited: %+v", d.Meta)
	}
	if res := findIn(t, l, "infrastructure lang:it"); res.Total == 0 || res.Hits[0].DocID != md {
		t.Errorf("after language edit: %s", describeHits(res))
	}
	if _, err := l.Edit(md, DocEdit{Lang: ptr("english")}); err == nil {
		t.Errorf("bad language accepted")
	}
	if _, err := l.Edit(md, DocEdit{Date: ptr("June 2025")}); err == nil {
		t.Errorf("bad date accepted")
	}

	if err := l.Remove(html); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Document(html); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed document still there: %v", err)
	}
	if _, err := l.Original(html); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed document's original: %v", err)
	}
	if n := countOriginals(t, l); n != 1 {
		t.Errorf("%d originals kept for one document", n)
	}
	checkConsistent(t, l)

	// The edit survives a reopen.
	l.Close()
	l2, _ := openFresh(t, l.Dir())
	defer l2.Close()
	d2, err := l2.Document(md)
	if err != nil || d2.Title != "Strategy notes" || d2.Lang != "it" {
		t.Errorf("after reopen: %v %+v", err, d2)
	}
	if checkConsistent(t, l2) != 1 {
		t.Errorf("documents after remove and reopen")
	}
}

func ptr(s string) *string { return &s }

// TestImportChild is the import a killed-import test runs in a child
// process; it does nothing in a normal run.
func TestImportChild(t *testing.T) {
	lib, src, stage := os.Getenv("ATTACHE_IMPORT_LIB"), os.Getenv("ATTACHE_IMPORT_SRC"), os.Getenv("ATTACHE_IMPORT_STAGE")
	if lib == "" {
		t.Skip("run by TestImportKilled")
	}
	l, err := Open(Config{Dir: lib, Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	// Killed while reading, the import has committed some of its
	// originals (pending) already: one transaction each.
	written := make(chan bool, 1)
	if stage == "reading" {
		originalsBatch = 1
		originalsCommitted = func() {
			select {
			case written <- true:
			default:
			}
		}
	}
	signalled := false
	l.Import(context.Background(), []string{src}, func(p Progress) {
		if !signalled && (p.Stage == stage || stage == "reading" && p.Done >= 3) {
			signalled = true
			if stage == "reading" {
				<-written
			}
			fmt.Println("KILL-ME-NOW")
			if stage == "reading" {
				select {} // wait to be killed in the middle of reading
			}
		}
	})
	select {}
}

func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for _, stage := range []string{"reading", "indexing"} {
		t.Run(stage, func(t *testing.T) {
			src := writeFolder(t, 8)
			lib := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "ATTACHE_IMPORT_LIB="+lib, "ATTACHE_IMPORT_SRC="+src, "ATTACHE_IMPORT_STAGE="+stage)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			for sc.Scan() && !strings.Contains(sc.Text(), "KILL-ME-NOW") {
			}
			cmd.Process.Kill()
			cmd.Wait()

			if stage == "reading" {
				// what the killed import left: originals no document
				// uses, which the next Open deletes
				s, err := openDocStore(lib, true)
				if err != nil {
					t.Fatal(err)
				}
				s.view(func(tx *bolt.Tx) error {
					if !hasPendingOriginals(tx) || tx.Bucket(bucketOriginals).Stats().KeyN == 0 {
						t.Error("the killed import left no pending originals: the test tests nothing")
					}
					return nil
				})
				s.close()
			}
			l, _ := openFresh(t, lib)
			defer l.Close()
			n := checkConsistent(t, l) // no original left that no document uses
			if stage == "reading" && n != 0 || n != 0 && n != 8 {
				t.Errorf("killed while %s: %d documents imported", stage, n)
			}
			if o := countOriginals(t, l); n == 0 && o != 0 {
				t.Errorf("killed while %s: %d originals left of an import that never was", stage, o)
			}
			entries, _ := os.ReadDir(lib)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), stagingPrefix) {
					t.Errorf("staging folder left: %s", e.Name())
				}
			}
			// The library takes the same import again.
			rep, err := l.Import(context.Background(), []string{src}, nil)
			if err != nil || len(rep.Added)+len(rep.Unchanged) != 8 {
				t.Errorf("import after kill: %v %+v", err, rep)
			}
			checkConsistent(t, l)
		})
	}
}

func TestImportLibraryInUse(t *testing.T) {
	// Another process (here, another reader of the same folder) holds the
	// index: the import is refused whole and nothing is left behind.
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	defer l.Close()
	other, err := Open(Config{Dir: lib, Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Import(context.Background(), []string{"../testdata/import/strategy.md"}, nil)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("import while in use: %v", err)
	}
	if n := checkConsistent(t, l); n != 0 {
		t.Errorf("%d documents added", n)
	}
	if n := countOriginals(t, l); n != 0 {
		t.Errorf("%d copies of originals left", n)
	}
	other.Close()
	rep, err := l.Import(context.Background(), []string{"../testdata/import/strategy.md"}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import once free: %v", err)
	}
	checkConsistent(t, l)
}

func TestImportGuessesLanguageFromFolder(t *testing.T) {
	src := writeFolder(t, 2)
	os.WriteFile(filepath.Join(src, "index.html"), []byte("<html><body><h1>Index</h1><ul><li>Cables</li><li>Satellites</li></ul></body></html>"), 0o644)
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	rep, err := l.Import(context.Background(), []string{src}, nil)
	if err != nil {
		t.Fatal(err)
	}
	i := indexOfPath(rep.Added, "index.html")
	if i < 0 || rep.Added[i].Lang != "en" || len(rep.Added[i].Warnings) == 0 {
		t.Fatalf("index page: %+v", rep.Added)
	}
	d, _ := l.Document(rep.Added[i].ID)
	if d.Passages[0].Lang != "en" {
		t.Errorf("passage language %q", d.Passages[0].Lang)
	}
	checkConsistent(t, l)
}
