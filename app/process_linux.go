//go:build linux

package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strconv"
)

// processStart is when process pid started, as /proc/PID/stat counts it
// (clock ticks since boot), or "" if that cannot be read. With the process
// ID it tells a process from a later one given the same ID.
func processStart(pid int) string {
	_, start, err := procStat(pid)
	if err != nil {
		return ""
	}
	return start
}

// processAlive reports whether process pid is still running and, when
// start is not "", is the process that started then (not a later one that
// was given the same ID). A process that ended but was not yet reaped (a
// zombie) is not running. When /proc cannot say, the process is taken as
// running, so that a live run's autosave copy is never offered.
func processAlive(pid int, start string) bool {
	if pid <= 0 {
		return false
	}
	state, got, err := procStat(pid)
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	if err != nil {
		return true
	}
	if state == "Z" || state == "X" {
		return false
	}
	return start == "" || got == "" || got == start
}

// procStat reads the state and start time of process pid from
// /proc/PID/stat. The command name in brackets may hold spaces and
// brackets, so the fields are counted after its last ')'.
func procStat(pid int) (state, start string, err error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", "", err
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return "", "", errors.New("bad /proc stat line")
	}
	// After the name: field 3 (state) … field 22 (starttime).
	f := bytes.Fields(data[i+1:])
	if len(f) < 20 {
		return string(f[0]), "", nil
	}
	return string(f[0]), string(f[19]), nil
}
