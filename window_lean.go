//go:build lean && linux

package main

import (
	_ "embed" // the window program
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"

	"attache/index"
)

// windowProgram is the plain build of this same program (window.go), the
// window linked in, which `make build` makes first as bin/attache-window.
// The lean build embeds it instead of linking the window toolkit, so that
// the subcommands (attache search, show, docs …) start without the
// toolkit's package initialisation and its C libraries: one file, one
// command, and a search process as light as the command line needs.
//
//go:embed bin/attache-window
var windowProgram []byte

// openWindow replaces this process with the embedded window program, run
// from memory with the same arguments and environment: it parses them as
// this one did and opens the window. It returns only when that fails.
func openWindow(library string, args []string) error {
	if len(windowProgram) < 4 || string(windowProgram[:4]) != "\x7fELF" {
		return errors.New("this build has no window program embedded (build it with make build)")
	}
	fd, err := unix.MemfdCreate("attache-window", unix.MFD_CLOEXEC)
	if err != nil {
		return fmt.Errorf("starting the window: %v", err)
	}
	f := os.NewFile(uintptr(fd), "attache-window")
	defer f.Close()
	if _, err := f.Write(windowProgram); err != nil {
		return fmt.Errorf("starting the window: %v", err)
	}
	env := append(os.Environ(), index.CodeVersionEnv+"="+index.CodeVersion())
	err = unix.Exec(fmt.Sprintf("/proc/self/fd/%d", fd), os.Args, env)
	return fmt.Errorf("starting the window: %v", err)
}
