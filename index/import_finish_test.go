package index

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
)

// TestImportFailingAsTheIndexFinishes fails an import as the index's last
// batches reach its disk, while the store's transaction is filled beside
// them (finishBehind): the transaction is rolled back, the error is one
// line saying nothing was imported, and the library is as it was.
func TestImportFailingAsTheIndexFinishes(t *testing.T) {
	l, _ := openFresh(t, t.TempDir())
	defer l.Close()
	importFault = func(s string) error {
		if s != "finish" {
			return nil
		}
		return fmt.Errorf("write %s: %w", filepath.Join(l.Dir(), "index.bleve", "store", "00000000000a.zap"), syscall.ENOSPC)
	}
	defer func() { importFault = nil }()
	_, err := l.Import(context.Background(), []string{writePack(t, 8, "echoword")}, nil)
	if err == nil {
		t.Fatal("the import did not fail")
	}
	checkNothingImported(t, err, "no space left on device")
	importFault = nil
	checkAsItWas(t, l, "echoword")
}
