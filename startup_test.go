package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLeanBuildStartsWithoutTheWindowToolkit builds the program as `make
// build` does (the window program, then the lean build embedding it) and
// checks that a subcommand of the lean build initialises no package of the
// window toolkit or of the window (GODEBUG=inittrace), while the plain
// build does, and that the lean build's search answers. The window itself
// is opened by make smoke.
func TestLeanBuildStartsWithoutTheWindowToolkit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program twice")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the lean build is Linux's")
	}
	if _, err := os.Stat("bin"); err != nil {
		if err := os.Mkdir("bin", 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// bin/attache-window is what window_lean.go embeds: built here as
	// make does, into the package's own bin folder, with the copy of Fyne
	// scripts/fyne-patched.sh makes there.
	patchFyne(t, "bin")
	window := filepath.Join("bin", "attache-window")
	lean := filepath.Join(t.TempDir(), "attache")
	for _, args := range [][]string{
		{"build", "-modfile", filepath.Join("bin", "window.mod"), "-tags", "no_emoji", "-o", window, "."},
		{"build", "-tags", "no_emoji lean", "-o", lean, "."},
	} {
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	inits := func(bin string, args ...string) string {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "ATTACHE_LIBRARY="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	for _, args := range [][]string{{"help"}, {"search", "--limit", "3", "cavi sottomarini"}} {
		out := inits(lean, args...)
		for _, pkg := range []string{"fyne.io/", "attache/app", "github.com/go-gl/"} {
			if strings.Contains(out, "init "+pkg) {
				t.Errorf("the lean build's %s initialises %s", args[0], pkg)
			}
		}
		if args[0] == "search" && !strings.Contains(out, "passages") {
			t.Errorf("the lean build's search printed no passages:\n%s", out)
		}
	}
	if out := inits(window, "help"); !strings.Contains(out, "init fyne.io/") {
		t.Error("the plain build's inittrace shows no Fyne package: the check above proves nothing")
	}
}
