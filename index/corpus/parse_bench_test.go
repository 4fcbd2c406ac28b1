package corpus

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// shortParagraphs is a text of about size bytes: a title, then the same
// short line again and again, each a paragraph of its own, starting in
// lower case and without a full stop (the probe's case: each looks like
// the continuation of the one before).
func shortParagraphs(size int) []byte {
	var sb strings.Builder
	sb.WriteString("Title here\n\n")
	for sb.Len() < size {
		sb.WriteString("digital cooperation\n\n")
	}
	return []byte(sb.String())
}

// BenchmarkParseShortParagraphs parses 0.1, 1 and 10 MB of short
// paragraphs; MB/s stays about the same when the parse is linear.
func BenchmarkParseShortParagraphs(b *testing.B) {
	for _, mb := range []float64{0.1, 1, 10} {
		raw := shortParagraphs(int(mb * 1e6))
		b.Run(fmt.Sprintf("%gMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Parse(Meta{ID: "p", Lang: "en"}, raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseCancel cancels the parse of 10 MB of short paragraphs a
// quarter of a second in and reports how long it took to stop
// (ms-to-stop); the issue asks for less than a second.
func BenchmarkParseCancel(b *testing.B) {
	raw := shortParagraphs(10_000_000)
	var worst time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		var at time.Time
		timer := time.AfterFunc(250*time.Millisecond, func() { at = time.Now(); cancel() })
		_, err := ParseContext(ctx, Meta{ID: "p", Lang: "en"}, raw)
		stopped := time.Now()
		timer.Stop()
		cancel()
		if err == nil {
			b.Fatal("the parse finished before the cancel")
		}
		if d := stopped.Sub(at); d > worst {
			worst = d
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "ms-to-stop")
}
