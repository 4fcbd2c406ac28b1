//go:build !linux

package index

import (
	"io/fs"
	"os"
	"path/filepath"
)

// syncStaged makes the staged files durable before the journal names them,
// one fsync per file and folder.
func (tx *importTx) syncStaged() error {
	return filepath.WalkDir(filepath.Join(tx.dir, tx.staging), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !d.IsDir() {
			return err
		}
		return nil
	})
}
