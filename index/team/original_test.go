package team

import (
	"context"
	"errors"
	"os"
	"testing"

	"attache/index"
)

// TestOriginalComesBack imports a file into a team library and reads its
// original back byte for byte; a seed has none, nor has an unknown ID.
func TestOriginalComesBack(t *testing.T) {
	l := freshLibrary(t)
	want, err := os.ReadFile("../../testdata/import/council.html")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := l.Import(context.Background(), []string{"../../testdata/import/council.html"}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import: %v %+v", err, rep)
	}
	o, err := l.Original(rep.Added[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(o.Data) != string(want) || o.Name != "council.html" {
		t.Errorf("original: %q, %d bytes, want %d", o.Name, len(o.Data), len(want))
	}
	if _, err := l.Original("join-2025-140"); !errors.Is(err, index.ErrSeed) || !errors.Is(err, index.ErrNotFound) {
		t.Errorf("a seed's original: %v", err)
	}
	if _, err := l.Original("no-such-doc"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("an unknown document's original: %v", err)
	}
}
