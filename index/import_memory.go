package index

import (
	"math"
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
}

// startMemoryBudget sets the import's limit unless the user set one
// (GOMEMLIMIT); end undoes it.
func startMemoryBudget() *memoryBudget {
	m := &memoryBudget{own: debug.SetMemoryLimit(-1) == math.MaxInt64}
	if m.own {
		debug.SetMemoryLimit(importMemoryLimit)
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
}

// end gives the runtime back its limit of before the import.
func (m *memoryBudget) end() {
	if m.own {
		debug.SetMemoryLimit(math.MaxInt64)
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
