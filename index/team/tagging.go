package team

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sync"

	"attache/index/corpus"
	"attache/index/themes"
	"attache/seeds"
)

// tagging is how the passages of a team library are tagged with themes:
// the shipped taxonomy, weighing terms by the seeds' statistics, as the
// local library does, so both tag a document alike. It is made on first
// use: searching needs none of it.
type tagging struct {
	once     sync.Once
	err      error
	taxonomy *themes.Taxonomy
	stats    *themes.Stats
	version  string
	seeds    []*corpus.Document // parsed and tagged
	hash     string             // of the embedded seeds' files
}

// load parses and tags the seeds and makes their statistics.
func (t *tagging) load() error {
	t.once.Do(func() {
		docs, err := corpus.LoadSeeds(seeds.FS)
		if err != nil {
			t.err = fmt.Errorf("seed library: %w", err)
			return
		}
		t.taxonomy = themes.Default()
		t.stats = t.taxonomy.TagDocuments(docs)
		t.version = t.taxonomy.Version(t.stats)
		t.seeds = docs
		h := sha256.New()
		fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(seeds.FS, p)
				fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(b))
			}
			return nil
		})
		t.hash = hex.EncodeToString(h.Sum(nil))[:16] + "-" + t.version
	})
	return t.err
}

// tag sets the themes of the documents' passages.
func (t *tagging) tag(docs []*corpus.Document) error {
	if err := t.load(); err != nil {
		return err
	}
	t.taxonomy.TagWith(t.stats, docs)
	return nil
}
