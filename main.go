// Command attache is an offline briefing composer: it searches a library of
// official texts in English and Italian and turns chosen passages into a
// cited brief, exported as PDF or Markdown.
//
// With no subcommand it opens the window; the subcommands (attache help)
// serve scripting and tests.
package main

import (
	"os"

	"attache/app"
	"attache/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		OpenWindow: app.Run,
	}))
}
