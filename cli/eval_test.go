package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/index/team"
	"attache/index/team/pgtest"
)

func TestEvalPrintsFigures(t *testing.T) {
	out := runCmd(t, t.TempDir(), runEval, "../testdata/eval.json")
	for _, want := range []string{"128 queries", "default", "same-language", "nDCG@10", "P@5 CEILING", "RECALL@10", "PHRASE PRECISION", "phrase", "cross", "filter", "overall"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "found by quote only") {
		t.Errorf("the set's IDs are stale:\n%s", out)
	}
}

func TestEvalUpdateRefreshesIDs(t *testing.T) {
	raw, err := os.ReadFile("../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "eval.json")
	stale := strings.Replace(string(raw), `"id": "g7-2024#`, `"id": "g7-2024#x`, 1)
	if err := os.WriteFile(path, []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, t.TempDir(), runEval, "--update", path)
	if !strings.Contains(out, "1 passage IDs refreshed") {
		t.Errorf("update said %q", out)
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(raw) {
		t.Errorf("the refreshed file differs from the original")
	}
}

// TestEvalOnATeamLibrary: with --library URL, eval measures that team
// library as it is (here the seeds after init, so the figures are the
// seeds'), says which library it measured without its password, and
// refuses --import, which would change a desk's library.
func TestEvalOnATeamLibrary(t *testing.T) {
	s, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	url := s.DeskURL()
	if _, err := team.Init(context.Background(), team.Config{URL: url}); err != nil {
		t.Fatal(err)
	}
	out := runCmd(t, url, runEval, "../testdata/eval.json")
	for _, want := range []string{"team library postgres://desk:…@", "128 queries", "default", "same-language", "overall"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, pgtest.DeskPassword) {
		t.Errorf("eval printed the password:\n%s", out)
	}
	if strings.Contains(out, "found by quote only") {
		t.Errorf("the seeds' passage IDs differ in the team library:\n%s", out)
	}
	var rep struct {
		Library string `json:"library"`
		Default struct {
			Overall struct {
				NDCG float64 `json:"ndcg_at_10"`
			} `json:"overall"`
		} `json:"default"`
	}
	if err := json.Unmarshal([]byte(runCmd(t, url, runEval, "--json", "../testdata/eval.json")), &rep); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rep.Library, "team library ") || rep.Default.Overall.NDCG < 0.8 {
		t.Errorf("eval --json on the team library: library %q, nDCG@10 %.3f", rep.Library, rep.Default.Overall.NDCG)
	}

	var stdout, stderr bytes.Buffer
	err = runEval(&Env{Stdout: &stdout, Stderr: &stderr, Library: url}, []string{"--import", "../seeds", "../testdata/eval.json"})
	if err == nil || !strings.Contains(err.Error(), "measured as it is") || strings.Contains(err.Error(), pgtest.DeskPassword) {
		t.Errorf("eval --import on a team library: %v", err)
	}
}
