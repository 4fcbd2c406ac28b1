package themes

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"attache/assets"
)

var updateStemTable = flag.Bool("update", false, "rewrite stemtable.txt from the shipped assets")

// shippedWordings returns, per language, every wording of the shipped
// taxonomy and glossary.
func shippedWordings(t *testing.T) map[string][]string {
	tx, err := Load(assets.Themes)
	if err != nil {
		t.Fatal(err)
	}
	extra, err := LoadGlossary(assets.Glossary)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	out := map[string][]string{}
	addAll := func(t Term) {
		for _, lang := range []string{"en", "it"} {
			for _, w := range t.In(lang) {
				if !seen[lang+"\t"+w] && !strings.ContainsAny(w, "\t\n") {
					seen[lang+"\t"+w] = true
					out[lang] = append(out[lang], w)
				}
			}
		}
	}
	for _, th := range tx.Themes {
		for _, term := range th.Terms {
			addAll(term)
		}
	}
	for _, term := range extra {
		addAll(term)
	}
	return out
}

// TestStemTable checks that every entry of the embedded stem table is
// what Bleve's analyzers give now, and that it covers the shipped
// wordings (go generate ./index/themes rewrites it; with -update this
// test does).
func TestStemTable(t *testing.T) {
	words := shippedWordings(t)
	if *updateStemTable {
		var lines []string
		for lang, ws := range words {
			for _, w := range ws {
				lines = append(lines, lang+"\t"+w+"\t"+strings.Join(liveStems(w, lang), " "))
			}
		}
		sort.Strings(lines)
		tmp := "stemtable.txt.tmp"
		if err := os.WriteFile(tmp, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, "stemtable.txt"); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote stemtable.txt: %d wordings; rebuild to embed it", len(lines))
		return
	}
	table := parseStemTable(stemTable)
	n := 0
	for lang, m := range table {
		for w, st := range m {
			n++
			if live := strings.Join(liveStems(w, lang), " "); live != st {
				t.Errorf("stem table: %s %q is %q, the analyzer gives %q: run go generate ./index/themes", lang, w, st, live)
			}
		}
	}
	if n == 0 {
		t.Fatal("the stem table is empty: run go generate ./index/themes")
	}
	missing := 0
	for lang, ws := range words {
		for _, w := range ws {
			if _, ok := table[lang][w]; !ok {
				missing++
			}
		}
	}
	// A missing wording is only slower to load; say so, and fail when
	// the table is far behind the assets.
	if missing > 0 {
		t.Logf("the stem table lacks %d of the shipped wordings: run go generate ./index/themes", missing)
	}
	if missing*10 > n {
		t.Errorf("the stem table lacks %d wordings of %d: run go generate ./index/themes", missing, n)
	}
}
