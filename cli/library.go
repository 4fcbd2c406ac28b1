package cli

import (
	"fmt"

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
