package index

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDefaultDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG folders are for Linux")
	}
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if got := DefaultDir(); got != "/data/home/attache" {
		t.Errorf("with XDG_DATA_HOME: %s", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	home, _ := os.UserHomeDir()
	if got := DefaultDir(); got != filepath.Join(home, ".local", "share", "attache") {
		t.Errorf("without XDG_DATA_HOME: %s", got)
	}
	t.Setenv("XDG_DATA_HOME", "relative/path")
	if got := DefaultDir(); got != filepath.Join(home, ".local", "share", "attache") {
		t.Errorf("with a relative XDG_DATA_HOME (to be ignored): %s", got)
	}
}

func TestOpenWithoutSeeds(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	docs, err := l.Documents()
	if err != nil || len(docs) != 0 {
		t.Errorf("empty library: %v, %v", docs, err)
	}
	res := findIn(t, l, "digitale")
	if res.Total != 0 || len(res.Hits) != 0 || res.Facets["doc"] == nil {
		t.Errorf("search in an empty library: %+v", res)
	}
}

func TestOpenFolderIsAFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Open(Config{Dir: f}); err == nil {
		t.Error("opened a library in a file")
	}
}
