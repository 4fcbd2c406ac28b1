package eval

import (
	"context"
	"os"
	"testing"

	"attache/index"
	"attache/seeds"
)

// floor is the least a figure may fall to: what was measured when the
// set was judged (go run . eval), minus a small margin, so that a change
// that makes search worse fails here.
type floor struct {
	ndcg, precisionShare, recall, phrasePrecision float64
}

// The floors on the seeds, per mode and kind ("" is overall). P@5 is held
// as a share of its ceiling.
var seedFloors = map[bool]map[string]floor{
	false: { // measured (judgments pooled): nDCG@10 0.922, P@5 0.739 of 0.800, recall 0.917, phrase precision 1.000
		"":       {0.90, 0.90, 0.89, 1},
		"en":     {0.87, 0.85, 0.86, 0},
		"it":     {0.90, 0.92, 0.91, 0},
		"phrase": {0.93, 0.95, 0.94, 1},
		"cross":  {0.90, 0.88, 0.87, 0},
		"filter": {0.91, 0.92, 0.92, 0},
	},
	true: { // measured (judgments pooled): nDCG@10 0.631, P@5 0.492 of 0.800, recall 0.610
		"":       {0.61, 0.59, 0.59, 1},
		"phrase": {0.75, 0.74, 0.65, 1},
	},
}

// The floors on the held-out set (testdata/eval-heldout.json), judged
// before any tuning against it, so that a change tuned to eval.json that
// makes other queries worse fails here.
var heldOutFloors = map[bool]map[string]floor{
	false: { // measured (judgments pooled): nDCG@10 0.952, P@5 0.786 of 0.837, recall 0.935, phrase precision 1.000
		"":       {0.93, 0.91, 0.91, 1},
		"en":     {0.92, 0.92, 0.85, 0},
		"it":     {0.96, 0.92, 0.92, 0},
		"phrase": {0.95, 0.97, 0.97, 1},
		"cross":  {0.90, 0.85, 0.91, 0},
		"filter": {0.91, 0.94, 0.88, 0},
	},
	true: { // measured (judgments pooled): nDCG@10 0.597, P@5 0.470 of 0.837, recall 0.538
		"": {0.58, 0.54, 0.52, 1},
	},
}

func openSeeds(t testing.TB) *index.Local {
	t.Helper()
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func TestSeedFloors(t *testing.T) {
	holdFloors(t, "../../testdata/eval.json", seedFloors)
}

func TestHeldOutFloors(t *testing.T) {
	holdFloors(t, "../../testdata/eval-heldout.json", heldOutFloors)
}

// holdFloors runs a set on the seeds in both modes and checks its floors.
func holdFloors(t *testing.T, path string, floors map[bool]map[string]floor) {
	t.Helper()
	set, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	lib := openSeeds(t)
	for _, same := range []bool{false, true} {
		rep, err := Run(context.Background(), lib, set, same)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Missing) > 0 {
			t.Errorf("judged passages not in the library: %v", rep.Missing)
		}
		if rep.Resolved > 0 {
			t.Errorf("%d judged passages found by quote only: refresh the IDs with go run . eval --update", rep.Resolved)
		}
		checkPooled(t, rep)
		checkFloors(t, rep, floors[same])
	}
}

// minJudged is the least share of the top 10 hits that must have a
// grade: the sets are pooled (every hit of a top 10 read and graded), and
// a ranking change that brings unread passages into the top 10s must have
// them graded before its figures mean anything.
const minJudged = 0.97

// checkPooled fails when too many top-10 hits have no grade.
func checkPooled(t *testing.T, rep *Report) {
	t.Helper()
	if rep.Judged < minJudged {
		t.Errorf("same-language %v: only %.3f of the top-10 hits are judged (least %.2f): read and grade the %d unjudged (go run . eval --json lists them), first %s",
			rep.SameLanguage, rep.Judged, minJudged, len(rep.Unjudged), rep.Unjudged[0])
	}
}

// checkFloors fails when a kind's figures fall under its floor.
func checkFloors(t *testing.T, rep *Report, floors map[string]floor) {
	t.Helper()
	for kind, fl := range floors {
		f := rep.Overall
		if kind != "" {
			f = rep.Kinds[kind]
		}
		t.Logf("same-language %v, %q: nDCG@10 %.3f, P@5 %.3f of %.3f, recall@10 %.3f, phrase precision %.3f over %d queries",
			rep.SameLanguage, kind, f.NDCG, f.Precision, f.Ceiling, f.Recall, f.PhrasePrecision, f.Queries)
		share := 0.0
		if f.Ceiling > 0 {
			share = f.Precision / f.Ceiling
		}
		if f.NDCG < fl.ndcg || share < fl.precisionShare || f.Recall < fl.recall || (fl.phrasePrecision > 0 && f.PhrasePrecision < fl.phrasePrecision) {
			t.Errorf("same-language %v, kind %q under its floor: nDCG@10 %.3f (floor %.2f), P@5/ceiling %.3f (floor %.2f), recall@10 %.3f (floor %.2f), phrase precision %.3f (floor %.2f)",
				rep.SameLanguage, kind, f.NDCG, fl.ndcg, share, fl.precisionShare, f.Recall, fl.recall, f.PhrasePrecision, fl.phrasePrecision)
		}
	}
}

// gimpHelp is where Debian's gimp-help-en and gimp-help-it put the GIMP
// manual.
var gimpHelp = []string{"/usr/share/gimp/2.0/help/en", "/usr/share/gimp/2.0/help/it"}

