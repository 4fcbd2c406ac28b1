// Package cli implements Attaché's command line: the subcommands that search
// the library, show passages and documents, and make and export briefs.
//
// It does not import the window; main hands it a function that opens one.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Env is what a command runs with.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// OpenWindow opens the window on the library folder (empty for the
	// default) and the arguments left after the global flags, such as a
	// brief to open; it returns when the window closes. Nil means the binary
	// has no window; running with no subcommand is then an error.
	OpenWindow func(library string, args []string) error
	// Library is the library chosen with --library or ATTACHE_LIBRARY: a
	// folder, or a team library's postgres:// or postgresql:// URL.
	Library string

	// lookup is set while a lookup command runs (runLookup); gcPercent
	// is the garbage collector's target to restore after it, 0 if it was
	// not changed.
	lookup    bool
	gcPercent int
}

// command is one subcommand.
type command struct {
	name    string
	usage   string
	summary string
	run     func(env *Env, args []string) error
	// lookup marks a command that reads the library and prints a little:
	// it runs as a short process (see runLookup).
	lookup bool
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"search", "search [--lang en|it] [--doc ID] [--theme ID] [--same-language] [--limit N] [--weak] [--json] QUERY…", "search the library's passages", runSearch, true},
		{"show", "show [--json] PASSAGE_ID", "print one passage whole, with its notes and citation", runShow, true},
		{"docs", "docs [--json]", "list the library's documents", runDocs, true},
		{"brief", briefUsage, "make a brief, add passages to it, print its outline, check its quotations", runBrief, false},
		{"export", "export FILE.brief -o OUT [--format pdf|docx|odt|md] [--paper a4|letter] [--notes foot|end] [--no-check] [--json]", "export a brief as PDF, Word (DOCX), OpenDocument Text (ODT) or Markdown", runExport, false},
		{"import", "import [--json] PATH…", "add files and folders (text, Markdown, HTML, PDF, DOCX, ODT) to the library", runImport, false},
		{"remove", "remove ID…", "take imported documents out of the library", runRemove, false},
		{"doc", "doc edit ID [--title T] [--issuer I] [--date D] [--reference R] [--lang L] [--json] | " + docOriginalUsage, "change an imported document's metadata, or get back the file it was imported from", runDoc, false},
		{"themes", "themes [--matrix] [--lang en|it] [--json] [THEME [DOC]]", "list the themes with their passages per document, the coverage matrix, or one theme's passages", runThemes, true},
		{"library", libraryUsage, "make a PostgreSQL database a team library, shared by a desk (see docs/team-library.md)", runLibrary, false},
		{"eval", "eval [-v] [--json] [--update] [--import PATH]… [FILE]", "measure search quality on a graded evaluation set (default testdata/eval.json): nDCG@10, P@5 and its ceiling, recall@10, phrase precision, per kind, with and without cross-language expansion, on a fresh library of the seeds, or on the team library --library URL names, as it is", runEval, false},
	}
}

// usageError is a mistake in how a command was called; it exits with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef reports bad usage of a command.
func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// Run runs the command line args (without the program name) and returns the
// exit status: 0 on success, 1 on failure, 2 on bad usage. Errors are printed
// to env.Stderr as one line.
func Run(args []string, env Env) int {
	err := run(args, &env)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(env.Stderr, "attache: %s\n", oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(env.Stderr, "Run 'attache help' for usage.")
		return 2
	}
	return 1
}

// oneLine puts a message on one line, for standard error.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
}

func run(args []string, env *Env) error {
	global := flag.NewFlagSet("attache", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	library := global.String("library", os.Getenv("ATTACHE_LIBRARY"), "library folder, or a team library's postgres:// URL")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(env.Stdout)
			return nil
		}
		return usagef("%v", err)
	}
	env.Library = *library
	rest := global.Args()
	if len(rest) == 0 || strings.HasSuffix(rest[0], ".brief") {
		if env.OpenWindow == nil {
			return usagef("no command given")
		}
		return env.OpenWindow(env.Library, rest)
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		printHelp(env.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return runCommand(c, env, rest[1:])
		}
	}
	return usagef("unknown command %q", name)
}

// runCommand runs a subcommand and turns a panic in it into an error, so
// that no Go stack trace reaches a user.
func runCommand(c command, env *Env, args []string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	if c.lookup {
		return runLookup(c, env, args)
	}
	return c.run(env, args)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Attaché: search official texts offline and compose cited briefs.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  attache [--library DIR] [FILE.brief]   open the window")
	for _, c := range commands() {
		fmt.Fprintf(w, "  attache [--library DIR] %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The library folder defaults to $ATTACHE_LIBRARY, else $XDG_DATA_HOME/attache.")
}

// newFlags returns a flag set for a subcommand that reports errors to the
// caller instead of printing them. Its Usage prints the usage line and
// summary of the command called name, when there is one, and the flags.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { printUsage(fs, name) }
	return fs
}

// printUsage prints on fs's output the usage line and summary of the
// command called name, from commands(), if there is one, and fs's flags.
func printUsage(fs *flag.FlagSet, name string) {
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(fs.Output(), "Usage: attache %s\n\n%s.\n\n", c.usage, c.summary)
		}
	}
	fs.PrintDefaults()
}

// showHelp prints fs's usage on w and returns flag.ErrHelp, which Run
// takes for success.
func showHelp(w io.Writer, fs *flag.FlagSet) error {
	fs.SetOutput(w)
	fs.Usage()
	fs.SetOutput(io.Discard)
	return flag.ErrHelp
}

// wantsHelp reports whether a command's arguments ask for its usage: -h,
// -help or --help before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// parseFlags parses a subcommand's flags, allowing flags after positional
// arguments ("attache search cables --lang en"). When the arguments ask for
// help (wantsHelp) it parses nothing and prints fs's usage on env.Stdout
// instead, returning flag.ErrHelp.
func parseFlags(env *Env, fs *flag.FlagSet, args []string) ([]string, error) {
	if wantsHelp(args) {
		return nil, showHelp(env.Stdout, fs)
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
