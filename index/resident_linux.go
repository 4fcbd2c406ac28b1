//go:build linux

package index

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// releaseMappedFiles drops from this process's memory the pages of the
// files under dir it maps shared and read-only, as the store and the
// index map theirs: such a mapping reads the file's pages from the page
// cache again when next touched, and nothing written is lost. Mappings
// that are private or writable are left alone.
func releaseMappedFiles(dir string) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	prefix := []byte(filepath.Clean(dir) + string(filepath.Separator))
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		start, end, ok := sharedReadOnlyMapping(sc.Bytes(), prefix)
		if ok {
			unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_DONTNEED)
		}
	}
}

// sharedReadOnlyMapping parses a line of /proc/self/maps ("start-end perms
// offset dev inode path") and reports the range of a mapping of a file
// under prefix that is shared and read-only ("r--s").
func sharedReadOnlyMapping(line, prefix []byte) (start, end uintptr, ok bool) {
	var f [5][]byte // the fields before the path, which may hold spaces
	rest := line
	for i := range f {
		rest = bytes.TrimLeft(rest, " ")
		j := bytes.IndexByte(rest, ' ')
		if j < 0 {
			return 0, 0, false
		}
		f[i], rest = rest[:j], rest[j:]
	}
	if string(f[1]) != "r--s" || !bytes.HasPrefix(bytes.TrimSpace(rest), prefix) {
		return 0, 0, false
	}
	lo, hi, found := bytes.Cut(f[0], []byte("-"))
	if !found {
		return 0, 0, false
	}
	a, err1 := strconv.ParseUint(string(lo), 16, 64)
	b, err2 := strconv.ParseUint(string(hi), 16, 64)
	if err1 != nil || err2 != nil || b <= a {
		return 0, 0, false
	}
	return uintptr(a), uintptr(b), true
}
