package cli

import (
	"bufio"
	"os"
	"runtime/debug"
)

// lookupGCPercent is the garbage collector's target for a lookup once its
// library is open: its next collection comes when the heap has grown ten
// times what is live instead of once, so a search that allocates 20–40 MB
// (a large library's) runs without the several collections, 2–3 ms of a
// 20 ms process, that would free what the process's exit frees anyway.
// The heap stays bounded by what is live. Opening the library, which may
// rebuild its index, runs with the usual target.
const lookupGCPercent = 1000

// runLookup runs a lookup command (search, show, docs, themes), a short
// process: its output is written at once when it ends rather than line by
// line, and once the library is open (openLibrary) the garbage collector
// is held back, unless GOGC says otherwise.
func runLookup(c command, env *Env, args []string) error {
	out := bufio.NewWriterSize(env.Stdout, 32<<10)
	stdout := env.Stdout
	env.Stdout, env.lookup = out, true
	defer func() {
		env.Stdout, env.lookup = stdout, false
		if env.gcPercent != 0 {
			debug.SetGCPercent(env.gcPercent)
			env.gcPercent = 0
		}
	}()
	err := c.run(env, args)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// holdBackGC raises the garbage collector's target for a lookup whose
// library is now open (see lookupGCPercent).
func holdBackGC(env *Env) {
	if env.lookup && env.gcPercent == 0 && os.Getenv("GOGC") == "" {
		env.gcPercent = debug.SetGCPercent(lookupGCPercent)
	}
}
