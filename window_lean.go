//go:build lean && linux

package main

import (
	"crypto/sha256"
	_ "embed" // the window program
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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

// openWindow replaces this process with the embedded window program, with
// the same arguments and environment: it parses them as this one did and
// opens the window. The program runs from a copy in the user's cache
// folder (windowProgramFile); where that cannot be written, from memory.
// It returns only when both fail.
func openWindow(library string, args []string) error {
	if len(windowProgram) < 4 || string(windowProgram[:4]) != "\x7fELF" {
		return errors.New("this build has no window program embedded (build it with make build)")
	}
	env := append(os.Environ(), index.CodeVersionEnv+"="+index.CodeVersion())
	if path, err := windowProgramFile(); err == nil {
		unix.Exec(path, os.Args, env)
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
	err = unix.Exec(fmt.Sprintf("/proc/self/fd/%d", fd), os.Args, env)
	return fmt.Errorf("starting the window: %v", err)
}

// windowProgramFile returns the path of the embedded window program written
// out once, for this build, as $XDG_CACHE_HOME/attache/window-VERSION/attache
// (~/.cache by default; named attache so that ps and top show the window
// as attache), and removes the copies older builds left there. Run from a
// file, the program's pages are in the page cache: shared, read as they
// are needed and given back under memory pressure, where a program run
// from memory (memfd) keeps all of its 50 MB resident as the window's own
// for its lifetime. The copy is written to a temporary file and renamed,
// so a window never runs half a program.
func windowProgramFile() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	root := filepath.Join(cache, "attache")
	sum := sha256.Sum256([]byte(index.CodeVersion()))
	version := "window-" + hex.EncodeToString(sum[:8])
	dir := filepath.Join(root, version)
	path := filepath.Join(dir, "attache")
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() &&
		st.Size() == int64(len(windowProgram)) && st.Mode().Perm()&0o100 != 0 {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, ".attache.tmp-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	_, err = f.Write(windowProgram)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(0o700)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(root, "window-*"))
	for _, p := range old {
		if filepath.Base(p) != version {
			os.RemoveAll(p)
		}
	}
	return path, nil
}
