package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// runCLI runs the command line with a library in dir and returns the exit
// status, standard output and standard error.
func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(append([]string{"--library", dir}, args...), Env{Stdout: &out, Stderr: &errOut})
	return code, out.String(), errOut.String()
}

// oneLineError checks that stderr holds one error line (and maybe the usage
// hint) and no Go stack trace.
func oneLineError(t *testing.T, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if !strings.HasPrefix(lines[0], "attache: ") || !strings.Contains(lines[0], want) {
		t.Errorf("stderr %q, want an error line containing %q", stderr, want)
	}
	if len(lines) > 2 || strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr is not one error line: %q", stderr)
	}
}

func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI(t, dir, "search", "cavi", "sottomarini", "--limit", "3")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "building the search index") {
		t.Errorf("first run: stderr %q, want a notice of the build", errOut)
	}
	for _, want := range []string{"1. ", "[cavi]", "[sottomarini]", "join-2025-140#", "passages; showing 3", "By document: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<mark>") {
		t.Errorf("output shows raw markers:\n%s", out)
	}

	// the second run reuses the index quietly; -cookie is a query word
	code, out, errOut = runCLI(t, dir, "search", "--lang", "en", "digital", "-cookie", "--same-language")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, " · it · ") || strings.Contains(strings.ToLower(out), "[cookie]") {
		t.Errorf("--lang en -cookie:\n%s", out)
	}
	code, out, _ = runCLI(t, dir, "search", "quokka")
	if code != 0 || !strings.Contains(out, `No passage matches "quokka"`) {
		t.Errorf("no hits: exit %d, output %q", code, out)
	}
}

func TestSearchJSON(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCLI(t, dir, "search", "--json", "--doc", "join-2025-140", "--limit", "2", "cavi", "sottomarini")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var res struct {
		Query string `json:"query"`
		Total *int   `json:"total"`
		Hits  []map[string]json.RawMessage
		// facets: name → list of value and count
		Facets map[string][]facetJSON `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if res.Query != "cavi sottomarini" || res.Total == nil || *res.Total < 2 || len(res.Hits) != 2 {
		t.Fatalf("query %q total %v hits %d", res.Query, res.Total, len(res.Hits))
	}
	for _, h := range res.Hits {
		for _, f := range []string{"id", "doc", "lang", "locator", "citation", "score", "snippet", "text", "notes"} {
			if _, ok := h[f]; !ok {
				t.Errorf("hit lacks %q: %v", f, h)
			}
		}
		if string(h["doc"]) != `"join-2025-140"` {
			t.Errorf("--doc: hit of %s", h["doc"])
		}
		if !strings.Contains(string(h["snippet"]), "<mark>") {
			t.Errorf("snippet without markers: %s", h["snippet"])
		}
	}
	// The doc facet is counted under the other filters, not its own: it
	// shows every document one could switch to, this one with the total.
	if d := res.Facets["doc"]; len(d) < 2 || !hasFacet(d, "join-2025-140", *res.Total) {
		t.Errorf("doc facet %+v, total %d", d, *res.Total)
	}
	if _, ok := res.Facets["lang"]; !ok {
		t.Error("no lang facet")
	}
}

func TestSearchErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"search"}, 2, "give some words to search for"},
		{[]string{"search", "--doc", "nope"}, 2, "nope"},
		{[]string{"search", `"cavi`}, 2, "unclosed quote in query"},
		{[]string{"search", "cavi", "foo:bar"}, 2, `unknown filter "foo:"`},
		{[]string{"search", "-cavi"}, 2, "the query only excludes words"},
		{[]string{"search", "c*"}, 2, "too short"},
		{[]string{"search", "--limit", "0", "cavi"}, 2, "--limit must be between 1 and 500"},
		{[]string{"search", "--limit", "x", "cavi"}, 2, "invalid value"},
		{[]string{"search", "--lang", "Italian", "cavi"}, 2, "--lang takes a language code"},
		{[]string{"search", "--doc", "nope", "cavi"}, 2, `no document "nope"`},
		{[]string{"show"}, 2, "give one passage ID"},
		{[]string{"show", "a", "b"}, 2, "give one passage ID"},
		{[]string{"show", "nope#123"}, 1, `no passage "nope#123" in the library`},
		{[]string{"docs", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"docs", "--bogus"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, dir, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tt.args, code, tt.code, errOut)
		}
		if out != "" {
			t.Errorf("%v: output on error: %q", tt.args, out)
		}
		oneLineError(t, strings.ReplaceAll(errOut, "attache: building the search index in "+dir+"\n", ""), tt.want)
	}
}

