package index

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// TestTopFacetsIsTheSortedPrefix checks the heap's cut against sorting
// everything, with many ties on counts and some zero counts.
func TestTopFacetsIsTheSortedPrefix(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 5, 100, 101, 199, 201, 250, 5000} {
		counts := make([]int, size)
		values := make([]string, size)
		want := []FacetCount{}
		for i := range counts {
			counts[i] = r.Intn(20)
			values[i] = fmt.Sprintf("v%05d", r.Intn(100000))
			if counts[i] > 0 {
				want = append(want, FacetCount{Value: values[i], Count: counts[i]})
			}
		}
		sort.Slice(want, func(i, j int) bool {
			if want[i].Count != want[j].Count {
				return want[i].Count > want[j].Count
			}
			return want[i].Value < want[j].Value
		})
		if len(want) > facetSize {
			want = want[:facetSize]
		}
		if got := topFacets(counts, values, facetSize); !reflect.DeepEqual(got, want) {
			t.Errorf("%d counts: got %v\nwant %v", size, got, want)
		}
	}
}
