package librarytest

import (
	"testing"

	"attache/index"
	"attache/seeds"
)

// TestLocalLibrary holds the local library in a folder to the contract.
func TestLocalLibrary(t *testing.T) {
	Run(t, func(t *testing.T) index.Library {
		lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lib.Close() })
		return lib
	})
}
