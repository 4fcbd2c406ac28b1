package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"attache/briefing"
)

func TestBriefDraft(t *testing.T) {
	lib := t.TempDir()
	path := filepath.Join(t.TempDir(), "cables.brief")
	out := runCmd(t, lib, briefDraft, path, "--theme", "undersea-cables,ai-governance", "--theme", "digital-skills-divide", "--per-theme", "3", "--lang", "it")
	if !strings.Contains(out, "created") || !strings.Contains(out, "3 sections") {
		t.Errorf("output: %s", out)
	}
	b, err := briefing.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Cavi sottomarini e terrestri; Intelligenza artificiale e sua governance; Competenze digitali e divario digitale" {
		t.Errorf("default title %q", b.Title)
	}
	want := []string{"undersea-cables", "ai-governance", "digital-skills-divide"}
	for i, s := range b.Sections {
		if s.Theme != want[i] || len(s.Excerpts) != 3 {
			t.Errorf("section %d: theme %q, %d excerpts", i, s.Theme, len(s.Excerpts))
		}
	}

	var o, e strings.Builder
	env := &Env{Stdout: &o, Stderr: &e, Library: lib}
	if err := briefDraft(env, []string{path, "--theme", "undersea-cables"}); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("existing file: %v", err)
	}
	if err := briefDraft(env, []string{filepath.Join(t.TempDir(), "x.brief"), "--theme", "nope"}); err == nil || !strings.Contains(err.Error(), `no theme "nope"`) {
		t.Errorf("unknown theme: %v", err)
	}
	if err := briefDraft(env, []string{filepath.Join(t.TempDir(), "x.brief")}); err == nil || !strings.Contains(err.Error(), "--theme") {
		t.Errorf("no theme: %v", err)
	}
}
