//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// readOnly says whether the file is read-only to this process by its mode
// bits: the owner's, the group's or the others' write bit, whichever class
// applies. The bits are read, not tried: the superuser may open any file
// for writing, yet a file nobody may write is still one it should not
// replace unasked.
func readOnly(st fs.FileInfo) bool {
	perm := st.Mode().Perm()
	sys, ok := st.Sys().(*syscall.Stat_t)
	uid := os.Geteuid()
	if !ok || uid == 0 {
		return perm&0o222 == 0
	}
	if int(sys.Uid) == uid {
		return perm&0o200 == 0
	}
	if inGroup(int(sys.Gid)) {
		return perm&0o020 == 0
	}
	return perm&0o002 == 0
}

// inGroup says whether this process belongs to group gid.
func inGroup(gid int) bool {
	if os.Getegid() == gid {
		return true
	}
	groups, _ := os.Getgroups()
	for _, g := range groups {
		if g == gid {
			return true
		}
	}
	return false
}
