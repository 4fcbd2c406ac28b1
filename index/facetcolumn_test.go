package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"attache/seeds"
)

// TestFacetColumnCountsAsBleve checks that the facet column counts the
// seeds' facets as Bleve's own facets do, for every match and for a few,
// twice (the second time from the rows already read), and again after
// the library changes.
func TestFacetColumnCountsAsBleve(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	digital := bq.NewTermQuery("digit")
	digital.SetField(fieldTextEN)
	queries := map[string]bq.Query{"all": bq.NewMatchAllQuery(), "digital": digital, "it": keywordQuery(fieldLang, []string{"it"})}
	check := func(round string) {
		for label, q := range queries {
			want := bleve.NewSearchRequestOptions(q, 0, 0, false)
			for _, name := range facetNames {
				want.AddFacet(name, bleve.NewFacetRequest(filterField(name), facetSize))
			}
			wsr, err := l.idx.Search(want)
			if err != nil {
				t.Fatal(err)
			}
			if wsr.Total == 0 {
				t.Fatalf("%s: %s matches nothing", round, label)
			}
			// one facet first, reading part of each row, then all
			one := l.facetCol.newTally([]string{"lang"})
			if _, err := l.idx.SearchInContext(one.context(context.Background()), bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
				t.Fatal(err)
			}
			if got, exp := one.facets("lang"), facetCounts(wsr.Facets["lang"]); one.failed || !reflect.DeepEqual(got, exp) {
				t.Errorf("%s: %s: lang alone = %v (failed %v), want %v", round, label, got, one.failed, exp)
			}
			tally := l.facetCol.newTally(facetNames)
			if _, err := l.idx.SearchInContext(tally.context(context.Background()), bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
				t.Fatal(err)
			}
			for _, name := range facetNames {
				got, exp := tally.facets(name), facetCounts(wsr.Facets[name])
				if tally.failed {
					t.Fatalf("%s: %s: the column failed", round, label)
				}
				if len(exp) == 0 {
					t.Fatalf("%s: %s: Bleve counts no %s", round, label, name)
				}
				if !reflect.DeepEqual(got, exp) {
					t.Errorf("%s: %s: facet %s = %v, want %v", round, label, name, got, exp)
				}
			}
		}
	}
	check("first")
	check("second")
	note := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(note, []byte("Digital skills for every citizen.\n\nThe digital divide between regions keeps growing, and training is the answer.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Import(context.Background(), []string{note}, nil); err != nil {
		t.Fatal(err)
	}
	check("after an import")
}

// TestSearchCountsTheFacetsAsked checks that a query naming some facets
// gets those, counted as when it asks for all, and no others.
func TestSearchCountsTheFacetsAsked(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, text := range []string{"digital", "cavi sottomarini lang:it", "digitale theme:digital-skills-divide"} {
		all, err := l.Search(context.Background(), Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		some, err := l.Search(context.Background(), Query{Text: text, Facets: []string{"doc", "lang"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := some.Facets["theme"]; ok || len(some.Facets) != 2 {
			t.Errorf("%q: facets %v, want doc and lang only", text, some.Facets)
		}
		for _, name := range []string{"doc", "lang"} {
			if !reflect.DeepEqual(some.Facets[name], all.Facets[name]) || len(all.Facets[name]) == 0 {
				t.Errorf("%q: %s = %v, want %v", text, name, some.Facets[name], all.Facets[name])
			}
		}
		if some.Total != all.Total || len(some.Hits) != len(all.Hits) {
			t.Errorf("%q: %d hits of %d, want %d of %d", text, len(some.Hits), some.Total, len(all.Hits), all.Total)
		}
	}
}

// TestFacetColumnConcurrentSearches runs searches at once, from a fresh
// column, and checks each counts the facets a search alone counts.
func TestFacetColumnConcurrentSearches(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	texts := []string{"digital", "cavi sottomarini", "intelligenza artificiale", "governance lang:en", "cyber*"}
	var want []map[string][]FacetCount
	for _, text := range texts {
		res, err := l.Search(context.Background(), Query{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, res.Facets)
	}
	l.facetCol = facetColumn{} // forget what those searches read
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(texts))
	for g := 0; g < 4; g++ {
		for i, text := range texts {
			wg.Add(1)
			go func(i int, text string) {
				defer wg.Done()
				res, err := l.Search(context.Background(), Query{Text: text})
				if err != nil {
					errs <- err.Error()
					return
				}
				if !reflect.DeepEqual(res.Facets, want[i]) {
					errs <- fmt.Sprintf("%q: facets %v, want %v", text, res.Facets, want[i])
				}
			}(i, text)
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestFacetTallyCountersReused checks that a tally's counters, given back
// to the pool once its facets are taken, start the next tally at zero:
// the same search counted again, after a wider one, counts the same, and
// a facet taken twice reads the same.
func TestFacetTallyCountersReused(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	it := keywordQuery(fieldLang, []string{"it"})
	count := func(q bq.Query) map[string][]FacetCount {
		tally := l.facetCol.newTally(facetNames)
		if _, err := l.idx.SearchInContext(tally.context(context.Background()), bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
			t.Fatal(err)
		}
		got := map[string][]FacetCount{}
		for _, name := range facetNames {
			got[name] = tally.facets(name)
		}
		if again := tally.facets("doc"); !reflect.DeepEqual(again, got["doc"]) {
			t.Errorf("doc taken twice: %v, then %v", got["doc"], again)
		}
		if tally.failed {
			t.Fatal("the column failed")
		}
		return got
	}
	first := count(it)
	for range 3 {
		count(bq.NewMatchAllQuery())
		if again := count(it); !reflect.DeepEqual(again, first) {
			t.Fatalf("after other searches: %v, want %v", again, first)
		}
	}
	if len(first["lang"]) != 1 || first["lang"][0].Value != "it" {
		t.Errorf("lang under lang:it = %v, want it alone", first["lang"])
	}
}
