package index

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"

	"attache/index/corpus"
	"attache/index/themes"
)

// wordRe matches a whole word in a passage, case-insensitively.
func wordRe(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^\pL\pN])(` + pattern + `)($|[^\pL\pN])`)
}

// everyHit fails unless every hit's text matches re.
func everyHit(t *testing.T, res *Results, re *regexp.Regexp, what string) {
	t.Helper()
	if len(res.Hits) == 0 {
		t.Fatalf("no hits; want %s", what)
	}
	for _, h := range res.Hits {
		if !re.MatchString(h.Text) {
			t.Errorf("hit %s does not have %s: %q", h.ID, what, h.Text)
		}
	}
}

// someHit fails unless at least one hit's text matches re.
func someHit(t *testing.T, res *Results, re *regexp.Regexp, what string) {
	t.Helper()
	for _, h := range res.Hits {
		if re.MatchString(h.Text) {
			return
		}
	}
	t.Errorf("no hit has %s; hits: %s", what, describeHits(res))
}

func TestStemming(t *testing.T) {
	tests := []struct {
		query, lang, found string
	}{
		{"cavo", "it", "cavi"},         // singular finds plural
		{"digitali", "it", "digitale"}, // plural finds singular
		{"digitale", "it", "digitali"}, // and back
		{"cables", "en", "cable"},      // English plural finds singular
		{"technologies", "en", "technology"},
	}
	for _, tt := range tests {
		res := find(t, Query{Text: tt.query, SameLanguage: true, Limit: MaxLimit})
		someHit(t, res, wordRe(tt.found), "the word "+tt.found+" for "+tt.query)
		for _, h := range res.Hits {
			// A weak hit may be a list item found by its lead-in alone.
			if !h.Weak && !strings.Contains(h.Snippet.Marked(HighlightStart, HighlightEnd), HighlightStart) {
				t.Errorf("%s: hit %s has no highlighted word: %q", tt.query, h.ID, h.Snippet)
			}
		}
	}
}

func TestStopWordsDoNotSinkAQuery(t *testing.T) {
	// "the" is an English stop word: required, it is ignored in English
	// passages instead of excluding all of them.
	res := find(t, Query{Text: "+the +digital +divide", SameLanguage: true, Lang: "en"})
	everyHit(t, res, wordRe("divide"), "divide")
	// "di" and "e" are Italian stop words.
	res = find(t, Query{Text: `+"diritti umani" +e +di`, SameLanguage: true, Lang: "it"})
	everyHit(t, res, wordRe(`diritti umani`), "the phrase")
}

func TestPhrase(t *testing.T) {
	res := find(t, Query{Text: `"diritti umani"`, SameLanguage: true, Limit: MaxLimit})
	everyHit(t, res, wordRe(`diritt[oi] uman[oi]`), `"diritti umani" as a phrase`)
	words := find(t, Query{Text: `+diritti +umani`, SameLanguage: true, Limit: MaxLimit})
	if words.Total < res.Total {
		t.Errorf("both words: %d hits, fewer than the phrase's %d", words.Total, res.Total)
	}
	res = find(t, Query{Text: `"undersea cable"`, SameLanguage: true})
	everyHit(t, res, wordRe(`undersea cables?`), "undersea cable")
}

func TestRequiredAndExcluded(t *testing.T) {
	all := find(t, Query{Text: "sicurezza", SameLanguage: true, Limit: MaxLimit})
	without := find(t, Query{Text: "sicurezza -cavi", SameLanguage: true, Limit: MaxLimit})
	if without.Total == 0 || without.Total >= all.Total {
		t.Fatalf("sicurezza: %d hits, without cavi: %d; want fewer but some", all.Total, without.Total)
	}
	for _, h := range without.Hits {
		if wordRe(`cav[oi]`).MatchString(h.Text) {
			t.Errorf("-cavi: hit %s has the excluded word: %q", h.ID, h.Text)
		}
	}
	// a plain word is optional; +required is in every hit
	loose := find(t, Query{Text: "cavi satelliti", SameLanguage: true, Limit: MaxLimit})
	strict := find(t, Query{Text: "+cavi satelliti", SameLanguage: true, Limit: MaxLimit})
	if strict.Total == 0 || strict.Total >= loose.Total {
		t.Fatalf("cavi satelliti: %d hits, +cavi satelliti: %d; want fewer but some", loose.Total, strict.Total)
	}
	everyHit(t, strict, wordRe(`cav[oi]`), "cavi")
	// passages with both words rank above passages with one
	loose = find(t, Query{Text: "diplomazia sicurezza", SameLanguage: true, Limit: MaxLimit})
	both := find(t, Query{Text: "+diplomazia +sicurezza", SameLanguage: true, Limit: MaxLimit})
	if both.Total == 0 || both.Total >= loose.Total {
		t.Fatalf("diplomazia sicurezza: %d hits, both required: %d", loose.Total, both.Total)
	}
	if first := loose.Hits[0].Text; !wordRe(`diplomazia`).MatchString(first) || !wordRe(`sicurezza`).MatchString(first) {
		t.Errorf("first hit for diplomazia sicurezza lacks a word: %q", first)
	}
	// an excluded phrase
	res := find(t, Query{Text: `diritti -"diritti umani"`, SameLanguage: true, Limit: MaxLimit})
	for _, h := range res.Hits {
		if wordRe(`diritti umani`).MatchString(h.Text) {
			t.Errorf("excluded phrase in hit %s: %q", h.ID, h.Text)
		}
	}
}

func TestPrefix(t *testing.T) {
	res := find(t, Query{Text: "cyber*", Limit: MaxLimit})
	everyHit(t, res, regexp.MustCompile(`(?i)(^|[^\pL])cyber`), "a word starting with cyber")
	someHit(t, res, wordRe(`cybersecurity`), "cybersecurity")
	res = find(t, Query{Text: "ciber*", Limit: MaxLimit})
	everyHit(t, res, regexp.MustCompile(`(?i)(^|[^\pL])ciber`), "a word starting with ciber")
	someHit(t, res, wordRe(`cibersicurezza`), "cibersicurezza")
	someHit(t, res, wordRe(`ciberdifesa`), "ciberdifesa")
	// a prefix is not stemmed away: semicond* finds semiconduttori and semiconductors
	res = find(t, Query{Text: "semicond*", Limit: MaxLimit})
	someHit(t, res, wordRe(`semiconduttori`), "semiconduttori")
	someHit(t, res, wordRe(`semiconductors?`), "semiconductors")
}

func TestFilters(t *testing.T) {
	check := func(q Query, ok func(Hit) bool, what string) {
		t.Helper()
		res := find(t, q)
		if len(res.Hits) == 0 {
			t.Fatalf("%+v: no hits", q)
		}
		for _, h := range res.Hits {
			if !ok(h) {
				t.Errorf("%+v: hit %s (%s, %s) is not %s", q, h.ID, h.DocID, h.Lang, what)
			}
		}
	}
	q := Query{Text: "digital digitale", Limit: MaxLimit}
	check(Query{Text: q.Text + " lang:it", Limit: MaxLimit}, func(h Hit) bool { return h.Lang == "it" }, "Italian")
	check(Query{Text: q.Text + " lang:EN", Limit: MaxLimit}, func(h Hit) bool { return h.Lang == "en" }, "English")
	check(Query{Text: q.Text, Lang: "en", Limit: MaxLimit}, func(h Hit) bool { return h.Lang == "en" }, "English")
	check(Query{Text: q.Text + " doc:council-2023", Limit: MaxLimit}, func(h Hit) bool { return h.DocID == "council-2023" }, "in council-2023")
	check(Query{Text: q.Text, Doc: "tech7-2024", Limit: MaxLimit}, func(h Hit) bool { return h.DocID == "tech7-2024" }, "in tech7-2024")
	check(Query{Text: q.Text + " -doc:council-2023 -doc:join-2025-140", Limit: MaxLimit}, func(h Hit) bool { return h.Lang == "en" }, "outside the Italian documents")
	check(Query{Text: q.Text + " doc:g7-2024 doc:council-2023", Limit: MaxLimit}, func(h Hit) bool { return h.DocID == "g7-2024" || h.DocID == "council-2023" }, "in either document")

	// theme: pick the commonest theme of a search and filter on it
	all := find(t, q)
	themes := all.Facets["theme"]
	if len(themes) == 0 {
		t.Fatalf("no theme facet for %q", q.Text)
	}
	theme := themes[0].Value
	hasTheme := func(h Hit) bool {
		for _, th := range h.Themes {
			if th == theme {
				return true
			}
		}
		return false
	}
	check(Query{Text: q.Text + " theme:" + theme, Limit: MaxLimit}, hasTheme, "about "+theme)
	check(Query{Text: q.Text, Theme: theme, Limit: MaxLimit}, hasTheme, "about "+theme)
	if got := find(t, Query{Text: q.Text, Theme: theme}).Total; got != themes[0].Count {
		t.Errorf("theme %s: %d hits, facet said %d", theme, got, themes[0].Count)
	}
	// filters narrow each other
	if got := find(t, Query{Text: q.Text + " lang:en doc:council-2023"}).Total; got != 0 {
		t.Errorf("lang:en doc:council-2023: %d hits, want 0", got)
	}
}

func TestFacets(t *testing.T) {
	res := find(t, Query{Text: "digital digitale sicurezza security", Limit: 3})
	if len(res.Hits) != 3 || res.Total <= 3 {
		t.Fatalf("got %d hits of %d; want 3 of more", len(res.Hits), res.Total)
	}
	for _, name := range []string{"doc", "lang", "theme"} {
		if _, ok := res.Facets[name]; !ok {
			t.Errorf("no %q facet", name)
		}
	}
	sum := func(fc []FacetCount) int {
		n := 0
		for _, c := range fc {
			n += c.Count
		}
		return n
	}
	if got := sum(res.Facets["doc"]); got != res.Total {
		t.Errorf("doc facet counts %d passages, total is %d", got, res.Total)
	}
	if got := sum(res.Facets["lang"]); got != res.Total {
		t.Errorf("lang facet counts %d passages, total is %d", got, res.Total)
	}
	// each count is what a filter on that value finds
	for _, c := range res.Facets["doc"] {
		got := find(t, Query{Text: res.Query, Doc: c.Value}).Total
		if got != c.Count {
			t.Errorf("doc facet %s = %d, but doc filter finds %d", c.Value, c.Count, got)
		}
	}
	for _, c := range res.Facets["lang"] {
		got := find(t, Query{Text: res.Query, Lang: c.Value}).Total
		if got != c.Count {
			t.Errorf("lang facet %s = %d, but lang filter finds %d", c.Value, c.Count, got)
		}
	}
	docs := map[string]bool{}
	for _, c := range res.Facets["doc"] {
		docs[c.Value] = true
	}
	if len(docs) != 4 {
		t.Errorf("doc facet has %d documents, want all 4 seeds: %v", len(docs), res.Facets["doc"])
	}
}

func TestHitIsComplete(t *testing.T) {
	l := library(t)
	res := find(t, Query{Text: "cavi sottomarini", Limit: 5})
	for _, h := range res.Hits {
		p, err := l.Passage(h.ID)
		if err != nil {
			t.Fatal(err)
		}
		// the hit is rendered from stored fields: it must equal the passage
		if h.Text != p.Text || h.Locator != p.Locator || h.DocID != p.DocID || h.Lang != p.Lang ||
			h.Seq != p.Seq || h.Kind != p.Kind || h.Page != p.Page ||
			strings.Join(h.Section, "|") != strings.Join(p.Section, "|") ||
			strings.Join(h.Themes, "|") != strings.Join(p.Themes, "|") || len(h.Notes) != len(p.Notes) {
			t.Errorf("hit %s differs from its passage:\n hit %+v\n passage %+v", h.ID, h.Passage, *p)
		}
		d, _ := l.Document(h.DocID)
		if want := Cite(d.Meta, *p); h.Citation != want {
			t.Errorf("hit %s citation %q, want %q", h.ID, h.Citation, want)
		}
		if h.Score <= 0 {
			t.Errorf("hit %s score %v", h.ID, h.Score)
		}
	}
	// a passage with notes keeps them in its hit
	var withNotes *Hit
	for _, d := range allDocs(t, l) {
		for _, p := range d.Passages {
			if len(p.Notes) > 0 && withNotes == nil {
				r := find(t, Query{Text: `"` + firstWords(p.Text, 6) + `"`, Doc: d.ID, SameLanguage: true})
				for i := range r.Hits {
					if r.Hits[i].ID == p.ID {
						withNotes = &r.Hits[i]
						if !equalNotes(r.Hits[i].Notes, p.Notes) {
							t.Errorf("hit %s notes %+v, want %+v", p.ID, r.Hits[i].Notes, p.Notes)
						}
					}
				}
			}
		}
	}
	if withNotes == nil {
		t.Error("no passage with notes found by its own first words")
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func equalNotes(a, b []corpus.Note) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Number != b[i].Number || a[i].Text != b[i].Text || strings.Join(a[i].URLs, " ") != strings.Join(b[i].URLs, " ") {
			return false
		}
	}
	return true
}

func TestSnippetMarksMatches(t *testing.T) {
	res := find(t, Query{Text: "cibersicurezza", SameLanguage: true})
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if !strings.Contains(strings.ToLower(h.Snippet.Marked(HighlightStart, HighlightEnd)), HighlightStart+"cibersicurezza"+HighlightEnd) {
			t.Errorf("hit %s snippet has no marked match: %q", h.ID, h.Snippet)
		}
		plain := strings.NewReplacer(HighlightStart, "", HighlightEnd, "").Replace(h.Snippet.Marked(HighlightStart, HighlightEnd))
		plain = strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
		if !strings.Contains(h.Text, plain) {
			t.Errorf("hit %s snippet is not a piece of the text: %q", h.ID, plain)
		}
		if strings.Contains(plain, "&amp;") || strings.Contains(plain, "&#") {
			t.Errorf("hit %s snippet is HTML-escaped: %q", h.ID, plain)
		}
	}
}

func TestCrossLanguage(t *testing.T) {
	same := find(t, Query{Text: "undersea cables", SameLanguage: true, Limit: MaxLimit})
	for _, h := range same.Hits {
		if h.Lang != "en" {
			t.Errorf("same language: hit %s is in %s", h.ID, h.Lang)
		}
	}
	cross := find(t, Query{Text: "undersea cables", Limit: MaxLimit})
	someHit(t, cross, wordRe(`cavi sottomarini`), "the Italian cavi sottomarini")
	// with no expander, no Italian hits
	l := library(t)
	l.SetExpander(nil)
	defer l.SetExpander(themes.DefaultGlossary())
	none := find(t, Query{Text: "undersea cables", Limit: MaxLimit})
	if none.Total != same.Total {
		t.Errorf("without an expander: %d hits, same language: %d", none.Total, same.Total)
	}
}

func TestLimitAndOffset(t *testing.T) {
	all := find(t, Query{Text: "digitale", SameLanguage: true, Limit: MaxLimit})
	if all.Total <= DefaultLimit {
		t.Fatalf("digitale: only %d hits", all.Total)
	}
	def := find(t, Query{Text: "digitale", SameLanguage: true})
	if len(def.Hits) != DefaultLimit || def.Total != all.Total {
		t.Errorf("default limit: %d hits of %d, want %d of %d", len(def.Hits), def.Total, DefaultLimit, all.Total)
	}
	page := find(t, Query{Text: "digitale", SameLanguage: true, Limit: 5, Offset: 5})
	if strings.Join(hitIDs(page), " ") != strings.Join(hitIDs(all)[5:10], " ") {
		t.Errorf("offset 5 limit 5 = %v, want %v", hitIDs(page), hitIDs(all)[5:10])
	}
	big := find(t, Query{Text: "digitale", SameLanguage: true, Limit: 100000})
	if len(big.Hits) != len(all.Hits) {
		t.Errorf("huge limit: %d hits", len(big.Hits))
	}
}

func TestSearchErrors(t *testing.T) {
	l := library(t)
	for _, text := range []string{"", `"open`, "foo:bar", "-only", "c*"} {
		_, err := l.Search(context.Background(), Query{Text: text})
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Search(%q): %v, want a *QueryError", text, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Search(ctx, Query{Text: "digitale"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled search: %v", err)
	}
	if res := find(t, Query{Text: "cookie"}); res.Total > 0 && false {
		t.Log(describeHits(res))
	}
}

