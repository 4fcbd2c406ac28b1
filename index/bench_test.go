package index

import (
	"context"
	"path/filepath"
	"sort"
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
// and 99th percentile latency of single queries.
func BenchmarkSearch(b *testing.B) {
	l, err := Open(Config{Dir: b.TempDir(), Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	var durations []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range benchQueries {
			start := time.Now()
			if _, err := l.Search(ctx, Query{Text: q}); err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			durations = append(durations, time.Since(start))
		}
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	pct := func(p float64) float64 {
		i := int(p * float64(len(durations)-1))
		return float64(durations[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.5), "ms-median")
	b.ReportMetric(pct(0.99), "ms-p99")
	b.ReportMetric(float64(len(benchQueries)), "queries/op")
}
