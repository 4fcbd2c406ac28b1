package app

import (
	"testing"

	"attache/briefing"
)

func TestKeptRanges(t *testing.T) {
	full := "The Union will, in cooperation with partners, support secure undersea cables, including in Africa."
	for _, c := range []struct{ edited, want string }{
		{full, full},
		{"The Union will support secure undersea cables.", "The Union will […] support secure undersea cables […] ."},
		{"support secure undersea cables", "[…] support secure undersea cables […]"},
		{"The Union will, […] support secure undersea cables, including in Africa.", "The Union will, […] support secure undersea cables, including in Africa."},
	} {
		rs, err := keptRanges(full, c.edited)
		if err != nil {
			t.Errorf("%q: %v", c.edited, err)
			continue
		}
		got, err := briefing.QuoteText(full, rs)
		if err != nil {
			t.Errorf("%q: %v", c.edited, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.edited, got, c.want)
		}
	}
	for _, bad := range []string{"", "The Union shall support", "cables Union"} {
		if _, err := keptRanges(full, bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestKeptRangesPrefersWholeRuns(t *testing.T) {
	// "the" occurs twice; keeping "on the theme" must not jump between them.
	full := "on the the theme"
	rs, err := keptRanges(full, "on the theme")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Errorf("ranges = %v, want two runs", rs)
	}
}
