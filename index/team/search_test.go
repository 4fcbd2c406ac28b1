package team

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/index"
	"attache/seeds"
)

// TestPagesAgreeWithOneLongPage: the text score is computed only for the
// tiers a page can reach, so paging through a search (strong matches, then
// weak ones) must give the hits of one long page, in its order.
func TestPagesAgreeWithOneLongPage(t *testing.T) {
	l := shared(t)
	ctx := context.Background()
	for _, q := range []string{"digital sovereignty quokka", "cavi sottomarini", "diritti umani digitali", "cyber* lang:it"} {
		all, err := l.Search(ctx, index.Query{Text: q, Limit: index.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		var paged []index.Hit
		for off := 0; off < all.Total; off += 7 {
			res, err := l.Search(ctx, index.Query{Text: q, Limit: 7, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != all.Total || res.Weak != all.Weak {
				t.Fatalf("%s at %d: total %d weak %d, the long page %d %d", q, off, res.Total, res.Weak, all.Total, all.Weak)
			}
			paged = append(paged, res.Hits...)
		}
		if len(paged) != len(all.Hits) {
			t.Fatalf("%s: %d hits paged, %d in one page", q, len(paged), len(all.Hits))
		}
		for i := range paged {
			if paged[i].ID != all.Hits[i].ID || paged[i].Weak != all.Hits[i].Weak {
				t.Errorf("%s: hit %d is %s paged, %s in one page", q, i, paged[i].ID, all.Hits[i].ID)
				break
			}
		}
		t.Logf("%s: %d hits, %d weak", q, all.Total, all.Weak)
	}
}

// TestStemOfAnotherWordIsNotTyped: a word counts as typed only in an
// inflection of it, as in the local library: "governments" shares
// "governance"'s stem but is another word, so the passage with
// "governance" ranks first, in both libraries, though the other is shorter
// (and scores higher on its words alone).
func TestStemOfAnotherWordIsNotTyped(t *testing.T) {
	dir := t.TempDir()
	text := "# Networks\n\nGovernments: digital.\n\nThe digital governance of the networks of the union and of its many member states matters to everyone who relies on them.\n"
	if err := os.WriteFile(filepath.Join(dir, "networks.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	team := freshLibrary(t)
	local, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	for _, lib := range []index.Library{local, team} {
		rep, err := lib.Import(ctx, []string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lib.Search(ctx, index.Query{Text: "digital governance", Doc: rep.Added[0].ID, SameLanguage: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 2 || !strings.Contains(res.Hits[0].Text, "governance") {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Text)
			}
			t.Errorf("%T: hits %q, want the passage with \"governance\" first", lib, got)
		}
	}
}

func TestInflectionRegexp(t *testing.T) {
	for typed, want := range map[string]string{
		"governance":  `\mgoverna`,
		"cable":       `\mcab`,
		"ai":          `\mai`,
		"l'immagine":  `\mimmag`,
		"e.g":         `\me\.g`,
		"tecnologie":  `\mtecnolo`,
		"Sovereignty": `\msovereig`,
	} {
		if got := inflectionRegexp(typed); got != want {
			t.Errorf("inflectionRegexp(%q) = %q, want %q", typed, got, want)
		}
	}
}
