package app

import (
	"slices"
	"testing"

	"attache/index"
)

func TestFilterSelectCountsAndKeepsItsChoice(t *testing.T) {
	changed := 0
	f := newFilterSelect("lang", "All languages", func() { changed++ })
	opts := []filterOption{{"en", "English"}, {"it", "Italian"}, {"fr", "French"}}
	f.fill(opts, nil)
	if want := []string{"All languages", "English", "Italian", "French"}; !slices.Equal(f.Options, want) {
		t.Fatalf("options without counts %q, want %q", f.Options, want)
	}
	f.SetSelected("Italian")
	if f.value != "it" || changed != 1 {
		t.Fatalf("value %q after choosing Italian (%d changes)", f.value, changed)
	}
	f.fill(opts, map[string][]index.FacetCount{"lang": {{Value: "en", Count: 7}, {Value: "it", Count: 0}}})
	// Options without passages go last, except the one chosen.
	if want := []string{"All languages", "English (7)", "Italian (0)", "French (0)"}; !slices.Equal(f.Options, want) {
		t.Errorf("options with counts %q, want %q", f.Options, want)
	}
	if f.Selected != "Italian (0)" || f.value != "it" || changed != 1 {
		t.Errorf("refilling changed the choice: %q %q (%d changes)", f.Selected, f.value, changed)
	}
	f.set("")
	if f.Selected != "All languages" || f.value != "" || changed != 1 {
		t.Errorf("set(\"\") shows %q, value %q (%d changes)", f.Selected, f.value, changed)
	}
	// An option moved to the end for having no passage gives its value.
	f.fill(opts, map[string][]index.FacetCount{"lang": {{Value: "fr", Count: 2}}})
	f.SetSelected("English (0)")
	if f.value != "en" || changed != 2 {
		t.Errorf("value %q after choosing English (0) from %q (%d changes)", f.value, f.Options, changed)
	}
	f.set("fr")
	if f.Selected != "French (2)" || f.value != "fr" {
		t.Errorf("set(\"fr\") shows %q, value %q", f.Selected, f.value)
	}
}
