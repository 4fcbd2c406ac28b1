package team

import (
	"context"
	"testing"

	"attache/index"
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