// The floors on the GIMP manual import (testdata/eval-gimp.json).
var gimpFloors = map[string]floor{ // measured (judgments pooled): nDCG@10 0.597, P@5 0.847 of 0.953, recall 0.635
	"":       {0.58, 0.86, 0.61, 1},
	"phrase": {0.62, 0.92, 0.64, 1},
}

func TestGIMPFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("the GIMP manual import takes a while: not in -short")
	}
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("the GIMP manual is not installed (%s): apt-get install gimp-help-en gimp-help-it to measure search on it", d)
		}
	}
	set, err := Load("../../testdata/eval-gimp.json")
	if err != nil {
		t.Fatal(err)
	}
	lib := openSeeds(t)
	if _, err := lib.Import(context.Background(), gimpHelp, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), lib, set, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Missing) > 0 {
		t.Errorf("%d judged passages not in the import, first %s", len(rep.Missing), rep.Missing[0])
	}
	checkPooled(t, rep)
	checkFloors(t, rep, gimpFloors)
}

func TestSetRoundTripAndRefresh(t *testing.T) {
	for _, path := range []string{"../../testdata/eval.json", "../../testdata/eval-gimp.json", "../../testdata/eval-heldout.json"} {
		set, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := Format(set); string(got) != string(raw) {
			t.Errorf("%s: Format does not give back the file as written", path)
		}
	}
	set, err := Load("../../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, q := range set.Queries {
		kinds[q.Kind]++
	}
	if len(set.Queries) < 120 {
		t.Errorf("%d queries, want at least 120", len(set.Queries))
	}
	for _, k := range Kinds {
		if kinds[k] < 10 {
			t.Errorf("%d queries of kind %s, want at least 10", kinds[k], k)
		}
	}
	lib := openSeeds(t)
	set.Queries[0].Judged[0].ID = "g7-2024#0000000000"
	changed, missing := RefreshIDs(lib, set)
	if changed != 1 || len(missing) != 0 {
		t.Errorf("RefreshIDs changed %d, missing %v; want 1 and none", changed, missing)
	}
	if _, err := lib.Passage(set.Queries[0].Judged[0].ID); err != nil {
		t.Errorf("refreshed ID: %v", err)
	}
}

func TestMeasure(t *testing.T) {
	q := Query{Query: `"a b"`, Kind: "phrase", Holds: []string{"a b"}}
	grades := map[string]int{"x": 2, "y": 1, "z": 0}
	r := measure(q, []string{"x", "y", "w"}, []string{"the A  b", "a b c", "b a"}, grades)
	if r.NDCG < 0.999 || r.Recall != 1 || r.Precision != 0.4 || r.Ceiling != 0.4 {
		t.Errorf("perfect ranking: %+v", r)
	}
	if r.PhrasePrecision < 0.66 || r.PhrasePrecision > 0.67 {
		t.Errorf("phrase precision %.3f, want 2/3", r.PhrasePrecision)
	}
	r = measure(q, []string{"w", "y", "x"}, []string{"", "", ""}, grades)
	if r.NDCG >= 0.9 || r.Recall != 1 {
		t.Errorf("worse ranking: %+v", r)
	}
}

// The held-out set stays apart from the set ranking is tuned on: no query
// of eval.json in it, and every kind there.
func TestHeldOutIsApart(t *testing.T) {
	tuned, err := Load("../../testdata/eval.json")
	if err != nil {
		t.Fatal(err)
	}
	held, err := Load("../../testdata/eval-heldout.json")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, q := range tuned.Queries {
		seen[normalizeSpace(q.Query)] = true
	}
	kinds := map[string]int{}
	for _, q := range held.Queries {
		if seen[normalizeSpace(q.Query)] {
			t.Errorf("held-out query %q is also in eval.json", q.Query)
		}
		kinds[q.Kind]++
	}
	for _, k := range Kinds {
		if kinds[k] < 5 {
			t.Errorf("held-out set: %d queries of kind %s, want at least 5", kinds[k], k)
		}
	}
}

func TestRunNamesUnjudgedHits(t *testing.T) {
	lib := openSeeds(t)
	res, err := lib.Search(context.Background(), index.Query{Text: "cavi sottomarini", Limit: Cutoff})
	if err != nil || len(res.Hits) < 3 {
		t.Fatalf("search: %v, %d hits", err, len(res.Hits))
	}
	// Grade the first hit 2 and the second 0: both are judged; the rest
	// of the top 10 is not.
	set := &Set{Queries: []Query{{Query: "cavi sottomarini", Lang: "it", Kind: "it", Judged: []Passage{
		{ID: res.Hits[0].ID, Grade: 2}, {ID: res.Hits[1].ID, Grade: 0},
	}}}}
	rep, err := Run(context.Background(), lib, set, false)
	if err != nil {
		t.Fatal(err)
	}
	n := min(len(res.Hits), Cutoff)
	if len(rep.Unjudged) != n-2 || rep.Unjudged[0] != "cavi sottomarini: "+res.Hits[2].ID {
		t.Errorf("unjudged %v, want the %d hits after the first two", rep.Unjudged, n-2)
	}
	if want := 2 / float64(n); rep.Judged < want-1e-9 || rep.Judged > want+1e-9 {
		t.Errorf("judged share %.3f, want %.3f", rep.Judged, want)
	}
}
