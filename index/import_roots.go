package index

import (
	"io/fs"
	"os"
	"path/filepath"
)

// linkNotFollowed is the reason an import gives for a symbolic link found
// inside a folder: following links there could walk out of the folder, or
// round in a loop.
const linkNotFollowed = "a symbolic link: links inside folders are not followed"

// walkNamed walks a folder named on the command line as filepath.WalkDir
// does, but follows the folder itself when it is a symbolic link, as
// find -H does ("import linkdir" imports what linkdir points to). The
// paths fn sees start with root as it was named.
func walkNamed(root string, fn fs.WalkDirFunc) error {
	st, err := os.Lstat(root)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return filepath.WalkDir(root, fn)
	}
	target, err := filepath.EvalSymlinks(root)
	if err != nil {
		return filepath.WalkDir(root, fn)
	}
	return filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(target, p)
		switch {
		case rerr != nil:
		case rel == ".":
			p = root
		default:
			p = filepath.Join(root, rel)
		}
		return fn(p, d, err)
	})
}
