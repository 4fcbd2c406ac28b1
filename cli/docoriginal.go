package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"attache/atomicfile"
	"attache/index"
)

// runDocOriginal implements "attache doc original ID [--out FILE]": it
// writes the copy the library keeps of the file an imported document was
// read from, byte for byte, to FILE (atomically; "-" is standard output),
// by default to the file's own name in the current folder, which it does
// not overwrite.
func runDocOriginal(env *Env, args []string) error {
	fs := newFlags("doc original")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: attache %s\n\nwrite the copy the library keeps of the file an imported document was read from.\n\n", docOriginalUsage)
		fs.PrintDefaults()
	}
	out := fs.String("out", "", "where to write it (\"-\": standard output); by default the file's own name, in the current folder, never overwritten")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("doc original: give one document ID")
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	src, ok := lib.(index.OriginalSource)
	if !ok {
		return fmt.Errorf("doc original: this library keeps no copies of the imported files")
	}
	o, err := src.Original(rest[0])
	if err != nil {
		return fmt.Errorf("doc original: %w", err)
	}
	if *out == "-" {
		_, err := env.Stdout.Write(o.Data)
		return err
	}
	path := *out
	if path == "" {
		path = originalFileName(rest[0], o.Name)
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("doc original: %s exists already: give --out to choose where to write the original", path)
		} else if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("doc original: %w", err)
		}
	}
	if err := atomicfile.WriteFile(path, o.Data); err != nil {
		return fmt.Errorf("doc original: writing %s: %w", path, err)
	}
	fmt.Fprintf(env.Stdout, "%s: wrote %s (%d bytes)\n", rest[0], path, len(o.Data))
	return nil
}

// docOriginalUsage is the usage line of "attache doc original".
const docOriginalUsage = "doc original ID [--out FILE]"

// originalFileName is the name to write document id's original under: the
// name of the file it was imported from, without any folder, or the ID
// when that name is unusable.
func originalFileName(id, name string) string {
	name = filepath.Base(strings.TrimSpace(name))
	if name == "." || name == ".." || name == string(filepath.Separator) || name == "" || strings.HasPrefix(name, ".") {
		return id
	}
	return name
}
