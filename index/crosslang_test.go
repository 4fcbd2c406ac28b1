package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"attache/seeds"
)

func runQuery(t *testing.T, lib Library, q Query) *Results {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 10
	}
	res, err := lib.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return res
}

// firstIn returns the rank (from 1) of the first hit in lang whose text
// contains one of words, or 0.
func firstIn(res *Results, lang string, words ...string) int {
	for i, h := range res.Hits {
		if h.Lang != lang {
			continue
		}
		text := strings.ToLower(h.Text)
		for _, w := range words {
			if strings.Contains(text, strings.ToLower(w)) {
				return i + 1
			}
		}
	}
	return 0
}

func TestCrossLanguageBothDirections(t *testing.T) {
	lib := openEvalLibrary(t)
	cases := []struct {
		query, other string
		words        []string
	}{
		{"undersea cables", "it", []string{"cavi sottomarini", "cavo sottomarino"}},
		{"digital divide", "it", []string{"divario digitale", "divari digitali"}},
		{"human rights", "it", []string{"diritti umani"}},
		{"intelligenza artificiale", "en", []string{"artificial intelligence", "AI "}},
		{"cavi sottomarini", "en", []string{"undersea cable"}},
		{"competenze digitali", "en", []string{"digital skills"}},
	}
	for _, c := range cases {
		res := runQuery(t, lib, Query{Text: c.query})
		// Literal first: the passages with the words as typed come first,
		// then, still in the first page, the other language's.
		if r := firstIn(res, c.other, c.words...); r == 0 || r > 10 {
			t.Errorf("%q: first %s passage with %q at rank %d, want in the top 10", c.query, c.other, c.words, r)
		}
		// Hits of both languages in the same ranking.
		langs := map[string]bool{}
		for _, h := range res.Hits {
			langs[h.Lang] = true
		}
		if !langs["en"] || !langs["it"] {
			t.Errorf("%q: hits in %v only", c.query, langs)
		}
		off := runQuery(t, lib, Query{Text: c.query, SameLanguage: true})
		if r := firstIn(off, c.other, c.words...); r != 0 {
			t.Errorf("%q with SameLanguage: a %s passage at rank %d", c.query, c.other, r)
		}
	}
}

func TestThemeFilterAndFacet(t *testing.T) {
	lib := openEvalLibrary(t)
	all := runQuery(t, lib, Query{Text: "cooperazione cooperation", Limit: MaxLimit})
	want := 0
	for _, h := range all.Hits {
		if slices.Contains(h.Themes, "undersea-cables") {
			want++
		}
	}
	if want == 0 {
		t.Fatal("no hit about undersea cables to count")
	}
	var facet int
	for _, f := range all.Facets["theme"] {
		if f.Value == "undersea-cables" {
			facet = f.Count
		}
	}
	if facet != want {
		t.Errorf("theme facet counts %d passages on undersea-cables, the hits %d", facet, want)
	}
	for _, q := range []Query{
		{Text: "cooperazione cooperation", Theme: "undersea-cables", Limit: MaxLimit},
		{Text: "cooperazione cooperation theme:undersea-cables", Limit: MaxLimit},
	} {
		res := runQuery(t, lib, q)
		if res.Total != want {
			t.Errorf("%+v: %d hits, want %d", q, res.Total, want)
		}
		for _, h := range res.Hits {
			if !slices.Contains(h.Themes, "undersea-cables") {
				t.Errorf("%+v: hit %s has themes %v", q, h.ID, h.Themes)
			}
		}
	}
}

// openEvalLibrary opens a fresh library of the seeds in a test folder.
func openEvalLibrary(t *testing.T) *Local {
	t.Helper()
	lib, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}
