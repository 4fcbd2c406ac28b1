package team

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
	"time"

	"attache/index"
	"attache/seeds"
)

// benchQueries are the searches the scale benchmark times, in both
// languages: words, phrases, prefixes, filters, cross-language terms.
var benchQueries = []string{
	"layer mask", "livello maschera", `"layer mask"`, "brush opacity", "pennello", "selection tool",
	"strumento selezione", "gradient*", "colori", "image scale", "ridimensionare immagine", "cavi sottomarini",
	"digital divide", "intelligenza artificiale", "+filter -blur", "lang:it canale alfa", "plug-in script",
	"undo history", "esportare file", "cybersecurity",
}

// gimpManual is Debian's GIMP manual, English and Italian (gimp-help-en,
// gimp-help-it), which the scale benchmark imports copies of.
const gimpManual = "/usr/share/gimp/2.0/help"

// BenchmarkScaleBeside builds a local and a team library of copies of the
// GIMP manual until they hold ATTACHE_TEAM_BENCH_PASSAGES passages (100000 by
// make bench-team; 1000000 for the large run), importing the same copies
// into both, alternating, then times the same searches on both, with 1
// and 8 concurrent clients, alternating, and prints a table: import
// throughput, search median and p99, and, for the team library, Go
// highlights against ts_headline. It is skipped unless the variable is
// set: make test never runs it.
func BenchmarkScaleBeside(b *testing.B) {
	target, _ := strconv.Atoi(os.Getenv("ATTACHE_TEAM_BENCH_PASSAGES"))
	if target <= 0 {
		b.Skip("set ATTACHE_TEAM_BENCH_PASSAGES (make bench-team) to run the scale benchmark")
	}
	if _, err := os.Stat(filepath.Join(gimpManual, "en")); err != nil {
		b.Skip("the GIMP manual is not installed (apt-get install gimp-help-en gimp-help-it)")
	}
	ctx := context.Background()
	work := b.TempDir()
	master := filepath.Join(work, "manual")
	if err := copyHTML(gimpManual, master); err != nil {
		b.Fatal(err)
	}
	local, err := index.Open(index.Config{Dir: filepath.Join(work, "local"), Seeds: seeds.FS})
	if err != nil {
		b.Fatal(err)
	}
	defer local.Close()
	u := freshURL(b)
	if _, err := Init(ctx, Config{URL: u}); err != nil {
		b.Fatal(err)
	}
	team, err := Open(ctx, Config{URL: u, MaxConns: 16})
	if err != nil {
		b.Fatal(err)
	}
	defer team.Close()

	type importFig struct {
		passages int
		took     time.Duration
	}
	imports := map[string]*importFig{"local": {}, "team": {}}
	// ATTACHE_TEAM_BENCH_MINUTES bounds the imports: the searches are then
	// timed at the size reached, which the table says.
	budget := time.Duration(1<<62 - 1)
	if m, _ := strconv.Atoi(os.Getenv("ATTACHE_TEAM_BENCH_MINUTES")); m > 0 {
		budget = time.Duration(m) * time.Minute
	}
	began := time.Now()
	total := 160
	for n := 0; total < target && time.Since(began) < budget; n++ {
		dir := filepath.Join(work, fmt.Sprintf("copy%03d", n))
		if err := linkTree(master, dir); err != nil {
			b.Fatal(err)
		}
		libs := []struct {
			name string
			lib  index.Library
		}{{"local", local}, {"team", team}}
		if n%2 == 1 {
			libs[0], libs[1] = libs[1], libs[0]
		}
		got := 0
		for _, l := range libs {
			start := time.Now()
			rep, err := l.lib.Import(ctx, []string{dir}, nil)
			if err != nil {
				b.Fatalf("%s import of copy %d: %v", l.name, n, err)
			}
			took := time.Since(start)
			p := 0
			for _, d := range rep.Added {
				p += d.Passages
			}
			imports[l.name].passages += p
			imports[l.name].took += took
			got = p
		}
		os.RemoveAll(dir)
		total += got
		fmt.Fprintf(os.Stderr, "copy %d: %d passages in each library\n", n+1, total)
	}

	var out strings.Builder
	tw := tabwriter.NewWriter(&out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%d passages\tlocal (Bleve)\tteam (PostgreSQL)\tteam/local\n", total)
	li, ti := imports["local"], imports["team"]
	lr := float64(li.passages) / li.took.Seconds()
	tr := float64(ti.passages) / ti.took.Seconds()
	fmt.Fprintf(tw, "import (passages/s)\t%.0f\t%.0f\t%.2f\n", lr, tr, tr/lr)
	for _, clients := range []int{1, 8} {
		lat := map[string][]time.Duration{}
		for round := 0; round < 5; round++ {
			order := []string{"local", "team"}
			if round%2 == 1 {
				order = []string{"team", "local"}
			}
			for _, name := range order {
				var lib index.Library = local
				if name == "team" {
					lib = team
				}
				lat[name] = append(lat[name], timeSearches(b, lib, clients)...)
			}
		}
		lm, lp := percentiles(lat["local"])
		tm, tp := percentiles(lat["team"])
		fmt.Fprintf(tw, "search, %d client(s): median\t%v\t%v\t%.2f\n", clients, lm, tm, float64(tm)/float64(lm))
		fmt.Fprintf(tw, "search, %d client(s): p99\t%v\t%v\t%.2f\n", clients, lp, tp, float64(tp)/float64(lp))
	}
	goH, headline := timeHighlights(b, team)
	fmt.Fprintf(tw, "highlights of a page of 20 hits: Go\t\t%v\t\n", goH)
	fmt.Fprintf(tw, "highlights of a page of 20 hits: ts_headline\t\t%v\t%.1f× Go\n", headline, float64(headline)/float64(goH))
	tw.Flush()
	fmt.Print(out.String())
}

// timeSearches runs the query set with clients concurrent clients, each
// running every query once, and returns each search's time.
func timeSearches(b *testing.B, lib index.Library, clients int) []time.Duration {
	var mu sync.Mutex
	var out []time.Duration
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := range benchQueries {
				q := benchQueries[(i+c*3)%len(benchQueries)]
				start := time.Now()
				if _, err := lib.Search(context.Background(), index.Query{Text: q}); err != nil {
					b.Errorf("search %q: %v", q, err)
					return
				}
				d := time.Since(start)
				mu.Lock()
				out = append(out, d)
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	return out
}

// percentiles returns the median and the 99th percentile.
func percentiles(ds []time.Duration) (time.Duration, time.Duration) {
	if len(ds) == 0 {
		return 0, 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	p99 := ds[min(len(ds)-1, len(ds)*99/100)]
	return ds[len(ds)/2].Round(10 * time.Microsecond), p99.Round(10 * time.Microsecond)
}

// copyHTML copies the HTML files of a folder tree.
func copyHTML(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// linkTree makes a copy of a folder tree of hard links (a copy when links
// cannot be made): the same files under other paths, so other documents.
func linkTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if os.Link(p, dst) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
