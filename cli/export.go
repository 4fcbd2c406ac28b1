package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"attache/briefing"
)

// runExport implements "attache export".
func runExport(env *Env, args []string) error {
	fs := newFlags("export")
	out := fs.String("o", "", "the file to write (required)")
	format := fs.String("format", "", "pdf or md (default: from the extension of -o, else pdf)")
	paper := fs.String("paper", "a4", "a4 or letter")
	notes := fs.String("notes", "foot", "foot (footnotes) or end (endnotes)")
	noCheck := fs.Bool("no-check", false, "do not compare the quotations with the library first")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("export: give one brief file")
	}
	if *out == "" {
		return usagef("export: give the output file with -o")
	}
	if *format == "" {
		*format = briefing.PDF
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".md" || ext == ".markdown" {
			*format = briefing.Markdown
		}
	}
	*format = strings.ToLower(*format)
	if *format == "markdown" {
		*format = briefing.Markdown
	}
	if *format != briefing.PDF && *format != briefing.Markdown {
		return usagef("export: --format must be pdf or md, not %q", *format)
	}
	if *paper != "a4" && *paper != "letter" {
		return usagef("export: --paper must be a4 or letter, not %q", *paper)
	}
	if *notes != "foot" && *notes != "end" {
		return usagef("export: --notes must be foot or end, not %q", *notes)
	}
	path := rest[0]
	b, err := loadBrief(env, path)
	if err != nil {
		return err
	}
	opt := briefing.Options{Paper: *paper, Endnotes: *notes == "end"}
	if !*noCheck && len(b.Excerpts()) > 0 {
		// the same check as "brief check": findings are warnings here, the
		// brief exports from its own copies
		if opt.Findings, err = checkQuotes(env, b); err != nil {
			fmt.Fprintf(env.Stderr, "attache: warning: quotations not checked against the library: %v\n", oneLine(err.Error()))
		}
	}
	warnings, err := briefing.Export(*out, b, *format, opt)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "attache: warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
	return nil
}
