package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"attache/briefing"
)

// exportReport is what "attache export --json" prints.
type exportReport struct {
	// Output is the file written.
	Output string `json:"output"`
	// Format is pdf, docx, odt or md.
	Format string `json:"format"`
	// Pages is the page count of the PDF, or of the PDF layout for a Word
	// or ODT file (Word and LibreOffice may break their pages a little
	// differently); null for
	// Markdown, which has no pages.
	Pages *int `json:"pages"`
	// Warnings are the export's warnings, as the plain run prints them.
	Warnings []string `json:"warnings"`
}

// exportFormats maps what --format and the extension of -o may say to an
// export format.
var exportFormats = map[string]string{
	"pdf": briefing.PDF, "md": briefing.Markdown, "markdown": briefing.Markdown,
	"docx": briefing.DOCX, "word": briefing.DOCX,
	"odt": briefing.ODT, "opendocument": briefing.ODT,
}

// runExport implements "attache export".
func runExport(env *Env, args []string) error {
	fs := newFlags("export")
	out := fs.String("o", "", "the file to write (required)")
	format := fs.String("format", "", "pdf, docx, odt or md (default: from the extension of -o, else pdf)")
	paper := fs.String("paper", "a4", "a4 or letter")
	notes := fs.String("notes", "foot", "foot (footnotes) or end (endnotes)")
	noCheck := fs.Bool("no-check", false, "do not compare the quotations with the library first")
	asJSON := fs.Bool("json", false, `print {"output","format","pages","warnings"} as JSON`)
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
	f := strings.ToLower(strings.TrimSpace(*format))
	if f == "" {
		f = briefing.PDF
		if byExt, ok := exportFormats[strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")]; ok {
			f = byExt
		}
	}
	fmtName, ok := exportFormats[f]
	if !ok {
		return usagef("export: --format must be pdf, docx, odt or md, not %q", *format)
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
	var warnings []string
	if !*noCheck && len(b.Excerpts()) > 0 {
		// the same check as "brief check": findings are warnings here, the
		// brief exports from its own copies
		if opt.Findings, err = checkQuotes(env, b); err != nil {
			warnings = append(warnings, "quotations not checked against the library: "+oneLine(err.Error()))
		}
	}
	w, err := briefing.Export(*out, b, fmtName, opt)
	if err != nil {
		return err
	}
	warnings = append(warnings, w...)
	if *asJSON {
		rep := exportReport{Output: *out, Format: fmtName, Warnings: warnings}
		if rep.Warnings == nil {
			rep.Warnings = []string{}
		}
		if fmtName != briefing.Markdown {
			if l, err := briefing.LayOut(b, opt); err == nil {
				n := len(l.Pages)
				rep.Pages = &n
			}
		}
		return writeJSON(env.Stdout, rep)
	}
	for _, w := range warnings {
		fmt.Fprintf(env.Stderr, "attache: warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
	return nil
}
