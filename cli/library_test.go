package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/index/team/pgtest"
)

// TestTeamLibraryCommands runs the command line on a team library on a
// throwaway PostgreSQL server: init (twice: it is idempotent), the same
// commands as on a library folder, and the failures a desk meets (wrong
// password, unknown database, server down), each one line, in time, and
// never showing the password.
func TestTeamLibraryCommands(t *testing.T) {
	s, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	url := s.DeskURL()

	code, out, errOut := runCLI(t, "", "library", "init", url)
	if code != 0 || !strings.Contains(out, "created: 4 documents") {
		t.Fatalf("library init: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, url, "library", "init")
	if code != 0 || !strings.Contains(out, "is up to date: 4 documents") {
		t.Fatalf("library init again: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if strings.Contains(out+errOut, pgtest.DeskPassword) {
		t.Errorf("the password is printed: %q %q", out, errOut)
	}

	code, out, errOut = runCLI(t, url, "search", "cavi", "sottomarini", "--limit", "3")
	if code != 0 || !strings.Contains(out, "[cavi]") || !strings.Contains(out, "join-2025-140#") {
		t.Fatalf("search: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	doc := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(doc, []byte("# Nota sul quokka\n\nIl quokka è un piccolo marsupiale dell'Australia occidentale, studiato dalla delegazione.\n"), 0o644)
	code, out, errOut = runCLI(t, url, "import", doc)
	if code != 0 || !strings.Contains(out, "added") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Another analyst, another home: the same library by environment.
	t.Setenv("ATTACHE_LIBRARY", url)
	var o, e strings.Builder
	code = Run([]string{"search", "quokka"}, Env{Stdout: &o, Stderr: &e})
	if code != 0 || !strings.Contains(o.String(), "[quokka]") {
		t.Fatalf("search by ATTACHE_LIBRARY: exit %d, stdout %q, stderr %q", code, o.String(), e.String())
	}
	code, out, _ = runCLI(t, url, "docs")
	if code != 0 || !strings.Contains(out, "Nota sul quokka") {
		t.Errorf("docs: exit %d, %q", code, out)
	}

	failures := []struct{ name, url, want string }{
		{"wrong password", s.URL("desk", "not-the-password", "desk"), "password"},
		{"unknown database", s.URL("desk", pgtest.DeskPassword, "nosuchdb"), `database "nosuchdb" does not exist`},
		{"not initialised", s.URL("postgres", pgtest.AdminPassword, "postgres"), "attache library init"},
		{"bad url", "postgres://desk@[::1/desk", "cannot be read"},
	}
	for _, f := range failures {
		start := time.Now()
		code, out, errOut := runCLI(t, f.url, "docs")
		if code == 0 {
			t.Errorf("%s: exit 0, stdout %q", f.name, out)
			continue
		}
		oneLineError(t, errOut, f.want)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: took %v", f.name, took)
		}
		for _, secret := range []string{"not-the-password", pgtest.DeskPassword, pgtest.AdminPassword} {
			if strings.Contains(errOut, secret) {
				t.Errorf("%s: the password is printed: %q", f.name, errOut)
			}
		}
	}

	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	code, _, errOut = runCLI(t, url, "search", "cavi")
	if code == 0 {
		t.Fatal("search with the server down: exit 0")
	}
	oneLineError(t, errOut, "no server answers")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("server down: took %v", took)
	}
}
