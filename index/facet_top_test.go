package index

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// TestTopFacetsIsTheSortedPrefix checks the heap's cut against sorting
// everything, with many ties on counts.
func TestTopFacetsIsTheSortedPrefix(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 5, 100, 199, 201, 250, 5000} {
		var counts []FacetCount
		for i := 0; i < size; i++ {
			counts = append(counts, FacetCount{Value: fmt.Sprintf("v%04d", r.Intn(10000)), Count: 1 + r.Intn(20)})
		}
		want := append([]FacetCount(nil), counts...)
		sort.Slice(want, func(i, j int) bool {
			if want[i].Count != want[j].Count {
				return want[i].Count > want[j].Count
			}
			return want[i].Value < want[j].Value
		})
		if len(want) > facetSize {
			want = want[:facetSize]
		}
		got := topFacets(append([]FacetCount(nil), counts...), facetSize)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d counts: got %v\nwant %v", size, got, want)
		}
	}
}
