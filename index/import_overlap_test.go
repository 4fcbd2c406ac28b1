package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"attache/seeds"
)

// TestOverlapChild is one of the two imports TestOverlappingImportsBothLand
// runs at once, in a child process; it does nothing in a normal run.
func TestOverlapChild(t *testing.T) {
	lib, src := os.Getenv("ATTACHE_OVERLAP_LIB"), os.Getenv("ATTACHE_OVERLAP_SRC")
	if lib == "" {
		t.Skip("run by TestOverlappingImportsBothLand")
	}
	l, err := Open(Config{Dir: lib, Seeds: seeds.FS, Notice: func(s string) { fmt.Println("NOTICE", s) }})
	if err != nil {
		fmt.Println("RESULT open failed:", err)
		return
	}
	defer l.Close()
	started := false
	rep, err := l.Import(context.Background(), []string{src}, func(p Progress) {
		if !started {
			started = true
			fmt.Println("STARTED")
		}
	})
	if err != nil {
		fmt.Println("RESULT import failed:", oneLine(err))
		return
	}
	fmt.Printf("RESULT added %d\n", len(rep.Added))
}

// writePack writes n small Markdown documents holding word.
func writePack(t *testing.T, n int, word string) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("# Note %s %d\n\nThe %s programme funds the cables of region %d and the training of %d engineers.\n\nA second paragraph on %s and satellites, number %d.\n", word, i, word, i, i, word, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%03d.md", word, i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestOverlappingImportsBothLand runs two imports of different folders
// into one library at once, in two processes, as 'attache import packA &
// attache import packB' does (issue 11 item 4: both exited 0 and the index
// held only packA's passages). The second waits for the first, says so,
// and both land: every passage of both is found, and the next open has
// nothing to rebuild.
func TestOverlappingImportsBothLand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	lib := t.TempDir()
	l, _ := openFresh(t, lib)
	l.Close()
	packA, packB := writePack(t, 300, "alphaword"), writePack(t, 100, "bravoword")
	start := func(src string) (*exec.Cmd, *bufio.Scanner) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOverlapChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ATTACHE_OVERLAP_LIB="+lib, "ATTACHE_OVERLAP_SRC="+src)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, bufio.NewScanner(out)
	}
	collect := func(sc *bufio.Scanner, until string) []string {
		var lines []string
		for sc.Scan() {
			lines = append(lines, sc.Text())
			if until != "" && strings.Contains(sc.Text(), until) {
				break
			}
		}
		return lines
	}
	a, outA := start(packA)
	linesA := collect(outA, "STARTED")
	b, outB := start(packB)
	linesB := collect(outB, "")
	linesA = append(linesA, collect(outA, "")...)
	a.Wait()
	b.Wait()
	result := func(lines []string) string {
		for _, s := range lines {
			if strings.HasPrefix(s, "RESULT") {
				return s
			}
		}
		return "no result: " + strings.Join(lines, " | ")
	}
	if r := result(linesA); r != "RESULT added 300" {
		t.Errorf("first import: %s", r)
	}
	if r := result(linesB); r != "RESULT added 100" {
		t.Errorf("second import: %s", r)
	}
	if !strings.Contains(strings.Join(linesB, "\n"), "NOTICE waiting for another Attaché process to finish changing the library") {
		t.Errorf("the second import did not say it waited: %q", linesB)
	}

	l, notices := openFresh(t, lib)
	defer l.Close()
	if len(*notices) != 0 {
		t.Errorf("opening after both imports said %q", *notices)
	}
	if n := checkConsistent(t, l); n != 400 {
		t.Errorf("%d documents imported, want 400", n)
	}
	for word, want := range map[string]int{"alphaword": 600, "bravoword": 200} {
		if res := findIn(t, l, word); res.Total != want {
			t.Errorf("%s: %d passages found, want %d", word, res.Total, want)
		}
	}
}
