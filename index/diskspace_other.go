//go:build !unix

package index

// freeSpace cannot tell the free space here: -1.
func freeSpace(dir string) int64 { return -1 }
