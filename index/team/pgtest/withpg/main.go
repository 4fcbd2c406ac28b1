// Command withpg runs a command beside a throwaway PostgreSQL server: it
// starts one (see package pgtest), runs the command with ATTACHE_LIBRARY
// and ATTACHE_TEAM_URL set to the address of its database "desk" (role
// desk, no superuser), then stops and removes the server. make eval and
// make bench-team use it; developers can too:
//
//	go run ./index/team/pgtest/withpg -- sh -c 'attache library init && attache search cavi'
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"

	"attache/index/team/pgtest"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "withpg: give a command to run, as in: withpg -- attache library init")
		os.Exit(2)
	}
	s, err := pgtest.Start()
	if err != nil {
		fmt.Fprintf(os.Stderr, "withpg: %v\n", err)
		os.Exit(1)
	}
	signal.Ignore(os.Interrupt) // the command gets it; the server is stopped after
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "ATTACHE_LIBRARY="+s.DeskURL(), "ATTACHE_TEAM_URL="+s.DeskURL())
	err = cmd.Run()
	s.Stop()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			os.Exit(ee.ExitCode())
		}
		fmt.Fprintf(os.Stderr, "withpg: %v\n", err)
		os.Exit(1)
	}
}
