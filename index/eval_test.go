package index

import (
	"context"
	"os"
	"testing"

	"attache/seeds"
)

// The figures measured on the seeds when the evaluation set was made
// (go run . eval); the floors sit a little under them, so a change that
// makes retrieval worse fails here.
const (
	floorSameRecall  = 0.87
	floorSameMRR     = 0.78
	floorCrossRecall = 0.85
	floorCrossMRR    = 0.44 // literal-first ranks the other language after the words as typed
)

func openEvalLibrary(t *testing.T) *Local {
	t.Helper()
	lib, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func TestEvaluationFloor(t *testing.T) {
	set, err := LoadEvalSet("../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	lib := openEvalLibrary(t)
	rep, err := Evaluate(context.Background(), lib, set, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Missing) > 0 {
		t.Errorf("relevant passages not in the library: %v", rep.Missing)
	}
	if rep.Resolved > 0 {
		t.Errorf("%d relevant passages found by quote only: refresh the IDs with go run . eval --update", rep.Resolved)
	}
	same, cross := rep.SameLanguage, rep.CrossLanguage
	t.Logf("same-language: recall@10 %.3f, MRR %.3f over %d queries; cross-language: recall@10 %.3f, MRR %.3f over %d queries",
		same.Recall, same.MRR, same.Queries, cross.Recall, cross.MRR, cross.Queries)
	for _, q := range rep.Queries {
		t.Logf("%-45q same %.2f@%d cross %.2f@%d", q.Query, q.SameRecall, q.SameRank, q.CrossRecall, q.CrossRank)
	}
	if same.Recall < floorSameRecall || same.MRR < floorSameMRR {
		t.Errorf("same-language retrieval fell under its floor: recall@10 %.3f (floor %.2f), MRR %.3f (floor %.2f)", same.Recall, floorSameRecall, same.MRR, floorSameMRR)
	}
	if cross.Recall < floorCrossRecall || cross.MRR < floorCrossMRR {
		t.Errorf("cross-language retrieval fell under its floor: recall@10 %.3f (floor %.2f), MRR %.3f (floor %.2f)", cross.Recall, floorCrossRecall, cross.MRR, floorCrossMRR)
	}

	// Without expansion, the other language's passages are hardly found.
	off, err := Evaluate(context.Background(), lib, set, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("same-language switch: cross-language recall@10 %.3f, MRR %.3f", off.CrossLanguage.Recall, off.CrossLanguage.MRR)
	if off.CrossLanguage.Recall >= cross.Recall {
		t.Errorf("cross-language recall without expansion %.3f is not lower than with it %.3f", off.CrossLanguage.Recall, cross.Recall)
	}
}

func TestEvalSetRoundTripAndRefresh(t *testing.T) {
	set, err := LoadEvalSet("../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := FormatEvalSet(set); string(got) != string(raw) {
		t.Errorf("FormatEvalSet does not give back the file as written")
	}
	nEN, nIT := 0, 0
	for _, q := range set.Queries {
		if q.Lang == "en" {
			nEN++
		} else {
			nIT++
		}
	}
	if nEN < 20 || nIT < 20 {
		t.Errorf("%d English and %d Italian queries, want at least 20 each", nEN, nIT)
	}
	lib := openEvalLibrary(t)
	set.Queries[0].Relevant[0].ID = "g7-2024#0000000000"
	changed, missing := RefreshIDs(lib, set)
	if changed != 1 || len(missing) != 0 {
		t.Errorf("RefreshIDs changed %d, missing %v; want 1 and none", changed, missing)
	}
	if _, err := lib.Passage(set.Queries[0].Relevant[0].ID); err != nil {
		t.Errorf("refreshed ID: %v", err)
	}
}
