package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"attache/seeds"
)

// scaleQueries are the fixed queries of the scale benchmark, in English
// and Italian, with the syntax analysts use.
var scaleQueries = []string{
	"layer mask", "livello maschera", "brush dynamics", "pennello", "crop image",
	"ritaglia immagine", `"color balance"`, "curve colore", "selection tool", "strumento selezione",
	"gradient", "sfumatura", "text tool font", "path stroke", "tracciato", "export png", "esporta",
	"undo history", "filters blur", "sfocatura gaussiana", "cavi sottomarini", "digital divide lang:en",
	"+livello -maschera", "transform*",
}

// BenchmarkScale grows a library to ATTACHE_BENCH_PASSAGES passages
// (100,000 unless set) by importing the GIMP manual EN+IT again and again
// under distinct names (links named copy1-en, copy1-it, …), beside the
// seeds, then measures what a user waits for: each import's throughput,
// the library's open, searches over a fixed query set in both languages
// (median and p99), peak memory and the size of the index and the store.
//
//	go test -run '^$' -bench Scale -benchtime 1x ./index/
//	ATTACHE_BENCH_LIBRARY=/tmp/lib100k go test …   (keeps the library for the next run)
//	ATTACHE_BENCH_PASSAGES=1000000 go test -run '^$' -bench Scale -benchtime 1x -timeout 3h ./index/   (make bench-scale)
func BenchmarkScale(b *testing.B) {
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
	}
	target := 100000
	if v, err := strconv.Atoi(os.Getenv("ATTACHE_BENCH_PASSAGES")); err == nil && v > 0 {
		target = v
	}
	// One library, however many times -benchtime asks: growing it is
	// the long part, and every figure is printed.
	for i := 0; i < 1; i++ {
		b.StopTimer()
		root := b.TempDir()
		dir := filepath.Join(root, "library")
		if keep := os.Getenv("ATTACHE_BENCH_LIBRARY"); keep != "" {
			// a library to keep between runs, grown further if needed
			dir, root = keep, filepath.Join(keep, "..", filepath.Base(keep)+"-copies")
			os.MkdirAll(root, 0o755)
		}
		l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
		if err != nil {
			b.Fatal(err)
		}
		passages := passageTotal(b, l)
		var importTime time.Duration
		var importBytes int64
		imported := 0
		for k := 1; passages < target; k++ {
			var paths []string
			for _, d := range gimpHelp {
				link := filepath.Join(root, fmt.Sprintf("copy%d-%s", k, filepath.Base(d)))
				if _, err := os.Lstat(link); err == nil {
					continue // imported into the kept library before
				}
				if err := os.Symlink(d, link); err != nil {
					b.Fatal(err)
				}
				paths = append(paths, link)
			}
			if len(paths) == 0 {
				continue
			}
			start := time.Now()
			rep, err := l.Import(context.Background(), paths, nil)
			took := time.Since(start)
			if err != nil {
				b.Fatal(err)
			}
			importTime += took
			importBytes += rep.Bytes
			before := passages
			passages = passageTotal(b, l)
			imported += passages - before
			b.Logf("import %d: %d documents, %d passages in %.2f s (%.0f passages/s); library %d passages, peak memory %s",
				k, len(rep.Added), passages-before, took.Seconds(), float64(passages-before)/took.Seconds(), passages, peakMemory())
		}
		l.Close()

		var opens []time.Duration
		for r := 0; r < 10; r++ {
			start := time.Now()
			l, err = Open(Config{Dir: dir, Seeds: seeds.FS, Notice: func(s string) { b.Fatalf("reopening said %q", s) }})
			opens = append(opens, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			if r < 9 {
				l.Close()
			}
		}
		sort.Slice(opens, func(i, j int) bool { return opens[i] < opens[j] })

		ctx := context.Background()
		var times []time.Duration
		hits := 0
		for round := 0; round < 6; round++ {
			for _, q := range scaleQueries {
				start := time.Now()
				res, err := l.Search(ctx, Query{Text: q, Limit: 20})
				took := time.Since(start)
				if err != nil {
					b.Fatalf("%q: %v", q, err)
				}
				if round > 0 { // the first round warms the caches
					times = append(times, took)
					hits += res.Total
				}
			}
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		med, p99 := times[len(times)/2], times[len(times)*99/100]
		idxSize, storeSize := dirSize(filepath.Join(dir, indexDir)), fileSize(filepath.Join(dir, storeFile))
		l.Close()

		b.Logf("library of %d passages: open median %v (min %v, max %v)", passages, opens[len(opens)/2], opens[0], opens[len(opens)-1])
		b.Logf("search over %d queries × 5 rounds: median %v, p99 %v (%d hits in all)", len(scaleQueries), med, p99, hits)
		b.Logf("import: %d passages in %.1f s, %.0f passages/s, %.1f MB/s of files read; peak memory (VmHWM) %s",
			imported, importTime.Seconds(), float64(imported)/importTime.Seconds(), float64(importBytes)/(1<<20)/importTime.Seconds(), peakMemory())
		b.Logf("index %.1f MB, store %.1f MB", float64(idxSize)/(1<<20), float64(storeSize)/(1<<20))
		b.ReportMetric(float64(passages), "passages")
		b.ReportMetric(float64(opens[len(opens)/2].Microseconds())/1000, "ms-open")
		b.ReportMetric(float64(med.Microseconds())/1000, "ms-search-median")
		b.ReportMetric(float64(p99.Microseconds())/1000, "ms-search-p99")
		b.ReportMetric(float64(imported)/importTime.Seconds(), "passages/s-import")
	}
}

// fileSize is a file's size, or 0.
func fileSize(path string) int64 {
	if info, err := os.Stat(path); err == nil {
		return info.Size()
	}
	return 0
}
