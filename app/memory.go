package app

import (
	"os"
	"runtime/debug"
	"time"

	"attache/index"
)

// The window's memory at rest. Start-up allocates far more than the window
// keeps (the library's catalogue, the fonts parsed for measuring, the first
// layouts): with Go's default pacing the heap then stays at twice its live
// size and the freed pages stay mapped until the scavenger gets to them,
// minutes later. Once the window has settled, the heap is collected and
// its free pages handed back, and from then on it is paced closer to what
// it holds, under a soft limit.

// settleDelay is how long after the library opens the window is taken to
// have settled (first paint, first search, the page count's layout).
const settleDelay = 3 * time.Second

// restGCPercent is the collector's target after start-up: the heap may
// grow by a quarter of its live size before a collection, not by all of
// it. A window at rest still allocates (Fyne redraws it for every step of
// the text cursor's fade, 0.2–0.4 MB a second); at 50 % its heap swelled
// back by 3 MB within half a minute of settling, at 25 % it stays flat,
// for one collection of a 15 MB heap every quarter of a minute or so.
const restGCPercent = 25

// restMemoryLimit is the soft limit on the Go runtime's memory after
// start-up. It only makes the collector work harder as the heap nears it;
// a library whose live heap needs more still gets it.
const restMemoryLimit = 96 << 20

// mappedReleaser is a library that can let go of the pages of its files
// that opening it mapped (index.Local.ReleaseMapped).
type mappedReleaser interface{ ReleaseMapped() }

// settleMemory tunes the collector for a window at rest, returns the
// start-up's garbage to the system, and lets go of the pages of lib's files
// that opening it mapped. A GOGC or GOMEMLIMIT the user set is left as it
// is.
func settleMemory(lib index.Library) {
	if r, ok := lib.(mappedReleaser); ok {
		r.ReleaseMapped()
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(restGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(restMemoryLimit)
	}
	debug.FreeOSMemory()
}

// settleMemoryLater calls settleMemory once the window has settled, off
// the UI goroutine (a collection there would stall a frame).
func settleMemoryLater(lib index.Library) {
	time.AfterFunc(settleDelay, func() { settleMemory(lib) })
}

// releaseMemory hands freed pages back to the system at once (a full
// collection: call it off the UI goroutine), after the window dropped
// something large (the preview's page images).
func releaseMemory() {
	debug.FreeOSMemory()
}
