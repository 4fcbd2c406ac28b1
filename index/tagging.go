package index

import (
	"encoding/json"
	"sync"

	"attache/index/themes"
)

// tagging is how the library tags passages with their themes: the shipped
// taxonomy weighing terms by the seeds' statistics. It is loaded when a
// passage is first tagged (an import, an edit), not at Open: a search
// never needs it.
type tagging struct {
	statsOnce sync.Once
	raw       []byte // the statistics as the store keeps them, until read
	stats     *themes.Stats

	once    sync.Once
	tx      *themes.Taxonomy
	version string
}

// useStats makes the seeds' statistics, given as stored (raw) or made
// (st), the ones the library tags with, and the shipped taxonomy's own
// whenever it is loaded (which Scores and Matrix use elsewhere: drafts,
// the coverage matrix).
func (l *Local) useStats(raw []byte, st *themes.Stats) {
	t := &tagging{raw: raw, stats: st}
	if st != nil {
		t.statsOnce.Do(func() {})
	}
	l.tag = t
	themes.SetDefaultStats(t.statistics)
}

// statistics returns the seeds' statistics (nil without seeds).
func (t *tagging) statistics() *themes.Stats {
	t.statsOnce.Do(func() {
		if len(t.raw) > 0 && string(t.raw) != "null" {
			var st themes.Stats
			if json.Unmarshal(t.raw, &st) == nil {
				t.stats = &st
			}
		}
		t.raw = nil
	})
	return t.stats
}

// tagger returns the taxonomy, the statistics it weighs terms with and
// the version of tags made so (themes.Taxonomy.Version).
func (l *Local) tagger() (*themes.Taxonomy, *themes.Stats, string) {
	t := l.tag
	t.once.Do(func() {
		t.tx = themes.Default()
		t.version = t.tx.Version(t.statistics())
	})
	return t.tx, t.statistics(), t.version
}
