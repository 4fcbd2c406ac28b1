package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"attache/index/corpus"
	"attache/seeds"
)

// BenchmarkIndexGIMP times the Bleve half of an import alone: the GIMP
// manual's documents, read and tagged once before the clock starts, sent
// through the indexer into a new index until they are on its disk. It
// prints the wall and processor time of the indexing, the segments the
// index is left with and the merges Bleve ran while indexing.
//
//	go test -run '^$' -bench IndexGIMP -benchtime 3x ./index/
func BenchmarkIndexGIMP(b *testing.B) {
	docs := readGIMP(b)
	if *indexCopies > 1 {
		docs = copiesOf(docs, *indexCopies)
	}
	passages := 0
	for _, d := range docs {
		passages += len(d.Passages)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		m, err := newMapping()
		if err != nil {
			b.Fatal(err)
		}
		idx, err := bleve.NewUsing(filepath.Join(b.TempDir(), indexDir), m, scorch.Name, scorch.Name, writeConfig())
		if err != nil {
			b.Fatal(err)
		}
		cpu0 := processCPU()
		start := time.Now()
		b.StartTimer()
		in := newIndexer(idx)
		for _, d := range docs {
			if _, err := in.add(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
		if err := in.finish(); err != nil {
			b.Fatal(err)
		}
		took, cpu := time.Since(start), processCPU()-cpu0
		st := idx.StatsMap()["index"].(map[string]interface{})
		b.Logf("indexed %d passages in %.2f s wall, %.2f s CPU; %v file segments, %v in memory; merges: %v file (%v segments), %v in memory (%v segments); %v batches",
			passages, took.Seconds(), cpu.Seconds(), st["num_root_filesegments"], st["num_root_memorysegments"],
			st["TotFileMergePlanTasksDone"], st["TotFileMergeSegments"], st["TotMemMergeDone"], st["TotMemMergeSegments"], st["TotBatches"])
		mcpu0, mstart := processCPU(), time.Now()
		in.startMerge(context.Background(), passages)
		if err := in.merged(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		mtook, mcpu := time.Since(mstart), processCPU()-mcpu0
		st = idx.StatsMap()["index"].(map[string]interface{})
		b.Logf("then merged into %v segments in %.2f s wall, %.2f s CPU: %.2f s CPU in all", st["num_root_filesegments"], mtook.Seconds(), mcpu.Seconds(), (cpu + mcpu).Seconds())
		cpu += mcpu
		b.ReportMetric(cpu.Seconds(), "cpu-s")
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// indexCopies is how many copies of the GIMP manual BenchmarkIndexGIMP
// indexes (go test -bench IndexGIMP -args -index-copies 4).
var indexCopies = flag.Int("index-copies", 1, "copies of the GIMP manual BenchmarkIndexGIMP indexes")

// copiesOf returns n copies of docs, each copy's documents and passages
// with IDs of their own.
func copiesOf(docs []*corpus.Document, n int) []*corpus.Document {
	var out []*corpus.Document
	for c := 1; c <= n; c++ {
		for _, d := range docs {
			cd := *d
			cd.ID = fmt.Sprintf("c%d-%s", c, d.ID)
			cd.Passages = append([]corpus.Passage(nil), d.Passages...)
			for i := range cd.Passages {
				cd.Passages[i].ID = fmt.Sprintf("c%d-%s", c, cd.Passages[i].ID)
				cd.Passages[i].DocID = cd.ID
			}
			out = append(out, &cd)
		}
	}
	return out
}

// readGIMP reads and tags the GIMP manual's documents as an import does.
func readGIMP(b testing.TB) []*corpus.Document {
	b.Helper()
	skipWithoutGIMP(b)
	l, err := Open(Config{Dir: b.TempDir(), Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	var docs []*corpus.Document
	_, _, err = ReadDocuments(context.Background(), gimpHelp, ReadOptions{Tag: l.Tag}, func(f *ReadFile) error {
		docs = append(docs, f.Doc)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs
}

// skipWithoutGIMP skips a benchmark when the GIMP manual is not installed.
func skipWithoutGIMP(b testing.TB) {
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
	}
}
