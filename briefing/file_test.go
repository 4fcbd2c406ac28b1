package briefing

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileRoundTrip(t *testing.T) {
	b := sampleBrief(t)
	path := filepath.Join(t.TempDir(), "note.brief")
	if err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "{\n  \"format\": \"attache-brief\",\n  \"version\": \"1.0\",\n  \"title\":") {
		t.Errorf("file starts %q", string(data[:80]))
	}
	if !strings.Contains(string(data), "dell'UE è in costante crescita") {
		t.Error("accents not written as plain UTF-8")
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Marshal(got)
	if string(again) != string(data) {
		t.Errorf("round trip differs:\n%s\n---\n%s", data, again)
	}
	if got.FormatVersion != "1.0" || got.Sections[2].Excerpts[0].Notes[0].Number != "1" {
		t.Error("fields lost")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
}

func TestLoadDamaged(t *testing.T) {
	dir := t.TempDir()
	good, _ := Marshal(sampleBrief(t))
	cases := []struct {
		name, content, want string
	}{
		{"truncated", string(good[:len(good)/2]), "is damaged: unexpected end of JSON at byte " + itoa(len(good)/2)},
		{"not-json", "Title: my notes\nSome text\n", "is not an Attaché brief (not JSON)"},
		{"other-json", `{"name": "package.json", "version": "1.0"}`, `is not an Attaché brief (no "format": "attache-brief")`},
		{"array", `[1, 2]`, "is not an Attaché brief (JSON, but not a brief)"},
		{"newer", `{"format": "attache-brief", "version": "2.0", "title": "x", "sections": []}`, "was written by a newer Attaché (format 2.0); this one reads 1.x"},
		{"bad-version", `{"format": "attache-brief", "version": "one", "title": "x"}`, `is damaged: bad format version "one"`},
		{"bad-field", `{"format": "attache-brief", "version": "1.0", "title": "x", "sections": 3}`, "is damaged: field sections holds number at byte"},
		{"bad-char", `{"format": "attache-brief", "version": "1.0", "title": x}`, "is damaged: invalid character 'x' looking for beginning of value at byte"},
		{"empty", "", "is empty"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name+".brief")
		os.WriteFile(path, []byte(c.content), 0o644)
		_, err := Load(path)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error does not name the file: %v", c.name, err)
		}
		after, _ := os.ReadFile(path)
		if string(after) != c.content {
			t.Errorf("%s: load changed the file", c.name)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.brief")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing: %v", err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestUnknownFieldsSurvive(t *testing.T) {
	in := `{
  "format": "attache-brief",
  "version": "1.3",
  "title": "Future brief",
  "watermark": {"text": "DRAFT", "opacity": 0.2},
  "sections": [
    {"id": "s1", "heading": "One", "text": "First para.\n\nSecond para.", "collapsed": true,
     "excerpts": [{"id": "x1", "passage": "p1", "source": {"doc": "d", "title": "T"}, "text": "Hello", "full": "Hello world", "highlight": ["yellow"]}]}
  ]
}`
	path := filepath.Join(t.TempDir(), "future.brief")
	os.WriteFile(path, []byte(in), 0o644)
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(b.Sections[0].Text, "|"); got != "First para.|Second para." {
		t.Errorf("text as one string read as %q", got)
	}
	e := NewEditor(b)
	if err := e.RenameSection("s1", "Renamed"); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, e.Brief()); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	if m["version"] != "1.3" {
		t.Errorf("version written back as %v", m["version"])
	}
	if wm, _ := m["watermark"].(map[string]any); wm["text"] != "DRAFT" {
		t.Errorf("brief-level unknown field lost: %s", out)
	}
	s := m["sections"].([]any)[0].(map[string]any)
	if s["collapsed"] != true || s["heading"] != "Renamed" {
		t.Errorf("section-level unknown field lost: %s", out)
	}
	x := s["excerpts"].([]any)[0].(map[string]any)
	if h, _ := x["highlight"].([]any); len(h) != 1 || h[0] != "yellow" {
		t.Errorf("excerpt-level unknown field lost: %s", out)
	}
}

func TestLoadFixesIDs(t *testing.T) {
	in := `{"format":"attache-brief","version":"1.0","title":"x","sections":[{"heading":"A","excerpts":[{"passage":"p","text":"t"}]},{"id":"s1","heading":"B"},{"id":"s1","heading":"C"}]}`
	b, err := Parse([]byte(in), "x.brief")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range b.Sections {
		if s.ID == "" || seen[s.ID] {
			t.Errorf("section id %q", s.ID)
		}
		seen[s.ID] = true
	}
	if x := b.Sections[0].Excerpts[0]; x.ID == "" || seen[x.ID] || x.Full != "t" {
		t.Errorf("excerpt %+v", x)
	}
}

func TestSaveIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "note.brief")
	if err := Save(path, sampleBrief(t)); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	// a write that fails half way leaves the old file and no temporary file
	boom := errors.New("disk full")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte(`{"format": "attache-brief", "vers`))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(old) {
		t.Error("failed write changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// saving into a missing folder fails with a one-line message
	err = Save(filepath.Join(dir, "no", "such", "x.brief"), sampleBrief(t))
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing folder: %v", err)
	}
	// a save replaces the file whole
	b := sampleBrief(t)
	b.Title = "Second version"
	if err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil || got.Title != "Second version" {
		t.Errorf("after second save: %v %q", err, got.Title)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind after save: %v", entries)
	}
}

