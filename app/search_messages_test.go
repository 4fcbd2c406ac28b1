package app

import (
	"errors"
	"testing"

	"attache/index"
)

func TestResultsMessage(t *testing.T) {
	for _, c := range []struct {
		res   index.Results
		shown int
		want  string
	}{
		{index.Results{Total: 0}, 0, "No passages match."},
		{index.Results{Total: 1}, 1, "1 passage matches."},
		{index.Results{Total: 12, Weak: 2}, 10, "10 passages match."},
		{index.Results{Total: 90, Weak: 10}, 50, "80 passages match; the best 50 are shown."},
		{index.Results{Total: 5, Weak: 5}, 0, "No passage holds all the words; only weaker matches."},
		{index.Results{Total: 3, Listing: true}, 3, "3 passages pass the filters. Type to search among them."},
		{index.Results{Total: 1, Listing: true}, 1, "1 passage passes the filters. Type to search among it."},
		{index.Results{Total: 70, Listing: true}, 50, "70 passages pass the filters; the first 50 are shown. Type to search among them."},
	} {
		if got := resultsMessage(&c.res, c.shown); got != c.want {
			t.Errorf("%+v, %d shown: %q, want %q", c.res, c.shown, got, c.want)
		}
	}
}

func TestSearchErrorText(t *testing.T) {
	if got := searchErrorText(errors.New("unclosed quote in query:\n add the closing \"")); got != "unclosed quote in query: add the closing \"" {
		t.Errorf("known error: %q", got)
	}
	if got := searchErrorText(errors.New(`unknown filter "x:" in query`)); got != `unknown filter "x:" in query` {
		t.Errorf("other error: %q", got)
	}
}
