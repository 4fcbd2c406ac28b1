package themes

import "sync"

// The shipped taxonomy's statistics can be given before the taxonomy is
// loaded, so that a program that never tags (a search from the command
// line) does not pay for loading it, while one that does gets it with the
// library's statistics.
var defaultStats struct {
	mu sync.Mutex
	f  func() *Stats
}

// SetDefaultStats makes f give the shipped taxonomy (Default) its
// statistics: when they are first needed (Scores), so that a program that
// only searches (QueryThemes weighs no statistics) never asks for them.
func SetDefaultStats(f func() *Stats) {
	defaultStats.mu.Lock()
	defaultStats.f = f
	defaultStats.mu.Unlock()
	if defaultTax != nil && f != nil {
		defaultTax.mu.Lock()
		defaultTax.pendingStats = f
		defaultTax.mu.Unlock()
	}
}

// applyDefaultStats gives a just-loaded shipped taxonomy its statistics,
// to be asked for when first needed.
func applyDefaultStats(tx *Taxonomy) {
	defaultStats.mu.Lock()
	f := defaultStats.f
	defaultStats.mu.Unlock()
	if f != nil {
		tx.mu.Lock()
		tx.pendingStats = f
		tx.mu.Unlock()
	}
}

// currentStats returns the Stats that Scores weighs terms with, asking
// the shipped taxonomy's statistics of SetDefaultStats the first time.
func (tx *Taxonomy) currentStats() *Stats {
	tx.mu.RLock()
	st, f := tx.stats, tx.pendingStats
	tx.mu.RUnlock()
	if f == nil {
		return st
	}
	got := f()
	tx.mu.Lock()
	defer tx.mu.Unlock()
	if tx.pendingStats != nil { // not set since (SetStats)
		tx.pendingStats = nil
		if got != nil {
			tx.stats = got
		}
	}
	return tx.stats
}
