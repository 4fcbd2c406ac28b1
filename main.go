// Command attache is an offline briefing composer: it searches a library of
// official texts in English and Italian and turns chosen passages into a
// cited brief, exported as PDF or Markdown.
//
// With no subcommand it opens the window; the subcommands (attache help)
// serve scripting and tests.
package main

import (
	"io"
	"log"
	"os"

	"attache/cli"
)

func main() {
	// Attaché tells its users things through its own one-line notices and
	// errors, never through package log; what libraries print there (Bleve
	// reporting a damaged index it is about to be rebuilt from, as
	// "unable to load snapshot … continuing") is not for them.
	log.SetOutput(io.Discard)
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		OpenWindow: openWindow,
	}))
}
