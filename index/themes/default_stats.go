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
// statistics: when it is loaded, or at once if it is loaded already.
func SetDefaultStats(f func() *Stats) {
	defaultStats.mu.Lock()
	defaultStats.f = f
	defaultStats.mu.Unlock()
	if defaultTax != nil && f != nil {
		if st := f(); st != nil {
			defaultTax.SetStats(st)
		}
	}
}

// applyDefaultStats gives a just-loaded shipped taxonomy its statistics.
func applyDefaultStats(tx *Taxonomy) {
	defaultStats.mu.Lock()
	f := defaultStats.f
	defaultStats.mu.Unlock()
	if f != nil {
		if st := f(); st != nil {
			tx.SetStats(st)
		}
	}
}
