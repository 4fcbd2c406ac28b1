//go:build unix && !linux

package app

import (
	"errors"
	"os"
	"syscall"
)

// processStart returns "": without /proc the start of a process is not
// read, and processAlive goes by the process ID alone.
func processStart(pid int) string { return "" }

// processAlive reports whether process pid is still running: signal 0
// checks that it exists without sending anything. A process owned by
// another user (EPERM) is running too.
func processAlive(pid int, start string) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
