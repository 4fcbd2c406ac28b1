package app

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"attache/index"
)

// filterSelect is one of the search pane's filters (document, language or
// theme): a select whose options are the facet's values with their counts,
// and whose first option means "no filter".
type filterSelect struct {
	*widget.Select
	// facet names the facet of index.Results this filter counts by.
	facet string
	// all is the label of the "no filter" option.
	all string
	// value is the chosen value, "" for none.
	value string
	// values are the options' values, in the order of Select.Options
	// (a map of labels to values held 300 kB at 8,000 documents).
	values []string
	// filling is true while the options are being replaced.
	filling bool
	// more, when set, is offered second, after "no filter", labelled
	// moreLabel:
	// picking it runs more and keeps the choice as it was (the document
	// filter of a large library lists some documents and opens the
	// document picker for the others).
	more      func()
	moreLabel string
}

// moreValue is the value of the more option, which no facet value is.
const moreValue = "\x00more"

// filterOption is a value a filter offers and its label without count.
type filterOption struct {
	value, label string
}

// newFilterSelect makes a filter counting by facet, whose "no filter"
// option reads all; changed runs when the user picks another option.
func newFilterSelect(facet, all string, changed func()) *filterSelect {
	f := &filterSelect{facet: facet, all: all, values: []string{""}}
	// Not widget.NewSelect: the select must know it is drawn as f (its
	// BaseWidget's impl), or Fyne keeps two renderers, lays out one when
	// the window is resized and draws the other at its first size (the
	// filters overflowed the pane when the window opened smaller).
	f.Select = &widget.Select{Options: []string{all}, OnChanged: func(label string) {
		if f.filling {
			return
		}
		i := f.Select.SelectedIndex()
		if i >= 0 && i < len(f.values) && f.values[i] == moreValue {
			f.set(f.value)
			f.more()
			return
		}
		if i >= 0 && i < len(f.values) {
			f.value = f.values[i]
		}
		changed()
	}}
	f.ExtendBaseWidget(f)
	f.filling = true
	f.Select.SetSelected(all)
	f.filling = false
	return f
}

// fill sets the options to opts with their counts in facets (no counts
// when facets is nil), keeping the chosen value. With counts, options with
// no passage go to the end (unless chosen), so the useful ones come first.
func (f *filterSelect) fill(opts []filterOption, facets map[string][]index.FacetCount) {
	counts := map[string]int{}
	for _, c := range facets[f.facet] {
		counts[c.Value] = c.Count
	}
	f.filling = true
	defer func() { f.filling = false }()
	labels, values := make([]string, 1, len(opts)+2), make([]string, 1, len(opts)+2)
	labels[0] = f.all
	if f.more != nil {
		labels, values = append(labels, f.moreLabel), append(values, moreValue)
	}
	var silent, silentValues []string
	chosen := f.all
	for _, o := range opts {
		label := o.label
		if facets != nil {
			label += fmt.Sprintf(" (%d)", counts[o.value])
		}
		if facets != nil && counts[o.value] == 0 && o.value != f.value {
			silent, silentValues = append(silent, label), append(silentValues, o.value)
		} else {
			labels, values = append(labels, label), append(values, o.value)
		}
		if o.value == f.value {
			chosen = label
		}
	}
	// The options are read when the list opens: setting them draws
	// nothing, and the select is drawn again only if its label changes
	// (a large library's documents are options: this runs per search).
	f.Select.Options = append(labels, silent...)
	f.values = append(values, silentValues...)
	if f.Select.Selected != chosen {
		f.Select.SetSelected(chosen)
	}
}

// set chooses value without telling the pane (the caller searches).
func (f *filterSelect) set(value string) {
	f.value = value
	for i, v := range f.values {
		if v == value {
			f.filling = true
			f.Select.SetSelectedIndex(i)
			f.filling = false
			return
		}
	}
}
