package index

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch runs any query text through the parser and a real search of
// the seed library: it never panics, its errors are one line, and what it
// returns keeps the search contract (no more hits than asked, counts that
// add up, highlights inside their snippet on character boundaries).
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"cavi sottomarini", `"digital diplomacy" -china`, "+cyber* lang:en", "theme:connectivity doc:join-2025-140",
		"lang:", `"unclosed`, "-", "***", "AND OR NOT", "doc:no-such", "(a OR b)", "résilience numérique", "\x00",
	} {
		f.Add(q)
	}
	lib := library(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := lib.Search(context.Background(), Query{Text: text, Limit: 5})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on two lines: %q", err)
			}
			return
		}
		if len(res.Hits) > 5 || res.Total < len(res.Hits) || res.Weak > res.Total {
			t.Fatalf("%q: %d hits, total %d, weak %d", text, len(res.Hits), res.Total, res.Weak)
		}
		for _, h := range res.Hits {
			s := h.Snippet.Text
			last := 0
			for _, m := range h.Snippet.Marks {
				if m.Start < last || m.End <= m.Start || m.End > len(s) ||
					!utf8.RuneStart(s[m.Start]) || m.End < len(s) && !utf8.RuneStart(s[m.End]) {
					t.Fatalf("%q: mark %+v in snippet %q", text, m, s)
				}
				last = m.End
			}
		}
	})
}
