//go:build !linux

package index

// releaseMappedFiles does nothing here.
func releaseMappedFiles(dir string) {}
