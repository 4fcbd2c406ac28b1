package index

import (
	"slices"
	"sync"
)

// topFacets returns the first n values by count (counts[i] is values[i]'s;
// zero counts are left out), largest first, then by value. A library of
// thousands of documents has as many "doc" values: they are not all
// listed and sorted for the hundred shown, but passed through a heap of
// integers, each value's place in the values' order read from order.
func topFacets(counts []int, values []string, n int) []FacetCount {
	if len(values) == 0 || n <= 0 {
		return []FacetCount{}
	}
	o := order(values)
	// key: the count, then the value's rank reversed, so a larger key
	// sorts first
	h := make([]uint64, 0, n)
	for i, k := range counts {
		if k <= 0 || i >= len(values) {
			continue
		}
		key := uint64(k)<<32 | uint64(^uint32(o.rank[i]))
		switch {
		case len(h) < n:
			h = append(h, key)
			for j := len(h) - 1; j > 0; { // sift up: the root is the smallest
				p := (j - 1) / 2
				if h[p] <= h[j] {
					break
				}
				h[p], h[j] = h[j], h[p]
				j = p
			}
		case key > h[0]:
			h[0] = key
			for j := 0; ; { // sift down
				l, m := 2*j+1, j
				if l < len(h) && h[l] < h[m] {
					m = l
				}
				if l+1 < len(h) && h[l+1] < h[m] {
					m = l + 1
				}
				if m == j {
					break
				}
				h[m], h[j] = h[j], h[m]
				j = m
			}
		}
	}
	slices.Sort(h)
	out := make([]FacetCount, len(h))
	for i, key := range h {
		at := o.at[^uint32(key)]
		out[len(h)-1-i] = FacetCount{Value: values[at], Count: int(key >> 32)}
	}
	return out
}

// valueOrder is the values of a facet in sorted order, kept for the
// values slice it was made from (a column's values change only when it
// meets a new one, or with the index).
type valueOrder struct {
	first *string
	n     int
	rank  []int32 // rank[i] is values[i]'s place in sorted order
	at    []int32 // at[r] is the value at place r
}

// valueOrders keeps the orders of the last few values slices.
var valueOrders struct {
	sync.Mutex
	kept []*valueOrder
}

// order returns the order of values, made once per values slice.
func order(values []string) *valueOrder {
	valueOrders.Lock()
	defer valueOrders.Unlock()
	for _, o := range valueOrders.kept {
		if o.first == &values[0] && o.n == len(values) {
			return o
		}
	}
	o := &valueOrder{first: &values[0], n: len(values), rank: make([]int32, len(values)), at: make([]int32, len(values))}
	for i := range o.at {
		o.at[i] = int32(i)
	}
	slices.SortFunc(o.at, func(a, b int32) int {
		switch {
		case values[a] < values[b]:
			return -1
		case values[a] > values[b]:
			return 1
		}
		return int(a - b)
	})
	for r, i := range o.at {
		o.rank[i] = int32(r)
	}
	if len(valueOrders.kept) >= 6 {
		valueOrders.kept = valueOrders.kept[1:]
	}
	valueOrders.kept = append(valueOrders.kept, o)
	return o
}
