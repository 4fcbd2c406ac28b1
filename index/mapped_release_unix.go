//go:build unix

package index

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// releasePages tells the kernel that the whole pages inside b, part of a
// read-only file mapping, will not be needed soon: they leave the
// process's resident memory, stay in the page cache, and a later read
// maps them again. Reading a large value through the map otherwise leaves
// every page of it resident for as long as the library is open.
func releasePages(b []byte) {
	ps := uintptr(os.Getpagesize())
	at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	skip := (ps - at%ps) % ps
	if uintptr(len(b)) <= skip {
		return
	}
	n := (uintptr(len(b)) - skip) / ps * ps
	if n == 0 {
		return
	}
	unix.Madvise(unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), skip)), n), unix.MADV_DONTNEED)
}
