package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWindowBuildPatchesFyneFonts runs the script `make build` uses for
// the window program's copy of Fyne (scripts/fyne-patched.sh) into a
// temporary folder and checks that the painter no longer adds the system's
// language font to every text style, that the rune fallback is still
// there, and that the patched painter builds through the alternate go.mod
// it writes. When a new Fyne no longer has the line the script replaces,
// the script fails, and so does this test.
func TestWindowBuildPatchesFyneFonts(t *testing.T) {
	if testing.Short() {
		t.Skip("copies Fyne's module and builds a package of it")
	}
	out := t.TempDir()
	patchFyne(t, out)
	src, err := os.ReadFile(filepath.Join(out, "fyne", "internal", "painter", "font.go"))
	if err != nil {
		t.Fatal(err)
	}
	font := string(src)
	if strings.Contains(font, "local := lookupLangFont(family, aspect)") {
		t.Error("the patched painter still looks up the language font for every style")
	}
	if !strings.Contains(font, "no eager language font (scripts/fyne-patched.sh)") {
		t.Error("the patched painter lacks the script's replacement line")
	}
	if !strings.Contains(font, "toAdd := lookupRuneFont(r, d.family, font.Aspect{})") {
		t.Error("the patched painter lost the fallback for runes the theme's font lacks")
	}
	mod := filepath.Join(out, "window.mod")
	list := exec.Command("go", "list", "-modfile", mod, "-f", "{{.Dir}}", "fyne.io/fyne/v2/internal/painter")
	dir, err := list.Output()
	if err != nil {
		t.Fatalf("go list -modfile %s: %v", mod, err)
	}
	if want := filepath.Join(out, "fyne", "internal", "painter"); strings.TrimSpace(string(dir)) != want {
		t.Errorf("the window program's painter comes from %s, want %s", strings.TrimSpace(string(dir)), want)
	}
	build := exec.Command("go", "build", "-modfile", mod, "fyne.io/fyne/v2/internal/painter")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the patched painter does not build: %v\n%s", err, msg)
	}
}

// patchFyne runs scripts/fyne-patched.sh into out, as `make build` does
// into bin, and fails the test if the script fails.
func patchFyne(t *testing.T, out string) {
	t.Helper()
	if msg, err := exec.Command("sh", "scripts/fyne-patched.sh", out).CombinedOutput(); err != nil {
		t.Fatalf("scripts/fyne-patched.sh %s: %v\n%s", out, err, msg)
	}
}
