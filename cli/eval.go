package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"attache/briefing"
	"attache/index"
	"attache/index/eval"
	"attache/index/team"
	"attache/seeds"
)

// defaultEvalSet is the evaluation set "attache eval" runs without FILE.
const defaultEvalSet = "testdata/eval.json"

// runEval implements "attache eval": nDCG@10, P@5 with its ceiling,
// recall@10 and phrase precision of the evaluation set's queries, per kind
// and overall, with cross-language expansion (the default) and without.
// It measures a fresh library of the seeds (and of --import's files), in
// a temporary folder, so the figures do not depend on what the user has
// imported; with --library URL (or ATTACHE_LIBRARY=URL) it measures that
// team library as it is, a desk's own, reading only: it imports nothing
// into it, so --import is refused there.
func runEval(env *Env, args []string) error {
	fs := newFlags("eval")
	asJSON := fs.Bool("json", false, "print JSON")
	verbose := fs.Bool("v", false, "print every query's figures")
	update := fs.Bool("update", false, "refresh the set's passage IDs from their quotes and rewrite FILE")
	var imports pathList
	fs.Var(&imports, "import", "import this file or folder into the measured library first (repeatable), as for testdata/eval-gimp.json")
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
	set, err := eval.Load(path)
	if err != nil {
		return err
	}
	var lib index.Library
	libName := ""
	if team.IsURL(env.Library) {
		if len(imports) > 0 {
			return usagef("eval: --import would change the team library %s: it is measured as it is (import into it with 'attache import' first)", team.Label(env.Library))
		}
		tl, err := team.Open(context.Background(), team.Config{URL: env.Library})
		if err != nil {
			return err
		}
		defer tl.Close()
		lib, libName = tl, "team library "+tl.Name()
	} else {
		dir, err := os.MkdirTemp("", "attache-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		local, err := index.Open(index.Config{Dir: dir, Seeds: seeds.FS})
		if err != nil {
			return err
		}
		defer local.Close()
		lib = local
		if len(imports) > 0 {
			for _, p := range imports {
				if _, err := os.Stat(p); err != nil {
					return fmt.Errorf("eval: %s is not there to import (for the GIMP manual: apt-get install gimp-help-en gimp-help-it)", p)
				}
			}
			if _, err := lib.Import(context.Background(), imports, nil); err != nil {
				return fmt.Errorf("eval: import: %w", err)
			}
		}
	}

	if *update {
		changed, missing := eval.RefreshIDs(lib, set)
		if len(missing) > 0 {
			return fmt.Errorf("eval: %d quotes of %s are in no passage, first %s", len(missing), path, missing[0])
		}
		if err := briefing.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := w.Write(eval.Format(set))
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d passage IDs refreshed\n", path, changed)
		return nil
	}

	ctx := context.Background()
	def, err := eval.Run(ctx, lib, set, false)
	if err != nil {
		return err
	}
	same, err := eval.Run(ctx, lib, set, true)
	if err != nil {
		return err
	}
	if *asJSON {
		out := map[string]any{"set": path, "default": def, "same_language": same}
		if libName != "" {
			out["library"] = libName
		}
		return writeJSON(env.Stdout, out)
	}
	if libName != "" {
		fmt.Fprintf(env.Stdout, "%s\n", libName)
	}
	return printEval(env.Stdout, path, set, def, same, *verbose)
}

// printEval prints the figures of both modes, per kind and overall.
func printEval(w io.Writer, path string, set *eval.Set, def, same *eval.Report, verbose bool) error {
	nEN, nJudged := 0, 0
	for _, q := range set.Queries {
		if q.Lang == "en" {
			nEN++
		}
		nJudged += len(q.Judged)
	}
	fmt.Fprintf(w, "%s: %d queries (%d English, %d Italian), %d judged passages, top %d hits each\n\n",
		path, len(set.Queries), nEN, len(set.Queries)-nEN, nJudged, eval.Cutoff)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MODE\tKIND\tQUERIES\tnDCG@10\tP@5\tP@5 CEILING\tRECALL@10\tPHRASE PRECISION")
	for _, rep := range []*eval.Report{def, same} {
		mode := "default"
		if rep.SameLanguage {
			mode = "same-language"
		}
		row := func(kind string, f eval.Figures) {
			pp := "-"
			if f.PhrasePrecision >= 0 {
				pp = fmt.Sprintf("%.3f", f.PhrasePrecision)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%s\n", mode, kind, f.Queries, f.NDCG, f.Precision, f.Ceiling, f.Recall, pp)
		}
		for _, k := range eval.Kinds {
			if f, ok := rep.Kinds[k]; ok {
				row(k, f)
			}
		}
		row("overall", rep.Overall)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(def.Missing) > 0 || def.Resolved > 0 {
		fmt.Fprintf(w, "\n%d judged passages found by quote only, %d not found: run 'attache eval --update'\n", def.Resolved, len(def.Missing))
	}
	if verbose {
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "QUERY\tKIND\tnDCG@10\tP@5\tRECALL@10\tPHRASE P\tSAME-LANGUAGE nDCG@10")
		for i, q := range def.Queries {
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%.2f\n", q.Query, q.Kind, q.NDCG, q.Precision, q.Recall, evalFraction(q.PhrasePrecision), same.Queries[i].NDCG)
		}
		return tw.Flush()
	}
	return nil
}

// pathList is a repeatable path flag.
type pathList []string

func (p *pathList) String() string { return strings.Join(*p, ",") }

// Set adds a path.
func (p *pathList) Set(v string) error {
	*p = append(*p, v)
	return nil
}

// evalFraction prints a fraction, or "-" when there was nothing to measure.
func evalFraction(f float64) string {
	if f < 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", f)
}