func TestHelp(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"search", "show", "docs"} {
		code, out, errOut := runCLI(t, dir, cmd, "-h")
		if code != 0 || !strings.Contains(out, "Usage: attache "+cmd) || errOut != "" {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q", cmd, code, out, errOut)
		}
	}
}

// TestSubcommandHelp checks what -h prints below the top level: a brief
// subcommand its flags alone, "doc edit" the usage line of "doc", and -h
// after "--" is an argument, not a request for help.
func TestSubcommandHelp(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args    []string
		want    string
		without string
	}{
		{[]string{"brief", "new", "x.brief", "--help"}, "  -title string\n", "Usage:"},
		{[]string{"brief", "add", "-h"}, "  -section string\n", "Usage:"},
		{[]string{"brief", "draft", "-help"}, "  -per-theme int\n", "Usage:"},
		{[]string{"doc", "edit", "-h"}, "Usage: attache doc edit ID", ""},
		{[]string{"doc", "edit", "-h"}, "  -issuer value\n", ""},
		{[]string{"import", "-h"}, "Usage: attache import [--json] PATH…\n\nadd files and folders", ""},
	} {
		code, out, errOut := runCLI(t, dir, tt.args...)
		if code != 0 || errOut != "" || !strings.Contains(out, tt.want) || (tt.without != "" && strings.Contains(out, tt.without)) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q in stdout", tt.args, code, out, errOut, tt.want)
		}
	}
	code, out, _ := runCLI(t, dir, "brief", "show", "-h")
	if code != 0 || !strings.HasPrefix(out, "  -json\n") {
		t.Errorf("brief show -h: exit %d, stdout %q", code, out)
	}
	code, _, errOut := runCLI(t, dir, "brief", "show", "--", "-h")
	if code != 1 || !strings.Contains(errOut, `"-h"`) {
		t.Errorf("brief show -- -h: exit %d, stderr %q; want it read as a file name", code, errOut)
	}
}

