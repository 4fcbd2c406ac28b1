package index

import (
	"math"
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's target without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestMemoryBudgetGivesTheRuntimeBackItsSettings checks that an import's
// memory budget sets the soft limit and the collector's target, raises
// the limit and gives the target back as the import holds more, and
// leaves both as they were at its end; and that a target the user set
// (GOGC) is left alone.
func TestMemoryBudgetGivesTheRuntimeBackItsSettings(t *testing.T) {
	t.Setenv("GOGC", "")
	before := gcPercent()
	defer debug.SetGCPercent(before)
	debug.SetMemoryLimit(math.MaxInt64)
	m := startMemoryBudget()
	if got := gcPercent(); got != importGCPercent {
		t.Errorf("collector target %d during a small import, want %d", got, importGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != importMemoryLimit {
		t.Errorf("memory limit %d, want %d", got, importMemoryLimit)
	}
	m.hold(gcHeldLarge)
	if got := gcPercent(); got != before {
		t.Errorf("collector target %d once the import holds %d bytes, want %d", got, gcHeldLarge, before)
	}
	if got := debug.SetMemoryLimit(-1); got != importMemoryLimit+2*gcHeldLarge {
		t.Errorf("memory limit %d, want %d", got, importMemoryLimit+2*gcHeldLarge)
	}
	m.end()
	if gcPercent() != before || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("after the import: collector target %d (want %d), limit %d", gcPercent(), before, debug.SetMemoryLimit(-1))
	}

	m = startMemoryBudget()
	m.end()
	if gcPercent() != before {
		t.Errorf("a small import left the collector's target at %d, want %d", gcPercent(), before)
	}

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	m = startMemoryBudget()
	if got := gcPercent(); got != 150 {
		t.Errorf("the user's GOGC=150 became %d during an import", got)
	}
	m.end()
	if got := gcPercent(); got != 150 {
		t.Errorf("the user's GOGC=150 became %d after an import", got)
	}
}
