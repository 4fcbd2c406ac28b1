package briefing

import "testing"

func TestKeptRanges(t *testing.T) {
	full := "The Union will, in cooperation with partners, support secure undersea cables, including in Africa."
	it := "L'Unione sosterrà, con i partner, la sicurezza dei cavi."
	for _, c := range []struct{ src, edited, want string }{
		{full, full, full},
		{full, "The Union will support secure undersea cables.", "The Union will […] support secure undersea cables […] ."},
		{full, "support secure undersea cables", "[…] support secure undersea cables […]"},
		{full, "The Union will, […] support secure undersea cables, including in Africa.", "The Union will, […] support secure undersea cables, including in Africa."},
		// Italian: accented letters and an apostrophe.
		{it, "L'Unione sosterrà la sicurezza", "L'Unione sosterrà […] la sicurezza […]"},
	} {
		src := c.src
		rs, err := KeptRanges(src, c.edited)
		if err != nil {
			t.Errorf("%q: %v", c.edited, err)
			continue
		}
		got, err := QuoteText(src, rs)
		if err != nil {
			t.Errorf("%q: %v", c.edited, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.edited, got, c.want)
		}
	}
	for _, bad := range []string{"", "[…]", "The Union shall support", "cables Union"} {
		if _, err := KeptRanges(full, bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestKeptRangesPrefersWholeRuns(t *testing.T) {
	// "the" occurs twice; keeping "on the theme" must not jump between them.
	rs, err := KeptRanges("on the the theme", "on the theme")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Errorf("ranges = %v, want two runs", rs)
	}
}