func TestShowAndDocs(t *testing.T) {
	setLocale(t, "en_GB.UTF-8") // show prints the locator in the user's language
	dir := t.TempDir()
	code, out, errOut := runCLI(t, dir, "search", "--json", "--same-language", "--limit", "1", `"cavo sottomarino"`)
	if code != 0 {
		t.Fatalf("search: exit %d, %s", code, errOut)
	}
	var res struct {
		Hits []struct {
			ID       string `json:"id"`
			Text     string `json:"text"`
			Citation string `json:"citation"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) != 1 {
		t.Fatalf("search output: %v %s", err, out)
	}
	hit := res.Hits[0]

	code, out, errOut = runCLI(t, dir, "show", hit.ID)
	if code != 0 || errOut != "" {
		t.Fatalf("show: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{hit.Citation, hit.Text, "Una strategia digitale internazionale", "Section: ", "Passage " + hit.ID} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI(t, dir, "show", "--json", hit.ID)
	var p struct {
		ID       string            `json:"id"`
		Text     string            `json:"text"`
		Citation string            `json:"citation"`
		Notes    []json.RawMessage `json:"notes"`
		Section  []string          `json:"section"`
		Document struct {
			ID        string `json:"id"`
			Reference string `json:"reference"`
		} `json:"document"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil || code != 0 {
		t.Fatalf("show --json: exit %d, %v\n%s", code, err, out)
	}
	if p.ID != hit.ID || p.Text != hit.Text || p.Citation != hit.Citation || p.Notes == nil || len(p.Section) == 0 ||
		p.Document.ID != "join-2025-140" || p.Document.Reference != "JOIN(2025) 140 final" {
		t.Errorf("show --json: %+v", p)
	}

	// a passage with notes shows them
	code, out, _ = runCLI(t, dir, "search", "--json", "--limit", "50", "--doc", "council-2023", "digitale")
	var withNotes struct {
		Hits []struct {
			ID    string `json:"id"`
			Notes []struct {
				Number string `json:"number"`
				Text   string `json:"text"`
			} `json:"notes"`
		} `json:"hits"`
	}
	json.Unmarshal([]byte(out), &withNotes)
	shown := false
	for _, h := range withNotes.Hits {
		if len(h.Notes) > 0 && !shown {
			shown = true
			_, out, _ = runCLI(t, dir, "show", h.ID)
			if !strings.Contains(out, "Notes:\n  ["+h.Notes[0].Number+"] ") {
				t.Errorf("show %s: notes missing:\n%s", h.ID, out)
			}
		}
	}
	if !shown {
		t.Error("no council-2023 passage about digitale has notes")
	}

	code, out, errOut = runCLI(t, dir, "docs")
	if code != 0 || errOut != "" {
		t.Fatalf("docs: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"ID", "PASSAGES", "g7-2024", "tech7-2024", "council-2023", "join-2025-140", "JOIN(2025) 140 final", "4 documents, "} {
		if !strings.Contains(out, want) {
			t.Errorf("docs output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, dir, "docs", "--json")
	var docs []struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Lang     string `json:"lang"`
		Date     string `json:"date"`
		Passages int    `json:"passages"`
		Seed     bool   `json:"seed"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil || code != 0 || len(docs) != 4 {
		t.Fatalf("docs --json: exit %d, %v\n%s", code, err, out)
	}
	for _, d := range docs {
		if d.Title == "" || d.Lang == "" || d.Date == "" || d.Passages == 0 || !d.Seed {
			t.Errorf("docs --json entry %+v", d)
		}
	}
}

func TestRunCommandTurnsPanicIntoError(t *testing.T) {
	boom := command{name: "boom", run: func(*Env, []string) error { panic("boom") }}
	err := runCommand(boom, &Env{}, nil)
	if err == nil || err.Error() != "internal error: boom" {
		t.Errorf("runCommand of a panicking command: %v, want internal error: boom", err)
	}
}

func TestSearchWithOnlyAFilterListsItsPassages(t *testing.T) {
	code, out, errOut := runCLI(t, t.TempDir(), "search", "--doc", "tech7-2024", "--limit", "500", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Doc string `json:"doc"`
			Seq int    `json:"seq"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total < 10 || len(res.Hits) != res.Total {
		t.Fatalf("search --doc tech7-2024 lists %d of %d passages", len(res.Hits), res.Total)
	}
	for i, h := range res.Hits {
		if h.Doc != "tech7-2024" || h.Seq != i {
			t.Fatalf("hit %d is passage %d of %s, want passage %d of tech7-2024 in reading order", i, h.Seq, h.Doc, i)
		}
	}
}

// facetJSON is one facet value as "attache search --json" prints it.
type facetJSON struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// hasFacet reports whether a facet has value with count.
func hasFacet(fs []facetJSON, value string, count int) bool {
	for _, f := range fs {
		if f.Value == value && f.Count == count {
			return true
		}
	}
	return false
}

func TestSearchSaysWeakMatches(t *testing.T) {
	dir := t.TempDir()
	out := runCmd(t, dir, runSearch, "--limit", "50", "digital", "transformation", "industry")
	line := regexp.MustCompile(`also: (\d+) weaker matches \(--weak lists them\)`).FindStringSubmatch(out)
	if line == nil {
		t.Fatalf("no weak line:\n%s", out)
	}
	var res struct {
		Weak int `json:"weak"`
		Hits []struct {
			Weak    bool   `json:"weak"`
			Snippet string `json:"snippet"`
		} `json:"hits"`
	}
	js := runCmd(t, dir, runSearch, "--json", "--limit", "500", "digital", "transformation", "industry")
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Weak) != line[1] || res.Weak == 0 {
		t.Errorf("JSON weak %d, text said %s", res.Weak, line[1])
	}
	weak := 0
	for i, h := range res.Hits {
		if h.Weak {
			weak++
		} else if weak > 0 {
			t.Errorf("hit %d is strong after %d weak ones", i, weak)
		}
	}
	if weak != res.Weak {
		t.Errorf("%d hits marked weak, results say %d", weak, res.Weak)
	}
}
