package index

import (
	"context"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"attache/seeds"
)

// benchQueries is a fixed set of queries in both languages, with the
// syntax analysts use.
var benchQueries = []string{
	"cavi sottomarini",
	"undersea cables",
	"digitale",
	"digital",
	`"diritti umani"`,
	`"artificial intelligence"`,
	"intelligenza artificiale",
	"cyber*",
	"ciber* sicurezza",
	"+semiconduttori catena approvvigionamento",
	"connettività -satelliti",
	"digital divide skills lang:en",
	"diplomazia digitale doc:council-2023",
	"Global Gateway Africa",
	"governance internet multistakeholder",
	"small and medium-sized enterprises",
	"tecnologie quantistiche",
	"data free flow with trust",
	"Ucraina ricostruzione",
	"standard tecnici 5G 6G",
}

// BenchmarkIngestAndIndexSeeds measures a first start: parsing the seeds,
// tagging their passages and building the index in a new folder.
func BenchmarkIngestAndIndexSeeds(b *testing.B) {
	root := b.TempDir()
	for i := 0; i < b.N; i++ {
		l, err := Open(Config{Dir: filepath.Join(root, strconv.Itoa(i)), Seeds: seeds.FS})
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}

// BenchmarkOpenBuiltIndex measures a later start, with the index built.
func BenchmarkOpenBuiltIndex(b *testing.B) {
	dir := b.TempDir()
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	l.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}

// BenchmarkSearch runs the fixed query set b.N times and reports the median
// and 99th percentile latency of single queries, and of the searching
// thread's processor time (Linux; see BenchmarkScaleSearch).
func BenchmarkSearch(b *testing.B) {
	l, err := Open(Config{Dir: b.TempDir(), Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var durations, cpu []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range benchQueries {
			start, startCPU := time.Now(), threadCPU()
			if _, err := l.Search(ctx, Query{Text: q}); err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			durations = append(durations, time.Since(start))
			cpu = append(cpu, threadCPU()-startCPU)
		}
	}
	b.StopTimer()
	sortDurations(durations)
	sortDurations(cpu)
	pct := func(ds []time.Duration, p float64) float64 {
		i := int(p * float64(len(ds)-1))
		return float64(ds[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(durations, 0.5), "ms-median")
	b.ReportMetric(pct(durations, 0.99), "ms-p99")
	if cpu[len(cpu)-1] > 0 {
		b.ReportMetric(pct(cpu, 0.5), "ms-cpu-median")
		b.ReportMetric(pct(cpu, 0.99), "ms-cpu-p99")
	}
	b.ReportMetric(float64(len(benchQueries)), "queries/op")
}
