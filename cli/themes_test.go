package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func runCmd(t *testing.T, lib string, run func(*Env, []string) error, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Library: lib}
	if err := run(env, args); err != nil {
		t.Fatalf("%v: %v (stderr %s)", args, err, errOut.String())
	}
	return out.String()
}

func TestThemesListAndMatrix(t *testing.T) {
	lib := t.TempDir()
	out := runCmd(t, lib, runThemes)
	if !strings.Contains(out, "undersea-cables") || !strings.Contains(out, "Undersea and terrestrial cables") || !strings.Contains(out, "join-2025-140") {
		t.Errorf("themes list lacks a theme or a document:\n%s", out)
	}
	it := runCmd(t, lib, runThemes, "--lang", "it")
	if !strings.Contains(it, "Cavi sottomarini e terrestri") {
		t.Errorf("Italian labels missing:\n%s", it)
	}

	var list []themeEntry
	if err := json.Unmarshal([]byte(runCmd(t, lib, runThemes, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var cables *themeEntry
	for i := range list {
		if list[i].ID == "undersea-cables" {
			cables = &list[i]
		}
	}
	if cables == nil || cables.Docs["join-2025-140"] < 5 || cables.Docs["tech7-2024"] != 0 || cables.Passages < 6 {
		t.Errorf("undersea-cables counts: %+v", cables)
	}

	matrix := runCmd(t, lib, runThemes, "--matrix")
	lines := strings.Split(strings.TrimSpace(matrix), "\n")
	if len(lines) < 20 {
		t.Fatalf("matrix has %d lines:\n%s", len(lines), matrix)
	}
	// Aligned columns: every row's second column starts where the header's does.
	header := []rune(lines[0])
	for _, name := range []string{"g7-2024", "council-2023", "join-2025-140"} {
		col := len([]rune(lines[0][:strings.Index(lines[0], name)]))
		for _, l := range lines[1 : len(lines)-1] {
			r := []rune(l)
			if len(r) <= col || r[col-1] != ' ' || r[col] == ' ' {
				t.Errorf("misaligned row %q (column %s at %d of %q)", l, name, col, string(header))
			}
		}
	}
	var row string
	for _, l := range lines {
		if strings.HasPrefix(l, "undersea-cables") {
			row = l
		}
	}
	if !strings.Contains(row, "#") || !strings.Contains(row, "·") {
		t.Errorf("undersea-cables row should name a strongest passage and show a silent document: %q", row)
	}
}

func TestThemePassages(t *testing.T) {
	lib := t.TempDir()
	out := runCmd(t, lib, runThemes, "undersea-cables", "join-2025-140")
	if !strings.Contains(out, "Cavi sottomarini e terrestri") || !strings.Contains(out, "join-2025-140#") || strings.Contains(out, "g7-2024#") {
		t.Errorf("theme passages:\n%s", out)
	}
	var ps []themePassage
	if err := json.Unmarshal([]byte(runCmd(t, lib, runThemes, "undersea-cables", "--json")), &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) < 8 || ps[0].Score < ps[len(ps)-1].Score {
		t.Errorf("%d passages, not strongest first: %+v", len(ps), ps)
	}
	var o, e strings.Builder
	env := &Env{Stdout: &o, Stderr: &e, Library: lib}
	if err := runThemes(env, []string{"no-such-theme"}); err == nil || !strings.Contains(err.Error(), `no theme "no-such-theme"`) {
		t.Errorf("unknown theme: %v", err)
	}
	if err := runThemes(env, []string{"quantum", "nodoc"}); err == nil || !strings.Contains(err.Error(), `no document "nodoc"`) {
		t.Errorf("unknown document: %v", err)
	}
}
