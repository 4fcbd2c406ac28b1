package index

import (
	"math"
	"os"
	"runtime/debug"
)

// importMemoryLimit is the soft memory limit of the Go runtime at the
// start of an import (see runtime/debug.SetMemoryLimit).
const importMemoryLimit = 96 << 20

// memoryBudget sets the Go runtime's soft memory limit during an import:
// importMemoryLimit, plus twice what the import holds until its commit
// (the store's records of the documents indexed). A fixed limit makes the
// collector run ever more often as a large import's held records fill
// it; grown with them, it keeps the same headroom over what is live all
// along. At four copies of the GIMP manual (73,796 passages) that took 8%
// off the import's processor time for 6% more peak memory (about 198 MB,
// recollindex about 200 MB).
type memoryBudget struct {
	own    bool // the limit is the import's, not one the user set
	held   int  // bytes held until the commit
	raised int  // held when the limit was last raised
	// gcPercent is the collector's target before the import, while the
	// import has set importGCPercent (the user set no GOGC) and holds
	// less than gcHeldLarge; gcOwn says it has.
	gcOwn     bool
	gcPercent int
}

// importGCPercent is the collector's target (GOGC) while an import holds
// little: the heap may grow to 1.7 times what is live between two
// collections, not twice. Measured alternating on the GIMP manual once,
// load 10-13 (recollindex: 70 MB, 1.9-2.2 s): with GOGC=70 for the whole
// process, peak memory 87-89 MB instead of 96-109 MB, processor time
// 2.32-2.49 s against 2.17-2.42 s; as set here, 4 pairs, 87-99 MB (median
// 94) against 94-107 MB (median 100), 2.18-2.57 s against 2.14-2.40 s. At
// four copies GOGC=70 saved no memory (the soft limit decides there) and
// cost 2-8% more processor time: past gcHeldLarge the import gives the
// collector its own target back.
const importGCPercent = 70

// gcHeldLarge is how many bytes an import holds (its store records) when
// it gives the collector its target back: the GIMP manual holds 8.7 MB at
// its end.
const gcHeldLarge = 16 << 20

// startMemoryBudget sets the import's limit unless the user set one
// (GOMEMLIMIT), and its collector target unless the user set one (GOGC);
// end undoes them.
func startMemoryBudget() *memoryBudget {
	m := &memoryBudget{own: debug.SetMemoryLimit(-1) == math.MaxInt64}
	if m.own {
		debug.SetMemoryLimit(importMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		m.gcOwn = true
		m.gcPercent = debug.SetGCPercent(importGCPercent)
	}
	return m
}

// hold counts n more bytes held until the commit, raising the limit by
// steps of a few megabytes.
func (m *memoryBudget) hold(n int) {
	m.held += n
	if m.own && m.held-m.raised >= 4<<20 {
		m.raised = m.held
		debug.SetMemoryLimit(importMemoryLimit + 2*int64(m.held))
	}
	if m.gcOwn && m.held >= gcHeldLarge {
		m.gcOwn = false
		debug.SetGCPercent(m.gcPercent)
	}
}

// end gives the runtime back its limit and collector target of before
// the import.
func (m *memoryBudget) end() {
	if m.own {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	if m.gcOwn {
		m.gcOwn = false
		debug.SetGCPercent(m.gcPercent)
	}
}

// size is about how many bytes e holds.
func (e *encodedDocument) size() int {
	n := len(e.id) + len(e.order) + len(e.doc) + len(e.hash) + 40*len(e.ids)
	for i := range e.ids {
		n += len(e.ids[i]) + len(e.passages[i])
	}
	return n
}
