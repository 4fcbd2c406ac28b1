package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
