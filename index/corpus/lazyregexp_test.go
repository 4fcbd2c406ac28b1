package corpus

import (
	"regexp"
	"testing"
)

func TestPatternsCompile(t *testing.T) {
	// Compiled on first use, a bad pattern would fail only when a
	// document needs it: each one compiles here.
	if len(patterns) < 40 {
		t.Errorf("%d patterns registered, want the package's 43", len(patterns))
	}
	for _, p := range patterns {
		if _, err := regexp.Compile(p); err != nil {
			t.Errorf("pattern %q: %v", p, err)
		}
	}
}
