package index

import (
	"reflect"
	"testing"

	"attache/index/corpus"
)

func TestDropFromFacets(t *testing.T) {
	facets := map[string][]FacetCount{
		"doc":   {{"a", 3}, {"b", 2}},
		"lang":  {{"en", 3}, {"it", 2}},
		"theme": {{"x", 2}, {"y", 1}},
	}
	dropFromFacets(facets, []corpus.Passage{{DocID: "a", Lang: "en", Themes: []string{"x", "y"}}, {DocID: "a", Lang: "en"}})
	want := map[string][]FacetCount{
		"doc":   {{"b", 2}, {"a", 1}},
		"lang":  {{"it", 2}, {"en", 1}},
		"theme": {{"x", 1}},
	}
	if !reflect.DeepEqual(facets, want) {
		t.Errorf("facets %v, want %v", facets, want)
	}
}
