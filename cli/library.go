package cli

import (
	"context"
	"fmt"

	"attache/index"
	"attache/index/team"
	"attache/seeds"
)

// openLibrary opens the library chosen with --library or ATTACHE_LIBRARY:
// a team library when it is a postgres:// or postgresql:// URL, else the
// library folder (the default one when empty), with the seed texts.
// Notices such as an index rebuild go to standard error.
func openLibrary(env *Env) (index.Library, error) {
	if team.IsURL(env.Library) {
		lib, err := team.Open(context.Background(), team.Config{URL: env.Library})
		if err != nil {
			return nil, err
		}
		holdBackGC(env)
		return lib, nil
	}
	lib, err := index.Open(index.Config{
		Dir:   env.Library,
		Seeds: seeds.FS,
		Notice: func(msg string) {
			fmt.Fprintf(env.Stderr, "attache: %s\n", msg)
		},
	})
	if err != nil {
		return nil, err
	}
	holdBackGC(env)
	return lib, nil
}

// libraryUsage is the usage line of "attache library".
const libraryUsage = "library init URL"

// runLibrary implements "attache library init URL": it makes the
// PostgreSQL database at URL a team library (tables, indexes and the seed
// texts), or brings one up to this release's seeds. Running it again
// changes nothing. The URL's password, if any, is never printed.
func runLibrary(env *Env, args []string) error {
	if len(args) == 0 || args[0] != "init" {
		return usagef("library: give a subcommand: %s", libraryUsage)
	}
	fs := newFlags("library init")
	asJSON := fs.Bool("json", false, "print what was done as JSON")
	rest, err := parseFlags(env, fs, args[1:])
	if err != nil {
		return err
	}
	url := env.Library
	switch len(rest) {
	case 0:
	case 1:
		url = rest[0]
	default:
		return usagef("library init: give one URL")
	}
	if !team.IsURL(url) {
		return usagef("library init: give the team library's postgres:// or postgresql:// URL (as in postgres://desk@db.example/attache)")
	}
	rep, err := team.Init(context.Background(), team.Config{URL: url})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	what := "is up to date"
	switch {
	case rep.Created:
		what = "created"
	case rep.Seeds > 0:
		what = "updated with this release's seed texts"
	}
	fmt.Fprintf(env.Stdout, "team library %s %s: %d documents, %d passages\n", team.Redact(url), what, rep.Documents, rep.Passages)
	if rep.Retagged > 0 {
		fmt.Fprintf(env.Stdout, "%d imported %s tagged again with this release's themes\n", rep.Retagged, plural(rep.Retagged, "document", "documents"))
	}
	return nil
}
