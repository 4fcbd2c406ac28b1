package cli

import (
	"fmt"

	"attache/index"
)

// runDoc implements "attache doc edit ID [--title T] [--issuer I] [--date D]
// [--reference R] [--lang L] [--json]" and "attache doc original ID [--out
// FILE]" (runDocOriginal).
func runDoc(env *Env, args []string) error {
	if len(args) > 0 && args[0] == "original" {
		return runDocOriginal(env, args[1:])
	}
	if len(args) == 0 || args[0] != "edit" {
		if wantsHelp(args) {
			return showHelp(env.Stdout, newFlags("doc"))
		}
		return usagef("doc: the subcommands are edit and original")
	}
	fs := newFlags("doc edit")
	// the usage line of "doc" is that of "doc edit"
	fs.Usage = func() { printUsage(fs, "doc") }
	var e index.DocEdit
	// a field stays nil, unchanged, unless its flag is given
	optional := func(field **string, name, help string) {
		fs.Func(name, help, func(s string) error {
			*field = &s
			return nil
		})
	}
	optional(&e.Title, "title", "the document's title")
	optional(&e.Issuer, "issuer", "the body that issued it")
	optional(&e.Date, "date", "its date, YYYY[-MM[-DD]]")
	optional(&e.Reference, "reference", "its official reference")
	optional(&e.Lang, "lang", "its language, a two-letter code (en, it, fr…)")
	asJSON := fs.Bool("json", false, "print the document's metadata as JSON")
	rest, err := parseFlags(env, fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("doc edit: give one document ID")
	}
	if e == (index.DocEdit{}) {
		return usagef("doc edit: nothing to change; give --title, --issuer, --date, --reference or --lang")
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	d, err := lib.Edit(rest[0], e)
	if err != nil {
		return fmt.Errorf("doc edit: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, d.Meta)
	}
	fmt.Fprintf(env.Stdout, "%s: %s (%s", d.ID, d.Title, d.Lang)
	for _, f := range []string{d.Issuer, d.Date, d.Reference} {
		if f != "" {
			fmt.Fprintf(env.Stdout, ", %s", f)
		}
	}
	fmt.Fprintln(env.Stdout, ")")
	return nil
}
