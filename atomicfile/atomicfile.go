// Package atomicfile writes files so that a crash, a full disk or a failing
// writer leaves either the old file or the new one whole, never a part: the
// content goes to a temporary file in the same folder, is synced, and is
// renamed over the file; then the folder itself is synced.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// ErrReadOnly is the error (under errors.Is) of a write refused because the
// file it would replace is read-only, as an editor refuses to save over one.
var ErrReadOnly = errors.New("the file is read-only")

// Write writes the file at path through write. On any failure the temporary
// file is removed and path is untouched.
//
// A symbolic link is written through: the file it points to gets the new
// content and the link stays, as an editor's save does. An existing file
// keeps its permissions; a new one gets 0644. A file that is read-only to
// us is not replaced (ErrReadOnly), nor is anything but a regular file.
func Write(path string, write func(w io.Writer) error) (err error) {
	path = followLinks(path)
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		if readOnly(st) {
			return ErrReadOnly
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+tempStem(filepath.Base(path))+".tmp-*")
	if err != nil {
		return unwrapPath(err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return unwrapPath(err)
	}
	SyncDir(dir)
	return nil
}

// WriteFile writes data to path as Write does.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// SyncDir flushes a folder's entries (a rename, a new or removed file) to
// disk where the system allows it; some systems cannot sync a folder, so
// it is best effort.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// tempStem is the start of a file name for a temporary file beside it:
// the name cut to 64 bytes (on a character boundary), so that the
// temporary name stays within the system's limit (255 bytes) when the
// file's own name is near it.
func tempStem(name string) string {
	if len(name) <= 64 {
		return name
	}
	n := 64
	for n > 0 && !utf8.RuneStart(name[n]) {
		n--
	}
	return name[:n]
}

// followLinks returns the file a chain of symbolic links at path ends at
// (which may not exist yet), or path itself when it is not a link.
func followLinks(path string) string {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			return path
		}
		target, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return path
}

// unwrapPath turns "open /x/.y.tmp-123: no such file or directory" into a
// message naming the folder.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("folder %q: %v", filepath.Dir(pe.Path), pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Errorf("rename to %q: %v", le.New, le.Err)
	}
	return err
}
