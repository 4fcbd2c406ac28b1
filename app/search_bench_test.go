package app

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/index"
)

// gimpManual is where Debian's gimp-help-en and gimp-help-it put the GIMP
// manual, the larger library the window is measured on.
var gimpManual = []string{"/usr/share/gimp/2.0/help/en", "/usr/share/gimp/2.0/help/it"}

// BenchmarkResultsAfterTyping times the window from the last keystroke of
// a query to its results on the list, on Fyne's test driver: the search
// and the list's update, not the debounce (added in "window-ms") nor the
// frame's painting (see ATTACHE_TRACE for a real window's figure). The
// query but its last letter is typed first, untimed, as a user would have.
// On the seeds, and on the GIMP manual (EN+IT, imported into a temporary
// library) when it is installed.
func BenchmarkResultsAfterTyping(b *testing.B) {
	b.Run("seeds", func(b *testing.B) {
		benchTyping(b, testLib, []string{"submarine cables", "cavi sottomarini", "data protection",
			"intelligenza artificiale", "cyber resilience", "diplomazia digitale"})
	})
	b.Run("gimp", func(b *testing.B) {
		for _, d := range gimpManual {
			if _, err := os.Stat(d); err != nil {
				b.Skipf("the GIMP manual is not installed (%s): apt-get install gimp-help-en gimp-help-it", d)
			}
		}
		lib, err := openIndex(b.TempDir(), nil)
		if err != nil {
			b.Fatal(err)
		}
		defer lib.Close()
		if _, err := lib.Import(context.Background(), gimpManual, func(index.Progress) {}); err != nil {
			b.Fatal(err)
		}
		benchTyping(b, lib, []string{"layer mask", "livelli", "brush size", "selezione rettangolare",
			"export image", "pennello"})
	})
}

// benchTyping types the last letter of each query in turn into a window on
// lib and reports the time to the list, and with the debounce.
func benchTyping(b *testing.B, lib index.Library, queries []string) {
	u := newTestUIWith(b, lib)
	u.win.Resize(u.windowSize(fyne.NewSize(1366, 768))) // a first start on a laptop
	entry := u.search.query
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		b.StopTimer()
		entry.SetText("")
		test.Type(entry, q[:len(q)-1])
		b.StartTimer()
		start := time.Now()
		test.Type(entry, q[len(q)-1:])
		total += time.Since(start)
		if len(u.search.hits) == 0 {
			b.Fatalf("query %q: no hits (%q)", q, u.search.message.Text)
		}
	}
	ms := float64(total.Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "to-list-ms")
	b.ReportMetric(ms+float64(searchDelay.Milliseconds()), "window-ms")
}
