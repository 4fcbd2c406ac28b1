package team

import (
	"context"
	"strings"
	"testing"
	"time"

	"attache/index"
	"attache/index/query"
)

// The other way to highlight: ts_headline on the server. These tests and
// benchmarks compare it with the marker the library uses (highlight.go),
// which computes the marks in Go from the stored text.

// headlineSel are the markers ts_headline is asked to put around a match:
// control characters no passage holds.
const (
	headlineStart = "\x01"
	headlineStop  = "\x02"
)

// pageFor runs q on l and returns the hits and the branches of its plan.
func pageFor(t testing.TB, l *Library, text string) ([]index.Hit, []branch) {
	t.Helper()
	ctx := context.Background()
	res, err := l.Search(ctx, index.Query{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	pq, err := query.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	plan, nm, err := l.plan(ctx, l.pool, pq, index.Query{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var bs []branch
	for _, lang := range planLangs {
		if b := newBranch(plan, lang.Code, nm); b.found {
			bs = append(bs, b)
		}
	}
	return res.Hits, bs
}

// headlines asks ts_headline for the marks of the hits' whole texts, in
// one round trip, with each configuration's positive wordings.
func headlines(t testing.TB, l *Library, hits []index.Hit, bs []branch) [][]index.Span {
	t.Helper()
	qs := map[string]string{}
	for _, b := range bs {
		var parts []string
		for _, m := range b.marks {
			parts = append(parts, m.tsq)
		}
		qs[b.cfg] = or(parts...)
	}
	ids := make([]string, len(hits))
	tsqs := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
		tsqs[i] = qs[regconfig(h.Lang)]
	}
	rows, err := l.pool.Query(context.Background(), `
		SELECT x.i, ts_headline(p.cfg, p.text, x.q::tsquery, 'HighlightAll=true, StartSel='||chr(1)||', StopSel='||chr(2))
		FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(id, q, i) JOIN passages p ON p.id = x.id`, ids, tsqs)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := make([][]index.Span, len(hits))
	for rows.Next() {
		var i int
		var marked string
		if err := rows.Scan(&i, &marked); err != nil {
			t.Fatal(err)
		}
		out[i-1] = markedSpans(marked)
	}
	return out
}

// markedSpans turns a text with headline markers into the byte ranges of
// the marked words in the text without them.
func markedSpans(s string) []index.Span {
	var out []index.Span
	var b strings.Builder
	start := -1
	for _, r := range s {
		switch string(r) {
		case headlineStart:
			start = b.Len()
		case headlineStop:
			if start >= 0 {
				out = append(out, index.Span{Start: start, End: b.Len()})
			}
			start = -1
		default:
			b.WriteRune(r)
		}
	}
	return out
}

// agreeQueries are the searches the two highlighters are compared on.
var agreeQueries = []string{"cavi sottomarini", `"digital divide"`, "cyber*", "intelligenza artificiale", "digital sovereignty",
	"diritti umani", "undersea cables security", `"la chiusura e la censura"`, "+sicurezza informatica", "partenariati digitali"}

// TestHighlightsAgreeWithHeadline: the words the library marks in Go are
// words ts_headline marks too, on the seeds; the only words ts_headline
// marks beside them are words of a phrase standing apart from the rest of
// it ("paesi" of "paesi partner" alone), which the Go marker leaves
// unmarked on purpose.
func TestHighlightsAgreeWithHeadline(t *testing.T) {
	l := shared(t)
	same, goOnly, apart := 0, 0, 0
	for _, q := range agreeQueries {
		hits, bs := pageFor(t, l, q)
		m := newMarker(bs)
		hl := headlines(t, l, hits, bs)
		for i, h := range hits {
			cfg := regconfig(h.Lang)
			inPhrase := map[string]bool{}
			for _, ph := range m.phrases[cfg] {
				for _, w := range ph {
					inPhrase[w] = true
				}
			}
			goMarks := map[index.Span]bool{}
			for _, s := range m.spans(cfg, h.Text) {
				goMarks[s] = true
			}
			pgMarks := map[index.Span]bool{}
			for _, s := range hl[i] {
				pgMarks[s] = true
			}
			for s := range goMarks {
				if pgMarks[s] {
					same++
				} else {
					goOnly++
					t.Errorf("%s: only Go marks %q in %s", q, h.Text[s.Start:s.End], h.ID)
				}
			}
			for s := range pgMarks {
				if goMarks[s] {
					continue
				}
				w := strings.ToLower(h.Text[s.Start:s.End])
				if !inPhrase[stem(cfg, w)] && !inPhrase[w] {
					t.Errorf("%s: ts_headline marks %q in %s, which is no word of a phrase, and Go does not", q, w, h.ID)
				}
				apart++
			}
		}
	}
	t.Logf("%d marks alike, %d only in Go, %d words of phrases standing apart marked by ts_headline alone", same, goOnly, apart)
	if same == 0 {
		t.Error("no marks compared")
	}
}

// timeHighlights returns how long marking a page of hits takes, averaged
// over the query set: in Go (the library's way), and with ts_headline
// (one round trip for the page).
func timeHighlights(t testing.TB, l *Library) (goTime, headlineTime time.Duration) {
	var goTotal, pgTotal time.Duration
	n := 0
	for round := 0; round < 3; round++ {
		for _, q := range benchQueries {
			hits, bs := pageFor(t, l, q)
			if len(hits) == 0 {
				continue
			}
			start := time.Now()
			m := newMarker(bs)
			for _, h := range hits {
				index.MakeSnippet(h.Text, m.spans(regconfig(h.Lang), h.Text), index.SnippetLength)
			}
			goTotal += time.Since(start)
			start = time.Now()
			for i, spans := range headlines(t, l, hits, bs) {
				index.MakeSnippet(hits[i].Text, spans, index.SnippetLength)
			}
			pgTotal += time.Since(start)
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return (goTotal / time.Duration(n)).Round(time.Microsecond), (pgTotal / time.Duration(n)).Round(time.Microsecond)
}

// BenchmarkHighlights compares the two ways on the seeds.
func BenchmarkHighlights(b *testing.B) {
	l := shared(b)
	for i := 0; i < b.N; i++ {
		g, h := timeHighlights(b, l)
		b.ReportMetric(float64(g.Microseconds()), "µs/page-go")
		b.ReportMetric(float64(h.Microseconds()), "µs/page-ts_headline")
	}
}
