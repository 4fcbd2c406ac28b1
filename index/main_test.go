package index

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"attache/seeds"
)

// shared is a library on the real seeds, opened once for the tests that
// only read it.
var (
	sharedOnce sync.Once
	sharedLib  *Local
	sharedErr  error
	sharedDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedLib != nil {
		sharedLib.Close()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// library returns the shared library on the seeds.
func library(t testing.TB) *Local {
	t.Helper()
	sharedOnce.Do(func() {
		sharedDir, sharedErr = os.MkdirTemp("", "attache-index-test-")
		if sharedErr == nil {
			sharedLib, sharedErr = Open(Config{Dir: sharedDir, Seeds: seeds.FS})
		}
	})
	if sharedErr != nil {
		t.Fatalf("open the shared library: %v", sharedErr)
	}
	return sharedLib
}

// find runs a query on the shared library and fails the test on error.
func find(t testing.TB, q Query) *Results {
	t.Helper()
	res, err := library(t).Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

// openFresh opens a library on the seeds in dir, collecting its notices.
func openFresh(t testing.TB, dir string) (*Local, *[]string) {
	t.Helper()
	var notices []string
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS, Notice: func(s string) { notices = append(notices, s) }})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return l, &notices
}

// hitIDs lists the IDs of a result's hits.
func hitIDs(res *Results) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// describeHits is a readable dump of hits for failure messages.
func describeHits(res *Results) string {
	s := fmt.Sprintf("%d total", res.Total)
	for _, h := range res.Hits {
		s += fmt.Sprintf("\n  %s %s: %.80s", h.ID, h.Lang, h.Text)
	}
	return s
}

// findIn runs a query on a library and fails the test on error.
func findIn(t testing.TB, l *Local, text string) *Results {
	t.Helper()
	res, err := l.Search(context.Background(), Query{Text: text})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	return res
}
