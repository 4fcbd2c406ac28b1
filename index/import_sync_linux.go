package index

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncStaged makes the staged files durable before the journal names them:
// on Linux one syncfs of the library's file system, much faster than one
// fsync per file for an import of thousands of files.
func (tx *importTx) syncStaged() error {
	f, err := os.Open(filepath.Join(tx.dir, tx.staging))
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
