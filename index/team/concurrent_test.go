package team

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"attache/index"
)

// The helper process: the test binary run again with these variables
// imports a folder into a team library, as a second analyst's Attaché
// would, printing "indexing" when the files are read and the transaction
// is about to start.
const (
	helperEnv    = "ATTACHE_TEAM_HELPER_IMPORT"
	helperURLEnv = "ATTACHE_TEAM_HELPER_URL"
)

func init() {
	dir := os.Getenv(helperEnv)
	if dir == "" {
		return
	}
	l, err := Open(context.Background(), Config{URL: os.Getenv(helperURLEnv)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	once := sync.Once{}
	rep, err := l.Import(context.Background(), []string{dir}, func(p index.Progress) {
		if p.Stage == "indexing" {
			once.Do(func() { fmt.Println("indexing") })
		}
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("added %d\n", len(rep.Added))
	os.Exit(0)
}

// importer starts another process importing dir into the library at u:
// another analyst's Attaché, with a home folder of its own, so that what
// this one sees comes from the server alone.
func importer(t *testing.T, u, dir string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	home := t.TempDir()
	cmd.Env = append(os.Environ(), helperEnv+"="+dir, helperURLEnv+"="+u, "HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"), "TMPDIR="+home)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// manyDocs writes n documents, each holding the word marker.
func manyDocs(t *testing.T, n int, marker string) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Report %d on %s\n\n", i, marker)
		for k := 0; k < 20; k++ {
			fmt.Fprintf(&b, "Paragraph %d of report %d: the delegation notes the %s programme, item %d, and its budget line %d.\n\n", k, i, marker, k, i*100+k)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%03d.md", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestAnImportIsInTheOthersNextSearch: while another process imports,
// every search of this one succeeds and sees the import whole or not at
// all; once it is done, the next search sees all of it.
func TestAnImportIsInTheOthersNextSearch(t *testing.T) {
	u := freshURL(t)
	ctx := context.Background()
	if _, err := Init(ctx, Config{URL: u}); err != nil {
		t.Fatal(err)
	}
	l, err := Open(ctx, Config{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	const n = 40
	dir := manyDocs(t, n, "quokkanomics")
	cmd, out := importer(t, u, dir)

	searches, seenNone, seenAll := 0, 0, 0
	done := make(chan error, 1)
	go func() {
		for out.Scan() {
		}
		done <- cmd.Wait()
	}()
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the importing process: %v", err)
			}
			running = false
		default:
		}
		res, err := l.Search(ctx, index.Query{Text: "quokkanomics", Limit: 1})
		if err != nil {
			t.Fatalf("search during the import: %v", err)
		}
		searches++
		switch res.Total {
		case 0:
			seenNone++
		case n * 20:
			seenAll++
		default:
			t.Fatalf("a search during the import saw %d passages: a part of it", res.Total)
		}
	}
	res, err := l.Search(ctx, index.Query{Text: "quokkanomics", Limit: 1})
	if err != nil || res.Total != n*20 {
		t.Fatalf("after the import: %d passages, %v", res.Total, err)
	}
	docs, err := l.Documents()
	if err != nil || len(docs) != 4+n {
		t.Errorf("documents after: %d, %v", len(docs), err)
	}
	t.Logf("%d searches during the import: %d before it, %d after", searches, seenNone, seenAll)
}

// TestTwoImportersAtOnce: two processes import different folders at the
// same time; both succeed and the library holds both.
func TestTwoImportersAtOnce(t *testing.T) {
	u := freshURL(t)
	ctx := context.Background()
	if _, err := Init(ctx, Config{URL: u}); err != nil {
		t.Fatal(err)
	}
	a, _ := importer(t, u, manyDocs(t, 15, "wombatology"))
	b, _ := importer(t, u, manyDocs(t, 15, "numbatology"))
	if err := a.Wait(); err != nil {
		t.Fatalf("first importer: %v", err)
	}
	if err := b.Wait(); err != nil {
		t.Fatalf("second importer: %v", err)
	}
	l, err := Open(ctx, Config{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, w := range []string{"wombatology", "numbatology"} {
		if res, err := l.Search(ctx, index.Query{Text: w}); err != nil || res.Total != 15*20 {
			t.Errorf("%s: %d passages, %v", w, res.Total, err)
		}
	}
}

// TestKilledImportLeavesNothing kills an importing process as its
// transaction runs: the library holds all of the import or none of it,
// never a part, and the lexeme counts stay true.
func TestKilledImportLeavesNothing(t *testing.T) {
	u := freshURL(t)
	ctx := context.Background()
	if _, err := Init(ctx, Config{URL: u}); err != nil {
		t.Fatal(err)
	}
	const n = 120
	cmd, out := importer(t, u, manyDocs(t, n, "bilbynomics"))
	for out.Scan() {
		if out.Text() == "indexing" {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	cmd.Wait()
	l, err := Open(ctx, Config{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	res, err := l.Search(ctx, index.Query{Text: "bilbynomics"})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := l.Documents()
	switch {
	case res.Total == 0 && len(docs) == 4:
		t.Log("killed before its commit: nothing left")
	case res.Total == n*20 && len(docs) == 4+n:
		t.Log("killed after its commit: all of it")
	default:
		t.Fatalf("a killed import left %d passages and %d documents", res.Total, len(docs))
	}
	var bad int
	if err := l.pool.QueryRow(ctx, `
		WITH counted AS (
			SELECT p.cfg, u.lexeme, count(*) AS n FROM passages p, unnest(ts_filter(p.tsv, '{a}')) u GROUP BY 1, 2
			UNION ALL SELECT cfg, '', count(*) FROM passages GROUP BY 1)
		SELECT count(*) FROM counted c FULL JOIN lexemes l ON l.cfg = c.cfg AND l.lexeme = c.lexeme
		WHERE l.passages IS DISTINCT FROM c.n`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d lexeme counts are wrong", bad)
	}
}

// TestServerGoneMidImport: the server ends the importing connection;
// the import fails in one line and leaves nothing.
func TestServerGoneMidImport(t *testing.T) {
	l := freshLibrary(t)
	ctx := context.Background()
	dir := manyDocs(t, 80, "dunnartics")
	// Another connection ends the import's session once every file is
	// read and written into its transaction, before the commit, as a
	// restart of the server or a pulled cable would.
	admin, err := Open(ctx, Config{URL: l.pool.Config().ConnString()})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var once sync.Once
	_, err = l.Import(ctx, []string{dir}, func(p index.Progress) {
		if p.Stage == "indexing" {
			once.Do(func() {
				admin.pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`)
			})
		}
	})
	res, serr := l.Search(ctx, index.Query{Text: "dunnartics"})
	if serr != nil {
		t.Fatalf("search after: %v", serr)
	}
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error of several lines: %v", err)
		}
		if res.Total != 0 {
			t.Errorf("a failed import left %d passages", res.Total)
		}
		t.Logf("import cut off: %v", err)
	} else if res.Total != 80*20 {
		t.Errorf("the import finished but %d passages are there", res.Total)
	}
}

// TestEditConflict: two analysts edit one document's details from what
// they read; the second is told the first changed it, and succeeds once
// it has read it again. Nothing is silently lost.
func TestEditConflict(t *testing.T) {
	a := freshLibrary(t)
	ctx := context.Background()
	b, err := Open(ctx, Config{URL: a.pool.Config().ConnString()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "memo.md"), []byte("# Memo\n\nThe delegation's memo on potoroos.\n"), 0o644)
	rep, err := a.Import(ctx, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := rep.Added[0].ID
	if _, err := a.Document(id); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Document(id); err != nil {
		t.Fatal(err)
	}
	first, second := "Memo on potoroos", "Memo, second thoughts"
	if _, err := a.Edit(id, index.DocEdit{Title: &first}); err != nil {
		t.Fatal(err)
	}
	_, err = b.Edit(id, index.DocEdit{Title: &second})
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), "changed by someone else") {
		t.Fatalf("the second edit: %v, want changed by someone else", err)
	}
	d, _ := b.Document(id)
	if d.Title != first {
		t.Errorf("after the refused edit the title is %q", d.Title)
	}
	if _, err := b.Edit(id, index.DocEdit{Title: &second}); err != nil {
		t.Fatalf("the second edit, made again: %v", err)
	}
	if d, _ := a.Document(id); d.Title != second {
		t.Errorf("title %q", d.Title)
	}
}

// TestSearchAfterTheServerEndedItsConnections: the server ends every
// connection the library holds (a restart, an administrator); the next
// search works on a new connection instead of failing once per dead one.
func TestSearchAfterTheServerEndedItsConnections(t *testing.T) {
	l := freshLibrary(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ { // leave a few connections in the pool
		if _, err := l.Search(ctx, index.Query{Text: "digital"}); err != nil {
			t.Fatal(err)
		}
	}
	admin, err := Open(ctx, Config{URL: l.pool.Config().ConnString()})
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var ended int
	if err := admin.pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&ended); err != nil {
		t.Fatal(err)
	}
	if ended == 0 {
		t.Fatal("no connection of the library to end")
	}
	res, err := l.Search(ctx, index.Query{Text: "digital"})
	if err != nil {
		t.Fatalf("the search after the server ended %d connections: %v", ended, err)
	}
	if res.Total == 0 {
		t.Error("the search after found nothing")
	}
}
