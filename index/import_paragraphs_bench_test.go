package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/seeds"
)

// BenchmarkImportShortParagraphs imports a text file of 0.1, 1 and 10 MB
// of short paragraphs (the probe's case of issue 11: the same short line
// again and again, each looking like the continuation of the one before)
// into a fresh library and prints MB/s and passages; MB/s stays about the
// same when the import is linear. Before the fix 1 MB took 58 s.
//
//	go test -run '^$' -bench ImportShortParagraphs -benchtime 1x ./index/
func BenchmarkImportShortParagraphs(b *testing.B) {
	for _, mb := range []float64{0.1, 1, 10} {
		b.Run(fmt.Sprintf("%gMB", mb), func(b *testing.B) {
			src := filepath.Join(b.TempDir(), "p.txt")
			var sb strings.Builder
			sb.WriteString("Title here\n\n")
			for sb.Len() < int(mb*1e6) {
				sb.WriteString("digital cooperation\n\n")
			}
			if err := os.WriteFile(src, []byte(sb.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(sb.Len()))
			passages := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				l, err := Open(Config{Dir: b.TempDir(), Seeds: seeds.FS})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				rep, err := l.Import(context.Background(), []string{src}, nil)
				b.StopTimer()
				if err != nil || len(rep.Added) != 1 {
					b.Fatalf("import: %v %+v", err, rep)
				}
				passages = rep.Added[0].Passages
				l.Close()
			}
			b.ReportMetric(float64(passages), "passages")
		})
	}
}
