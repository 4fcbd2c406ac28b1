//go:build unix

package index

import "golang.org/x/sys/unix"

// freeSpace is how many bytes an unprivileged process may still write on
// the file system holding dir, or -1 when that cannot be told.
func freeSpace(dir string) int64 {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}
