package cli

import (
	"flag"
	"fmt"
	"io"

	"attache/index"
	"attache/seeds"
)

// openLibrary opens the library folder chosen with --library or
// ATTACHE_LIBRARY, else the default one, with the seed texts. Notices such
// as an index rebuild go to standard error.
func openLibrary(env *Env) (*index.Local, error) {
	return index.Open(index.Config{
		Dir:   env.Library,
		Seeds: seeds.FS,
		Notice: func(msg string) {
			fmt.Fprintf(env.Stderr, "attache: %s\n", msg)
		},
	})
}

// recoverError turns a panic in a command into an error, so that no Go
// stack trace reaches a user. Use it as defer recoverError(&err).
func recoverError(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v", r)
	}
}

// printUsage prints a command's usage line, from commands(), and its flags.
func printUsage(w io.Writer, name string, fs *flag.FlagSet) {
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(w, "Usage: attache %s\n\n%s.\n\n", c.usage, c.summary)
		}
	}
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// wantsHelp reports whether a command's arguments ask for its usage.
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
