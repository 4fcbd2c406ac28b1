package index

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"attache/seeds"
)

// gimpHelp is where Debian's gimp-help-en and gimp-help-it packages put the
// GIMP user manual as HTML.
var gimpHelp = []string{"/usr/share/gimp/2.0/help/en", "/usr/share/gimp/2.0/help/it"}

// BenchmarkImportGIMP imports the GIMP user manual in English and Italian
// (1,370 HTML pages) into a fresh library and prints files/s, MB/s, the
// index's size relative to the text, peak memory and search latency after.
//
//	go test -run '^$' -bench ImportGIMP -benchtime 1x ./index/
func BenchmarkImportGIMP(b *testing.B) {
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		var readDone time.Duration
		rep, err := l.Import(context.Background(), gimpHelp, func(p Progress) {
			if p.Stage == "indexing" && readDone == 0 {
				readDone = time.Since(start)
			}
		})
		took := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		docs := len(rep.Added)
		mb := float64(rep.Bytes) / (1 << 20)
		text := 0
		for _, d := range allDocs(b, l) {
			for _, p := range d.Passages {
				text += len(p.Text)
			}
		}
		idxSize := dirSize(filepath.Join(dir, indexDir))
		med, p99 := searchLatency(b, l)
		st := l.idx.StatsMap()["index"].(map[string]interface{})
		b.Logf("index in %v segments", st["num_root_filesegments"])
		b.Logf("imported %d documents (%d files looked at, %d skipped) in %.2f s (reading %.2f s, indexing %.2f s)",
			docs, rep.Files, len(rep.Skipped), took.Seconds(), readDone.Seconds(), (took - readDone).Seconds())
		b.Logf("%.0f documents/s, %.1f MB/s of documents read (%.1f MB), index %.1f MB = %.2f× the %.1f MB of passage text, peak memory (VmHWM) %s",
			float64(docs)/took.Seconds(), mb/took.Seconds(), mb, float64(idxSize)/(1<<20), float64(idxSize)/float64(text), float64(text)/(1<<20), peakMemory())
		b.Logf("search latency after import: median %v, p99 %v", med, p99)
		b.ReportMetric(float64(docs)/took.Seconds(), "docs/s")
		b.ReportMetric(mb/took.Seconds(), "MB/s")
		l.Close()
	}
}

// searchLatency runs English and Italian queries over the imported manual
// and returns the median and 99th percentile time per search.
func searchLatency(b *testing.B, l *Local) (time.Duration, time.Duration) {
	queries := []string{"layer mask", "livello maschera", "brush dynamics", "pennello", "crop image",
		"ritaglia immagine", "\"color balance\"", "curve colore", "selection tool", "strumento selezione",
		"gradient", "sfumatura", "text tool font", "path stroke", "tracciato", "export png", "esporta",
		"undo history", "filters blur", "sfocatura gaussiana"}
	var times []time.Duration
	for round := 0; round < 5; round++ {
		for _, q := range queries {
			t := time.Now()
			if _, err := l.Search(context.Background(), Query{Text: q, Limit: 20}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t))
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return times[len(times)/2], times[len(times)*99/100]
}

// peakMemory reads the process's peak resident memory from /proc.
func peakMemory() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.Join(strings.Fields(strings.TrimPrefix(line, "VmHWM:")), " ")
		}
	}
	return "unknown"
}

// BenchmarkOpenLargeLibrary measures a later start of a library holding the
// GIMP manual (1,370 imported documents, index built): what a user waits
// for before the window can search.
//
//	go test -run '^$' -bench OpenLargeLibrary -benchtime 5x ./index/
func BenchmarkOpenLargeLibrary(b *testing.B) {
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
	}
	dir := b.TempDir()
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.Import(context.Background(), gimpHelp, nil); err != nil {
		b.Fatal(err)
	}
	l.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var notices []string
		l, err := Open(Config{Dir: dir, Seeds: seeds.FS, Notice: func(s string) { notices = append(notices, s) }})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if len(notices) > 0 {
			b.Fatalf("opening the large library again said %q: the index was rebuilt", notices)
		}
		if docs, _ := l.Documents(); len(docs) < 1370 {
			b.Fatalf("the large library holds %d documents", len(docs))
		}
		l.Close()
		b.StartTimer()
	}
}

// importCopies is how many copies of the GIMP manual BenchmarkImportCopies
// imports (go test -bench ImportCopies -args -copies 6).
var importCopies = flag.Int("copies", 4, "copies of the GIMP manual BenchmarkImportCopies imports")

// BenchmarkImportCopies imports several copies of the GIMP manual's pages
// (as scripts/bench-peers.sh does with COPIES=N: 1,370 HTML pages a copy,
// each copy in its own folder, so every document is distinct) into a fresh
// library and prints the time, the passages and the peak memory: how the
// import scales with the library.
//
//	go test -run '^$' -bench ImportCopies -benchtime 1x ./index/ -args -copies 4
func BenchmarkImportCopies(b *testing.B) {
	for _, d := range gimpHelp {
		if _, err := os.Stat(d); err != nil {
			b.Skipf("the GIMP manual is not installed (%s); install it with: sudo apt-get install gimp-help-en gimp-help-it", d)
		}
	}
	src := b.TempDir()
	for c := 1; c <= *importCopies; c++ {
		for _, d := range gimpHelp {
			copyPages(b, d, filepath.Join(src, fmt.Sprintf("copy%d", c), filepath.Base(d)))
		}
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		rep, err := l.Import(context.Background(), []string{src}, nil)
		took := time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		passages := 0
		for _, d := range rep.Added {
			passages += d.Passages
		}
		b.Logf("%d copies: imported %d documents, %d passages in %.2f s (%.0f passages/s), peak memory (VmHWM) %s",
			*importCopies, len(rep.Added), passages, took.Seconds(), float64(passages)/took.Seconds(), peakMemory())
		st := l.idx.StatsMap()["index"].(map[string]interface{})
		med, p99 := searchLatency(b, l)
		b.Logf("index in %v segments; search latency after import: median %v, p99 %v", st["num_root_filesegments"], med, p99)
		b.ReportMetric(float64(passages)/took.Seconds(), "passages/s")
		l.Close()
	}
}

// copyPages copies the HTML pages under from to the folder to.
func copyPages(b *testing.B, from, to string) {
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
}
