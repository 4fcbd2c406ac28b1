package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"attache/index/corpus"
)

// TestPersistFailureIsReported fills the disk under an index open for
// writing: batches are not synced one by one, so the failure comes from
// Bleve's persister, behind the change; the indexer's finish must return
// it (not wait for ever, not say the passages are written).
func TestPersistFailureIsReported(t *testing.T) {
	mnt := smallDisk(t, "2m")
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(mnt, indexDir)
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, writeConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	fillDisk(t, mnt, 32<<10)
	d := &corpus.Document{Meta: corpus.Meta{ID: "filler-doc", Lang: "en"}}
	for i := 0; i < 3000; i++ {
		text := fmt.Sprintf("Passage %d on submarine cables, landing stations and repair ships in region %d.", i, i*7)
		d.Passages = append(d.Passages, corpus.Passage{ID: corpus.PassageID(d.ID, text), Text: text, Seq: i})
	}
	in := newIndexer(idx)
	if _, err := in.add(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	err = in.finish()
	if err == nil {
		t.Fatal("finish said the passages were written on a full disk")
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error on several lines: %q", err)
	}
	t.Logf("finish said: %v", err)
}