// TestParseFixesIDs checks that a hand-edited file whose sections and
// excerpts lack IDs or share them loads with every ID unique: the first
// to use an ID keeps it, the others get new ones.
func TestParseFixesIDs(t *testing.T) {
	data := []byte(`{"format": "attache-brief", "version": "1.0", "title": "IDs",
		"sections": [
			{"id": "s1", "heading": "One", "excerpts": [
				{"id": "x1", "passage": "d#1", "source": {"doc": "d", "title": "D"}, "text": "a", "full": "a"},
				{"id": "s1", "passage": "d#2", "source": {"doc": "d", "title": "D"}, "text": "b", "full": "b"},
				{"passage": "d#3", "source": {"doc": "d", "title": "D"}, "text": "c"}]},
			{"id": "s1", "heading": "Two", "excerpts": [
				{"id": "x1", "passage": "d#4", "source": {"doc": "d", "title": "D"}, "text": "d", "full": "d"}]},
			{"heading": "Three"}]}`)
	b, err := Parse(data, "ids.brief")
	if err != nil {
		t.Fatal(err)
	}
	if b.Sections[0].ID != "s1" || b.Sections[0].Excerpts[0].ID != "x1" {
		t.Errorf("first users lost their IDs: %q %q", b.Sections[0].ID, b.Sections[0].Excerpts[0].ID)
	}
	seen := map[string]bool{}
	for _, s := range b.Sections {
		ids := []string{s.ID}
		for _, x := range s.Excerpts {
			ids = append(ids, x.ID)
		}
		for _, id := range ids {
			if id == "" || seen[id] {
				t.Errorf("ID %q empty or used twice in %+v", id, b.Sections)
			}
			seen[id] = true
		}
	}
	if len(seen) != 7 {
		t.Errorf("%d distinct IDs, want 7", len(seen))
	}
	if x := b.Sections[0].Excerpts[2]; x.Full != "c" {
		t.Errorf("excerpt without full: Full %q, want its text", x.Full)
	}
}

// TestSaveWritesThroughSymlink checks that saving a brief opened through a
// symbolic link writes the file the link points to and keeps the link,
// instead of replacing the link with a copy that the real file never sees.
func TestSaveWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "shared", "note.brief")
	if err := os.Mkdir(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Save(real, sampleBrief(t)); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.brief")
	if err := os.Symlink(filepath.Join("shared", "note.brief"), link); err != nil {
		t.Fatal(err)
	}
	b := sampleBrief(t)
	b.Title = "Through the link"
	if err := Save(link, b); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	got, err := Load(real)
	if err != nil || got.Title != "Through the link" {
		t.Errorf("the linked file was not written: %v %q", err, got.Title)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind beside the link: %v", entries)
	}
	// a save to a folder is refused in one line, and the folder is kept
	err = Save(filepath.Dir(real), b)
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("save to a folder: %v", err)
	}
	if st, err := os.Stat(filepath.Dir(real)); err != nil || !st.IsDir() {
		t.Errorf("the folder was replaced: %v", err)
	}
}

// TestSaveLongFileName checks that a brief whose file name is near the
// system's limit of 255 bytes (a long Italian title makes one) can be
// saved: the temporary file's name, the whole name plus a prefix and a
// suffix, was too long, so every save failed.
func TestSaveLongFileName(t *testing.T) {
	name := strings.Repeat("è", 120) + Extension // 246 bytes
	path := filepath.Join(t.TempDir(), name)
	b := sampleBrief(t)
	if err := Save(path, b); err != nil {
		t.Fatalf("first save: %v", err)
	}
	b.Title = "Again"
	if err := Save(path, b); err != nil {
		t.Fatalf("second save: %v", err)
	}
	if got, err := Load(path); err != nil || got.Title != "Again" {
		t.Errorf("reloaded: %v %q", err, got.Title)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
