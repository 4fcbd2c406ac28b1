package cli

import (
	"fmt"
	"text/tabwriter"
)

// runDocs implements "attache docs".
func runDocs(env *Env, args []string) error {
	fs := newFlags("docs")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("docs: unexpected argument %q", rest[0])
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	docs, err := lib.Documents()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, docs)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLANG\tDATE\tPASSAGES\tTITLE")
	total := 0
	for _, d := range docs {
		title := firstOf(d.ShortTitle, d.Title)
		if d.Reference != "" {
			title += " (" + d.Reference + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", d.ID, d.Lang, d.Date, d.Passages, title)
		total += d.Passages
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d %s, %d passages\n", len(docs), plural(len(docs), "document", "documents"), total)
	return nil
}
