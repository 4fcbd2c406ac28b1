package corpus

import "testing"

// testProbes runs check on every probe: a fast path against its spec on
// the strings near its edges.
func testProbes(t *testing.T, probes []string, check func(*testing.T, string)) {
	for _, s := range probes {
		check(t, s)
	}
}

// fuzzProbes seeds the fuzzer with the probes and runs check on every
// string it makes of them.
func fuzzProbes(f *testing.F, probes []string, check func(*testing.T, string)) {
	for _, s := range probes {
		f.Add(s)
	}
	f.Fuzz(check)
}
