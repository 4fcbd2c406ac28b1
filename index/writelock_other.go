//go:build !unix

package index

import "os"

// tryLock does not lock where flock is missing: there the store's and the
// index's own locks refuse a second writer.
func tryLock(f *os.File, exclusive bool) (bool, error) { return true, nil }

// unlockFile does nothing where flock is missing.
func unlockFile(f *os.File) {}
