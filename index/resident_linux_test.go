//go:build linux

package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/blevesearch/mmap-go"
)

func TestSharedReadOnlyMappingParsesMaps(t *testing.T) {
	prefix := []byte("/home/a user/lib/")
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{"7f1c2a000000-7f1c2a200000 r--s 00000000 fd:01 1234   /home/a user/lib/library.db", true},
		{"7f1c2a000000-7f1c2a200000 r--s 00000000 fd:01 1234   /home/a user/lib/index.bleve/store/00000000002d.zap (deleted)", true},
		{"7f1c2a000000-7f1c2a200000 rw-s 00000000 fd:01 1234   /home/a user/lib/library.db", false},
		{"7f1c2a000000-7f1c2a200000 r--p 00000000 fd:01 1234   /home/a user/lib/library.db", false},
		{"7f1c2a000000-7f1c2a200000 r--s 00000000 fd:01 1234   /home/a user/other/library.db", false},
		{"7f1c2a000000-7f1c2a200000 r--s 00000000 fd:01 1234", false},
		{"zz-7f1c2a200000 r--s 00000000 fd:01 1234   /home/a user/lib/library.db", false},
	} {
		start, end, ok := sharedReadOnlyMapping([]byte(c.line), prefix)
		if ok != c.ok || ok && (start != 0x7f1c2a000000 || end != 0x7f1c2a200000) {
			t.Errorf("%q: %x-%x %v, want %v", c.line, start, end, ok, c.ok)
		}
	}
}

// TestReleaseMappedLetsGoOfTheLibrarysPages maps a file of the library
// folder as the store and the index do, reads it all, and checks that
// ReleaseMapped leaves none of it resident, that the data reads back the
// same, and that a file mapped from elsewhere keeps its pages.
func TestReleaseMappedLetsGoOfTheLibrarysPages(t *testing.T) {
	dir := t.TempDir()
	l, _ := openFresh(t, dir)
	defer l.Close()
	if _, err := l.Search(context.Background(), Query{Text: "digital diplomacy"}); err != nil {
		t.Fatal(err)
	}
	data := []byte(strings.Repeat("attaché ", 1<<17)) // 1.1 MB
	mapped := func(path string) mmap.MMap {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := mmap.Map(f, mmap.RDONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { m.Unmap() })
		sum := 0
		for i := 0; i < len(m); i += 4096 {
			sum += int(m[i])
		}
		if sum == 0 {
			t.Fatal("read nothing")
		}
		return m
	}
	inside := mapped(filepath.Join(dir, "facets-test.col"))
	outside := mapped(filepath.Join(t.TempDir(), "elsewhere.col"))
	resident := func(m mmap.MMap) int {
		r, _ := residentPages(t, unsafe.Slice(&m[0], len(m)))
		return r
	}
	if resident(inside) == 0 || resident(outside) == 0 {
		t.Fatal("the mapped files are not resident after reading them")
	}
	l.ReleaseMapped()
	if r := resident(inside); r != 0 {
		t.Errorf("%d pages of the library's file still resident", r)
	}
	if resident(outside) == 0 {
		t.Error("a file outside the library lost its pages")
	}
	if string(inside) != string(data) {
		t.Error("the file reads back otherwise")
	}
	// The library still answers, reading its pages again.
	res, err := l.Search(context.Background(), Query{Text: "digital diplomacy"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("search after releasing: %v, %d hits", err, len(res.Hits))
	}
	if docs, err := l.Documents(); err != nil || len(docs) < 4 {
		t.Fatalf("documents after releasing: %v, %d", err, len(docs))
	}
}
