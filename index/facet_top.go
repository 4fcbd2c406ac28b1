package index

import (
	"container/heap"
	"sort"
)

// topFacets returns the first n values by count (counts[i] is values[i]'s;
// zero counts are left out), largest first, then by value. A library of
// thousands of documents has as many "doc" values: they are not all
// listed and sorted for the hundred shown, but passed through a heap.
func topFacets(counts []int, values []string, n int) []FacetCount {
	h := &facetHeap{}
	for i, k := range counts {
		if k == 0 || i >= len(values) {
			continue
		}
		c := FacetCount{Value: values[i], Count: k}
		switch {
		case len(h.items) < n:
			heap.Push(h, c)
		case facetBefore(c, h.items[0]):
			h.items[0] = c
			heap.Fix(h, 0)
		}
	}
	out := h.items
	if out == nil {
		out = []FacetCount{}
	}
	sort.Slice(out, func(i, j int) bool { return facetBefore(out[i], out[j]) })
	return out
}

// facetBefore is the order of facet counts: largest first, then by value.
func facetBefore(a, b FacetCount) bool {
	if a.Count != b.Count {
		return a.Count > b.Count
	}
	return a.Value < b.Value
}

// facetHeap is a heap of counts whose root is the one that sorts last.
type facetHeap struct{ items []FacetCount }

func (h *facetHeap) Len() int           { return len(h.items) }
func (h *facetHeap) Less(i, j int) bool { return facetBefore(h.items[j], h.items[i]) }
func (h *facetHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *facetHeap) Push(x any)         { h.items = append(h.items, x.(FacetCount)) }
func (h *facetHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
