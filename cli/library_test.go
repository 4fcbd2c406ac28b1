package cli

import (
	"encoding/json"
	"os"
	"os/exec"
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

	// The other commands on the team library: themes and the coverage
	// matrix, a passage in full, an edit, a removal.
	for _, args := range [][]string{{"themes"}, {"themes", "--matrix"}, {"show", "join-2025-140#e40f111858"}} {
		if code, out, errOut := runCLI(t, url, args...); code != 0 || out == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	var docs []struct {
		ID   string `json:"id"`
		Seed bool   `json:"seed"`
	}
	code, out, _ = runCLI(t, url, "docs", "--json")
	if err := json.Unmarshal([]byte(out), &docs); err != nil || code != 0 {
		t.Fatalf("docs --json: %v %q", err, out)
	}
	var note string
	for _, d := range docs {
		if !d.Seed {
			note = d.ID
		}
	}
	if code, out, errOut := runCLI(t, url, "doc", "edit", note, "--title", "Quokka, revised"); code != 0 || !strings.Contains(out, "Quokka, revised") {
		t.Errorf("doc edit: exit %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, url, "remove", note); code != 0 {
		t.Errorf("remove: %q", errOut)
	}
	if code, out, _ := runCLI(t, url, "search", "quokka"); code != 0 || !strings.Contains(out, "No passage matches") {
		t.Errorf("search after remove: %q", out)
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

// TestTeamBriefOffline: a brief quoting team-library passages, made while
// the server answered, still opens, shows and exports when it is gone,
// from the brief's own copies of the passages; checking it against the
// team library says in one line that the server is unreachable.
func TestTeamBriefOffline(t *testing.T) {
	s, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	url := s.DeskURL()
	if code, _, errOut := runCLI(t, "", "library", "init", url); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	doc := filepath.Join(t.TempDir(), "delegation.md")
	os.WriteFile(doc, []byte("# Delegation report\n\nThe delegation met the partners on undersea cable resilience and agreed a joint plan for the numbat corridor.\n"), 0o644)
	if code, _, errOut := runCLI(t, url, "import", doc); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	code, out, errOut := runCLI(t, url, "search", "--json", "numbat corridor")
	if code != 0 {
		t.Fatalf("search: %s", errOut)
	}
	var res struct {
		Hits []struct{ ID string } `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) == 0 {
		t.Fatalf("search --json: %v %q", err, out)
	}
	brief := filepath.Join(t.TempDir(), "note.brief")
	if code, _, errOut := runCLI(t, url, "brief", "new", brief, "--title", "Cables"); code != 0 {
		t.Fatalf("brief new: %s", errOut)
	}
	if code, _, errOut := runCLI(t, url, "brief", "add", brief, res.Hits[0].ID, "join-2025-140#e40f111858"); code != 0 {
		t.Fatalf("brief add: %s", errOut)
	}
	if code, out, errOut := runCLI(t, url, "brief", "check", brief); code != 0 || !strings.Contains(out, "all 2 excerpts") {
		t.Fatalf("brief check online: exit %d %q %q", code, out, errOut)
	}

	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, url, "brief", "show", brief)
	if code != 0 || !strings.Contains(out, "undersea cable resilience") {
		t.Errorf("brief show offline: exit %d %q %q", code, out, errOut)
	}
	pdf := filepath.Join(t.TempDir(), "note.pdf")
	code, out, errOut = runCLI(t, url, "export", brief, "-o", pdf)
	if code != 0 || !strings.Contains(errOut, "not checked against the library") {
		t.Fatalf("export offline: exit %d %q %q", code, out, errOut)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "numbat corridor") {
		t.Errorf("the PDF exported offline lacks the team passage: %v", err)
	}
	code, _, errOut = runCLI(t, url, "brief", "check", brief)
	if code == 0 {
		t.Error("brief check offline: exit 0")
	}
	oneLineError(t, errOut, "no server answers")
	if strings.Contains(out+errOut, pgtest.DeskPassword) {
		t.Error("the password is printed")
	}
	if b, _ := os.ReadFile(brief); strings.Contains(string(b), pgtest.DeskPassword) || strings.Contains(string(b), "postgres://") {
		t.Error("the brief holds the library's URL or password")
	}
}
