package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sort"
	"testing"
	"time"

	"attache/seeds"
)

// BenchmarkScaleSearch measures searches alone on a library grown before
// by BenchmarkScale (ATTACHE_BENCH_LIBRARY, skipped when unset): the same
// fixed query set, b.N rounds after a warm-up one, the median and p99 over
// all, and each query's median in the log, to see where the time goes.
// Besides the wall time it reports the processor time of the searching
// thread (Linux), the latency of an idle machine: on a shared one the
// wall time mostly measures the wait for a core.
// ATTACHE_BENCH_DUMP=file writes each query's results (total, weak, the
// first 20 hits' IDs, tiers and scores, the facets) as JSON, to compare
// two builds' answers.
//
//	ATTACHE_BENCH_LIBRARY=/tmp/lib100k go test -run '^$' -bench '^BenchmarkScaleSearch$' -benchtime 10x ./index/
func BenchmarkScaleSearch(b *testing.B) {
	dir := os.Getenv("ATTACHE_BENCH_LIBRARY")
	if dir == "" {
		b.Skip("set ATTACHE_BENCH_LIBRARY to a library grown by BenchmarkScale")
	}
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	queries := append(append([]string{}, scaleQueries...), benchQueries...)
	ctx := context.Background()
	if out := os.Getenv("ATTACHE_BENCH_DUMP"); out != "" {
		dumpResults(b, l, queries, out)
	}
	for _, q := range queries { // warm-up
		if _, err := l.Search(ctx, Query{Text: q, Limit: 20}); err != nil {
			b.Fatalf("%q: %v", q, err)
		}
	}
	runtime.LockOSThread() // the search runs on this thread: its processor time is the search's
	defer runtime.UnlockOSThread()
	per := make([][]time.Duration, len(scaleQueries))
	perCPU := make([][]time.Duration, len(scaleQueries))
	var times, cpu []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, q := range scaleQueries {
			start, startCPU := time.Now(), threadCPU()
			if _, err := l.Search(ctx, Query{Text: q, Limit: 20}); err != nil {
				b.Fatalf("%q: %v", q, err)
			}
			took := time.Since(start)
			cpu = append(cpu, threadCPU()-startCPU)
			perCPU[k] = append(perCPU[k], cpu[len(cpu)-1])
			times = append(times, took)
			per[k] = append(per[k], took)
		}
	}
	b.StopTimer()
	sortDurations(times)
	sortDurations(cpu)
	for k, q := range scaleQueries {
		sortDurations(per[k])
		sortDurations(perCPU[k])
		b.Logf("%-28q median %v max %v (processor: median %v)", q, per[k][len(per[k])/2], per[k][len(per[k])-1], perCPU[k][len(perCPU[k])/2])
	}
	med, p99 := times[len(times)/2], times[len(times)*99/100]
	b.Logf("search over %d queries × %d rounds: median %v, p99 %v", len(scaleQueries), b.N, med, p99)
	b.ReportMetric(float64(med.Microseconds())/1000, "ms-search-median")
	b.ReportMetric(float64(p99.Microseconds())/1000, "ms-search-p99")
	if cpu[len(cpu)-1] > 0 {
		b.Logf("processor time of the searching thread: median %v, p99 %v", cpu[len(cpu)/2], cpu[len(cpu)*99/100])
		b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "ms-cpu-median")
		b.ReportMetric(float64(cpu[len(cpu)*99/100].Microseconds())/1000, "ms-cpu-p99")
	}
}

// sortDurations sorts durations, shortest first.
func sortDurations(ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
}

// dumpResults writes what each query answers, in both modes and with a
// second page, to path as JSON.
func dumpResults(b *testing.B, l *Local, queries []string, path string) {
	type hit struct {
		ID    string  `json:"id"`
		Weak  bool    `json:"weak,omitempty"`
		Score float64 `json:"score"`
		Snip  string  `json:"snippet"`
		Marks []Span  `json:"marks"`
		Cite  string  `json:"citation"`
	}
	type answer struct {
		Query  Query                   `json:"query"`
		Total  int                     `json:"total"`
		Weak   int                     `json:"weak"`
		Hits   []hit                   `json:"hits"`
		Facets map[string][]FacetCount `json:"facets"`
	}
	var all []answer
	for _, text := range queries {
		for _, q := range []Query{
			{Text: text, Limit: 20},
			{Text: text, Limit: 20, SameLanguage: true},
			{Text: text, Limit: 10, Offset: 30},
			{Text: text, Limit: 20, Lang: "it"},
		} {
			res, err := l.Search(context.Background(), q)
			if err != nil {
				b.Fatalf("%q: %v", text, err)
			}
			a := answer{Query: q, Total: res.Total, Weak: res.Weak, Facets: res.Facets}
			for _, h := range res.Hits {
				a.Hits = append(a.Hits, hit{h.Passage.ID, h.Weak, h.Score, h.Snippet.Text, h.Snippet.Marks, fmt.Sprintf("%+v", h.Citation)})
			}
			all = append(all, a)
		}
	}
	data, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %d answers to %s\n", len(all), path)
}
