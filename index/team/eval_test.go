package team

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"attache/index"
	"attache/index/eval"
	"attache/seeds"
)

// TestEvalBesideLocal measures both libraries, the local one in a folder
// and the team one on PostgreSQL, on the same judged set
// (testdata/eval.json), in both modes, prints the figures side by side,
// and holds the team library's nDCG@10 within 0.05 of the local one's,
// overall and for each kind. make eval runs it.
func TestEvalBesideLocal(t *testing.T) {
	besideLocal(t, "eval.json", shared(t), nil, true)
}

// TestEvalHeldOutBesideLocal does the same on the held-out set of the
// seeds (testdata/eval-heldout.json), which no ranking rule was tuned on.
func TestEvalHeldOutBesideLocal(t *testing.T) {
	besideLocal(t, "eval-heldout.json", shared(t), nil, true)
}

// TestEvalGIMPBesideLocal does the same on the GIMP manual's judged set
// (testdata/eval-gimp.json), the manual imported into both libraries from
// the same place. make eval runs it (ATTACHE_TEAM_EVAL_GIMP=1) when the
// manual is installed; make test does not, for the import's time. It
// holds the team library to the same 0.05 margin (it was 0.10 under the
// local one, 0.45 against 0.55, while it ordered a tier's hits by
// ts_rank; see textScoreSQL).
func TestEvalGIMPBesideLocal(t *testing.T) {
	if os.Getenv("ATTACHE_TEAM_EVAL_GIMP") == "" {
		t.Skip("set ATTACHE_TEAM_EVAL_GIMP=1 (make eval does) to measure the GIMP manual's set")
	}
	paths := []string{filepath.Join(gimpManual, "en"), filepath.Join(gimpManual, "it")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Skip("the GIMP manual is not installed (apt-get install gimp-help-en gimp-help-it)")
		}
	}
	besideLocal(t, "eval-gimp.json", freshLibrary(t), paths, true)
}

// besideLocal measures team beside a fresh local library, both holding the
// seeds and the files at imports, on testdata/name; with hold, it fails
// when the team's nDCG@10 is more than 0.05 under the local's.
func besideLocal(t *testing.T, name string, team *Library, imports []string, hold bool) {
	set, err := eval.Load(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	local, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	ctx := context.Background()
	if len(imports) > 0 {
		for _, lib := range []index.Library{local, team} {
			if _, err := lib.Import(ctx, imports, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MODE\tKIND\tQUERIES\tnDCG@10 local\tteam\tP@5 local\tteam\tRECALL@10 local\tteam\tPHRASE P local\tteam")
	for _, same := range []bool{false, true} {
		l, err := eval.Run(ctx, local, set, same)
		if err != nil {
			t.Fatal(err)
		}
		r, err := eval.Run(ctx, team, set, same)
		if err != nil {
			t.Fatal(err)
		}
		mode := "default"
		if same {
			mode = "same-language"
		}
		row := func(kind string, a, b eval.Figures) {
			pp := func(f float64) string {
				if f < 0 {
					return "-"
				}
				return fmt.Sprintf("%.3f", f)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%s\n", mode, kind, a.Queries,
				a.NDCG, b.NDCG, a.Precision, b.Precision, a.Recall, b.Recall, pp(a.PhrasePrecision), pp(b.PhrasePrecision))
			if hold && a.NDCG-b.NDCG > 0.05 {
				t.Errorf("%s, %s: team nDCG@10 %.3f, more than 0.05 under the local library's %.3f", mode, kind, b.NDCG, a.NDCG)
			}
		}
		for _, k := range eval.Kinds {
			if f, ok := l.Kinds[k]; ok {
				row(k, f, r.Kinds[k])
			}
		}
		row("overall", l.Overall, r.Overall)
		if os.Getenv("ATTACHE_EVAL_QUERIES") != "" {
			// every query whose figures differ, to find where the two part
			for i, q := range l.Queries {
				if d := q.NDCG - r.Queries[i].NDCG; d > 0.005 || d < -0.005 {
					fmt.Fprintf(os.Stdout, "%s %s %q: nDCG@10 local %.3f team %.3f\n", name, mode, q.Query, q.NDCG, r.Queries[i].NDCG)
				}
			}
		}
		if len(r.Missing) > 0 {
			t.Errorf("team: %d judged passages missing, first %s", len(r.Missing), r.Missing[0])
		}
	}
	tw.Flush()
	fmt.Fprintf(os.Stdout, "testdata/%s: %d queries, local library (Bleve) beside team library (PostgreSQL)\n%s", name, len(set.Queries), b.String())
}
