package index

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// An import stops before the library's disk is full, instead of letting
// the index run out of space in the middle of a write (Bleve does not
// survive that well: a background merge can crash the process). Before it
// indexes more text it checks that the disk keeps room for the index's
// merges and the store's transaction; when it does not, the import fails
// whole and the library stays as it was.

// spaceGuard watches the free space of the library's disk during an
// import.
type spaceGuard struct {
	dir     string
	base    int64 // room kept for merging the index as it was
	text    int64 // text read by the import so far
	checked int64 // text at the last check
}

// minFreeSpace is the room always kept free on the library's disk.
const minFreeSpace = 8 << 20

// newSpaceGuard starts watching the library folder dir.
func newSpaceGuard(dir string) *spaceGuard {
	return &spaceGuard{dir: dir, base: dirSize(filepath.Join(dir, indexDir)) / 2, checked: -1}
}

// need is the free space an import that has read text bytes requires:
// room for the text indexed, stored and merged, and for merging the index.
func (g *spaceGuard) need() int64 { return minFreeSpace + g.base + 4*g.text }

// add counts a document's text and fails when the disk is too full to
// index it.
func (g *spaceGuard) add(text int) error {
	g.text += int64(text)
	if g.checked >= 0 && g.text-g.checked < 256<<10 {
		return nil
	}
	g.checked = g.text
	free := freeSpace(g.dir)
	if free >= 0 && free < g.need() {
		return fmt.Errorf("the disk of %s is nearly full: %.1f MB free, this import needs about %.1f MB", g.dir, float64(free)/(1<<20), float64(g.need())/(1<<20))
	}
	return nil
}

// dirSize adds up the sizes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
