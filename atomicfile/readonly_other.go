//go:build !unix

package atomicfile

import "io/fs"

// readOnly says whether the file is read-only by its mode bits.
func readOnly(st fs.FileInfo) bool {
	return st.Mode().Perm()&0o222 == 0
}