func TestConcurrentSearches(t *testing.T) {
	l := library(t)
	want := find(t, Query{Text: "cavi sottomarini"}).Total
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			res, err := l.Search(context.Background(), Query{Text: "cavi sottomarini"})
			if err == nil && res.Total != want {
				err = errors.New("different total")
			}
			if err == nil {
				_, err = l.Passage(res.Hits[0].ID)
			}
			if err != nil {
				errs <- err
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestLookups(t *testing.T) {
	l := library(t)
	docs, err := l.Documents()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"g7-2024", "tech7-2024", "council-2023", "join-2025-140"}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		if d.ID != want[i] || !d.Seed || d.Passages == 0 || d.Title == "" {
			t.Errorf("document %d = %+v", i, d)
		}
		doc, err := l.Document(d.ID)
		if err != nil || len(doc.Passages) != d.Passages {
			t.Errorf("Document(%s): %v", d.ID, err)
			continue
		}
		p, err := l.Passage(doc.Passages[0].ID)
		if err != nil || p.Text != doc.Passages[0].Text {
			t.Errorf("Passage(%s): %v", doc.Passages[0].ID, err)
		}
	}
	if _, err := l.Passage("nope#0000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Passage(unknown): %v", err)
	}
	if _, err := l.Document("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(unknown): %v", err)
	}
}
