// Package librarytest is the contract of index.Library as tests: one suite
// that every backend passes, the local library in a folder and the team
// library on PostgreSQL alike. A backend's test calls Run with a function
// that opens a fresh library of the seeds alone.
package librarytest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/index"
)

// Factory opens a fresh library holding the seeds alone, for one test; it
// closes it when the test ends.
type Factory func(t *testing.T) index.Library

// Run runs the whole contract against the libraries open makes: reading,
// searching (syntax and semantics), and changing documents.
func Run(t *testing.T, open Factory) {
	lib := open(t)
	t.Run("documents", func(t *testing.T) { testDocuments(t, lib) })
	t.Run("search", func(t *testing.T) { testSearch(t, lib) })
	t.Run("phrase words", func(t *testing.T) { testPhraseWords(t, lib) })
	t.Run("filters and facets", func(t *testing.T) { testFilters(t, lib) })
	t.Run("listing", func(t *testing.T) { testListing(t, lib) })
	t.Run("errors", func(t *testing.T) { testErrors(t, lib) })
	t.Run("changes", func(t *testing.T) { testChanges(t, open(t)) })
	t.Run("sql-shaped text", func(t *testing.T) { testSQLText(t, open(t)) })
}

// search runs a query and fails the test on error.
func search(t *testing.T, lib index.Library, q index.Query) *index.Results {
	t.Helper()
	res, err := lib.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

// write writes a file in dir and returns its path.
func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// seeds are the documents the seeds hold, in catalogue order.
var seedIDs = []string{"g7-2024", "tech7-2024", "council-2023", "join-2025-140"}

func testDocuments(t *testing.T, lib index.Library) {
	docs, err := lib.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(seedIDs) {
		t.Fatalf("%d documents, want the %d seeds", len(docs), len(seedIDs))
	}
	for i, d := range docs {
		if d.ID != seedIDs[i] || !d.Seed || d.Passages == 0 || d.Title == "" {
			t.Errorf("document %d: %+v, want seed %s with passages", i, d, seedIDs[i])
		}
	}
	d, err := lib.Document("council-2023")
	if err != nil {
		t.Fatal(err)
	}
	if d.Lang != "it" || len(d.Passages) != docs[2].Passages || len(d.Sections) == 0 {
		t.Errorf("council-2023: lang %q, %d passages (listed %d), %d sections", d.Lang, len(d.Passages), docs[2].Passages, len(d.Sections))
	}
	for i, p := range d.Passages {
		if p.Seq != i || p.DocID != d.ID || p.Text == "" || p.Locator == "" {
			t.Fatalf("passage %d: %+v", i, p)
		}
	}
	p, err := lib.Passage(d.Passages[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Text != d.Passages[3].Text || p.Locator != d.Passages[3].Locator || strings.Join(p.Section, "/") != strings.Join(d.Passages[3].Section, "/") {
		t.Errorf("Passage differs from the document's: %+v vs %+v", p, d.Passages[3])
	}
	if _, err := lib.Passage("council-2023#nosuch"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("unknown passage: %v, want ErrNotFound", err)
	}
	if _, err := lib.Document("nosuch"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
}

// holds reports whether text holds one of the stems, in lower case.
func holds(text string, stems ...string) bool {
	text = strings.ToLower(text)
	for _, s := range stems {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

func testSearch(t *testing.T, lib index.Library) {
	res := search(t, lib, index.Query{Text: "cavi sottomarini", Limit: 50})
	if res.Total == 0 || res.Listing {
		t.Fatalf("cavi sottomarini: %d hits, listing %v", res.Total, res.Listing)
	}
	if h := res.Hits[0]; h.Lang != "it" || !holds(h.Text, "cavi sottomarini", "cavo sottomarino") {
		t.Errorf("cavi sottomarini: first hit %s %q lacks the words as typed", h.ID, h.Text)
	}
	langs := map[string]bool{}
	for _, h := range res.Hits {
		langs[h.Lang] = true
		if len(h.Snippet.Marks) == 0 && !h.Weak {
			t.Errorf("cavi sottomarini: hit %s has no highlight: %q", h.ID, h.Snippet.Text)
		}
		for _, m := range h.Snippet.Marks {
			if m.Start < 0 || m.End > len(h.Snippet.Text) || m.Start >= m.End {
				t.Fatalf("hit %s: mark %v outside %q", h.ID, m, h.Snippet.Text)
			}
		}
		if h.Citation == "" {
			t.Errorf("hit %s has no citation", h.ID)
		}
	}
	if !langs["en"] {
		t.Errorf("cavi sottomarini: no English hit: cross-language expansion does not work")
	}
	same := search(t, lib, index.Query{Text: "cavi sottomarini", SameLanguage: true, Limit: 50})
	for _, h := range same.Hits {
		if h.Lang != "it" {
			t.Errorf("cavi sottomarini, same language: hit %s in %s", h.ID, h.Lang)
		}
	}

	// The phrase contract: only passages holding the phrase, or a
	// whole-phrase equivalent, never single words of it.
	res = search(t, lib, index.Query{Text: `"digital divide"`, Limit: 50})
	if res.Total == 0 {
		t.Fatal(`"digital divide": nothing`)
	}
	for _, h := range res.Hits {
		if !holds(h.Text, "digital divide", "divario digitale", "divari digitali") {
			t.Errorf(`"digital divide": hit %s lacks the phrase: %q`, h.ID, h.Text)
		}
	}
	res = search(t, lib, index.Query{Text: `"la chiusura e la censura"`, Limit: 10})
	if res.Total == 0 || !holds(res.Hits[0].Text, "la chiusura e la censura") {
		t.Errorf(`"la chiusura e la censura": first hit does not hold the phrase (%d hits)`, res.Total)
	}

	// +required, -excluded, prefixes.
	res = search(t, lib, index.Query{Text: "digital -cookie", Limit: 100})
	for _, h := range res.Hits {
		if holds(h.Text, "cookie") {
			t.Errorf("digital -cookie: hit %s holds cookie", h.ID)
		}
	}
	req := search(t, lib, index.Query{Text: "+sicurezza informatica", SameLanguage: true, Limit: 100})
	if req.Total == 0 {
		t.Error("+sicurezza informatica: nothing")
	}
	for _, h := range req.Hits {
		if !holds(h.Text, "sicurezz") {
			t.Errorf("+sicurezza: hit %s lacks it: %q", h.ID, h.Text)
		}
	}
	res = search(t, lib, index.Query{Text: "cyber*", Limit: 100})
	if res.Total == 0 {
		t.Error("cyber*: nothing")
	}
	// A list item is also found by its heading and lead-in sentence: a
	// hit lacking the word comes after every hit holding it.
	context := false
	for _, h := range res.Hits {
		in := holds(h.Text, "cyber")
		if in && context {
			t.Errorf("cyber*: hit %s holding the word comes after a hit found by its context", h.ID)
		}
		context = context || !in
	}
	if len(res.Hits) > 0 && !holds(res.Hits[0].Text, "cyber") {
		t.Errorf("cyber*: the first hit lacks the word")
	}

	// Weak matches come last; pages do not overlap.
	res = search(t, lib, index.Query{Text: "digital sovereignty quokka", Limit: 100})
	if res.Weak > res.Total {
		t.Errorf("weak %d > total %d", res.Weak, res.Total)
	}
	weak := false
	for _, h := range res.Hits {
		if weak && !h.Weak {
			t.Errorf("a strong hit %s after a weak one", h.ID)
		}
		weak = weak || h.Weak
	}
	p1 := search(t, lib, index.Query{Text: "digitale", Limit: 5})
	p2 := search(t, lib, index.Query{Text: "digitale", Limit: 5, Offset: 5})
	if p1.Total != p2.Total || len(p2.Hits) == 0 {
		t.Fatalf("pages: totals %d and %d, %d hits on page 2", p1.Total, p2.Total, len(p2.Hits))
	}
	for _, a := range p1.Hits {
		for _, b := range p2.Hits {
			if a.ID == b.ID {
				t.Errorf("hit %s on both pages", a.ID)
			}
		}
	}
	if res := search(t, lib, index.Query{Text: "quokka"}); res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("quokka: %d hits", res.Total)
	}
}

func testFilters(t *testing.T, lib index.Library) {
	all := search(t, lib, index.Query{Text: "digitale digital", Limit: 500})
	it := search(t, lib, index.Query{Text: "digitale digital", Lang: "it", Limit: 500})
	en := search(t, lib, index.Query{Text: "digitale digital lang:en", Limit: 500})
	if it.Total == 0 || en.Total == 0 || it.Total+en.Total != all.Total {
		t.Errorf("lang filters: it %d + en %d, all %d", it.Total, en.Total, all.Total)
	}
	for _, h := range it.Hits {
		if h.Lang != "it" {
			t.Errorf("lang it: hit %s in %s", h.ID, h.Lang)
		}
	}
	// The language facet is counted under the other filters, not its own.
	count := func(fs []index.FacetCount, v string) int {
		for _, f := range fs {
			if f.Value == v {
				return f.Count
			}
		}
		return 0
	}
	if got := count(it.Facets["lang"], "en"); got != en.Total {
		t.Errorf("with lang:it on, the lang facet counts %d English passages, want %d", got, en.Total)
	}
	doc := search(t, lib, index.Query{Text: "digital", Doc: "tech7-2024", Limit: 500})
	for _, h := range doc.Hits {
		if h.DocID != "tech7-2024" {
			t.Errorf("doc filter: hit %s", h.ID)
		}
	}
	if doc.Total == 0 || count(doc.Facets["doc"], "g7-2024") == 0 {
		t.Errorf("doc filter: %d hits, doc facet %v", doc.Total, doc.Facets["doc"])
	}
	not := search(t, lib, index.Query{Text: "digital -doc:tech7-2024", Limit: 500})
	for _, h := range not.Hits {
		if h.DocID == "tech7-2024" {
			t.Errorf("-doc: hit %s", h.ID)
		}
	}
	if len(all.Facets["theme"]) == 0 {
		t.Fatal("no theme facet")
	}
	theme := all.Facets["theme"][0].Value
	th := search(t, lib, index.Query{Text: "digitale digital", Theme: theme, Limit: 500})
	if th.Total != all.Facets["theme"][0].Count {
		t.Errorf("theme %s: %d hits, the facet said %d", theme, th.Total, all.Facets["theme"][0].Count)
	}
	langs := 0
	for _, h := range th.Hits {
		found := false
		for _, x := range h.Themes {
			found = found || x == theme
		}
		if !found {
			t.Errorf("theme %s: hit %s has themes %v", theme, h.ID, h.Themes)
		}
	}
	for _, f := range th.Facets["lang"] {
		langs += f.Count
	}
	if langs != th.Total {
		t.Errorf("theme %s on: the language facet counts %d, the hits are %d", theme, langs, th.Total)
	}
}

func testListing(t *testing.T, lib index.Library) {
	docs, err := lib.Documents()
	if err != nil {
		t.Fatal(err)
	}
	res := search(t, lib, index.Query{Doc: "tech7-2024", Limit: 500})
	if !res.Listing || res.Total != docs[1].Passages || len(res.Hits) != res.Total {
		t.Fatalf("listing doc:tech7-2024: listing %v, %d of %d hits, the document has %d", res.Listing, len(res.Hits), res.Total, docs[1].Passages)
	}
	for i, h := range res.Hits {
		if h.Seq != i {
			t.Errorf("listing: hit %d has seq %d", i, h.Seq)
		}
	}
	res = search(t, lib, index.Query{Text: "lang:it -digitale", Limit: 500})
	if !res.Listing || res.Total == 0 {
		t.Errorf("lang:it -digitale: listing %v, %d hits", res.Listing, res.Total)
	}
	for _, h := range res.Hits {
		if h.Lang != "it" || holds(h.Text, "digitale ", "digitale,", "digitale.") {
			t.Errorf("lang:it -digitale: hit %s: %q", h.ID, h.Text)
		}
	}
}

func testErrors(t *testing.T, lib index.Library) {
	for _, q := range []string{`"unclosed`, "-", "lang:", "nosuchfilter:x", "", "c*"} {
		_, err := lib.Search(context.Background(), index.Query{Text: q})
		var qe *index.QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Search(%q): %v, want a *QueryError", q, err)
		} else if strings.Contains(qe.Msg, "\n") {
			t.Errorf("Search(%q): a message of several lines", q)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := lib.Search(ctx, index.Query{Text: "digital"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled search: %v", err)
	}
}

func testChanges(t *testing.T, lib index.Library) {
	dir := t.TempDir()
	md := write(t, dir, "quokka.md", "# Quokka briefing\n\nThe quokka is a small marsupial. The delegation studies the quokka.\n\nA second paragraph about wombats.\n")
	write(t, dir, "nota.txt", "Nota sul vombato\n\nIl vombato è un marsupiale dell'Australia, studiato dalla delegazione con attenzione.\n")
	ctx := context.Background()
	rep, err := lib.Import(ctx, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("import: %+v", rep)
	}
	res := search(t, lib, index.Query{Text: "quokka"})
	if res.Total != 1 {
		t.Fatalf("quokka after import: %d hits", res.Total)
	}
	id := res.Hits[0].DocID
	if !strings.Contains(res.Hits[0].Citation, "Quokka briefing") {
		t.Errorf("citation %q", res.Hits[0].Citation)
	}
	rep, err = lib.Import(ctx, []string{md}, nil)
	if err != nil || len(rep.Unchanged) != 1 || len(rep.Added)+len(rep.Updated) != 0 {
		t.Fatalf("import unchanged: %+v, %v", rep, err)
	}

	// An edit, kept over a new import of the changed file.
	title := "Quokka note, revised"
	lang := "en"
	d, err := lib.Edit(id, index.DocEdit{Title: &title, Lang: &lang})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != title || d.Lang != "en" {
		t.Errorf("edit: %q %q", d.Title, d.Lang)
	}
	write(t, dir, "quokka.md", "# Quokka briefing\n\nThe quokka is a small marsupial. The delegation studies the quokka closely.\n")
	rep, err = lib.Import(ctx, []string{md}, nil)
	if err != nil || len(rep.Updated) != 1 || rep.Updated[0].ID != id {
		t.Fatalf("import changed: %+v, %v", rep, err)
	}
	d, err = lib.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != title || len(d.Passages) != 1 {
		t.Errorf("after import: title %q, %d passages", d.Title, len(d.Passages))
	}
	if res := search(t, lib, index.Query{Text: "wombats", SameLanguage: true}); res.Total != 0 {
		t.Errorf("the changed file's old passage is still found")
	}
	if _, err := lib.Edit(id, index.DocEdit{Lang: ptr("english")}); err == nil {
		t.Error("edit with a bad language: no error")
	}
	if _, err := lib.Edit("g7-2024", index.DocEdit{Title: &title}); !errors.Is(err, index.ErrSeed) {
		t.Errorf("edit a seed: %v", err)
	}
	if err := lib.Remove("g7-2024"); !errors.Is(err, index.ErrSeed) {
		t.Errorf("remove a seed: %v", err)
	}

	// A cancelled import adds nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	other := write(t, t.TempDir(), "numbat.md", "# Numbat\n\nThe numbat eats termites.\n")
	if rep, err := lib.Import(cctx, []string{other}, nil); err == nil || rep == nil || !rep.Cancelled {
		t.Errorf("cancelled import: %+v, %v", rep, err)
	}
	if res := search(t, lib, index.Query{Text: "numbat"}); res.Total != 0 {
		t.Error("a cancelled import left a document")
	}

	if err := lib.Remove(id); err != nil {
		t.Fatal(err)
	}
	if res := search(t, lib, index.Query{Text: "quokka"}); res.Total != 0 {
		t.Errorf("quokka after remove: %d hits", res.Total)
	}
	if _, err := lib.Document(id); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("removed document: %v", err)
	}
	docs, _ := lib.Documents()
	if len(docs) != len(seedIDs)+1 {
		t.Errorf("%d documents after remove, want the seeds and the Italian note", len(docs))
	}
}

func ptr(s string) *string { return &s }

// testSQLText imports documents titled and worded with SQL, and finds them
// as text.
func testSQLText(t *testing.T, lib index.Library) {
	dir := t.TempDir()
	write(t, dir, "drop.md", "# Robert'); DROP TABLE passages; --\n\nThe memo quotes Robert'); DROP TABLE passages; -- and '; DELETE FROM documents WHERE '1'='1 and O'Reilly's \"quoted\" words; a backslash \\ too; 100% of it; $1 and :name; SELECT * FROM passages.\n")
	rep, err := lib.Import(context.Background(), []string{dir}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Added[0].ID
	d, err := lib.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Robert'); DROP TABLE passages; --" {
		t.Errorf("title stored as %q", d.Title)
	}
	for _, q := range []string{`"DROP TABLE passages"`, `Robert');`, `"DELETE FROM documents"`, "O'Reilly's", `+Robert'); +DROP`} {
		res := search(t, lib, index.Query{Text: q, SameLanguage: true})
		if res.Total != 1 || res.Hits[0].DocID != id {
			t.Errorf("search %s: %d hits", q, res.Total)
		}
	}
	if docs, err := lib.Documents(); err != nil || len(docs) != len(seedIDs)+1 {
		t.Errorf("documents after: %d, %v", len(docs), err)
	}
	title := "x'); DROP TABLE documents; --"
	if _, err := lib.Edit(id, index.DocEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	if d, err := lib.Document(id); err != nil || d.Title != title {
		t.Errorf("edited title %q, %v", d.Title, err)
	}
	if res := search(t, lib, index.Query{Text: "doc:" + id}); res.Total != len(d.Passages) {
		t.Errorf("listing the document: %d hits", res.Total)
	}
}
