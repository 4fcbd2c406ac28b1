package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"attache/briefing"
	"attache/index"
	"attache/seeds"
)

// defaultEvalSet is the evaluation set "attache eval" runs without FILE.
const defaultEvalSet = "testdata/eval.json"

// runEval implements "attache eval": recall@10 and MRR of the evaluation
// set's queries, for the relevant passages in the query's language and for
// those in the other language. It measures a fresh library of the seeds
// alone, in a temporary folder, so the figures do not depend on what the
// user has imported.
func runEval(env *Env, args []string) error {
	fs := newFlags("eval")
	asJSON := fs.Bool("json", false, "print JSON")
	verbose := fs.Bool("v", false, "print every query's figures")
	update := fs.Bool("update", false, "refresh the set's passage IDs from their quotes and rewrite FILE")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	path := defaultEvalSet
	switch len(rest) {
	case 0:
	case 1:
		path = rest[0]
	default:
		return usagef("eval: give at most one evaluation file")
	}
	set, err := index.LoadEvalSet(path)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "attache-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	lib, err := index.Open(index.Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		return err
	}
	defer lib.Close()

	if *update {
		changed, missing := index.RefreshIDs(lib, set)
		if len(missing) > 0 {
			return fmt.Errorf("eval: %d quotes of %s are in no passage, first %s", len(missing), path, missing[0])
		}
		if err := briefing.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := w.Write(index.FormatEvalSet(set))
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d passage IDs refreshed\n", path, changed)
		return nil
	}

	ctx := context.Background()
	cross, err := index.Evaluate(ctx, lib, set, false)
	if err != nil {
		return err
	}
	same, err := index.Evaluate(ctx, lib, set, true)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, map[string]any{"set": path, "expanded": cross, "same_language_switch": same})
	}
	nEN, nRel := 0, 0
	for _, q := range set.Queries {
		if q.Lang == "en" {
			nEN++
		}
		nRel += len(q.Relevant)
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s: %d queries (%d English, %d Italian), %d relevant passages, top %d hits each\n\n",
		path, len(set.Queries), nEN, len(set.Queries)-nEN, nRel, index.EvalCutoff)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RELEVANT PASSAGES\tRECALL@10\tMRR\tQUERIES\tPASSAGES")
	row := func(name string, f index.EvalFigures) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%d\t%d\n", name, f.Recall, f.MRR, f.Queries, f.Relevant)
	}
	row("same language", cross.SameLanguage)
	row("cross language", cross.CrossLanguage)
	row("cross language, --same-language", same.CrossLanguage)
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(cross.Missing) > 0 || cross.Resolved > 0 {
		fmt.Fprintf(w, "\n%d relevant passages found by quote only, %d not found: run 'attache eval --update'\n", cross.Resolved, len(cross.Missing))
	}
	if *verbose {
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "QUERY\tLANG\tSAME R@10\tRANK\tCROSS R@10\tRANK")
		for _, q := range cross.Queries {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\n", q.Query, q.Lang, evalFraction(q.SameRecall), q.SameRank, evalFraction(q.CrossRecall), q.CrossRank)
		}
		return tw.Flush()
	}
	return nil
}

// evalFraction prints a recall, or "-" when there was nothing to recall.
func evalFraction(f float64) string {
	if f < 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", f)
}
