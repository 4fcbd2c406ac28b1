package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"attache/seeds"
)

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

// onValidUTF8 runs check only on valid UTF-8, the text the specs are
// written for.
func onValidUTF8(check func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			check(t, s)
		}
	}
}

// withSeedLines returns the probes and, after them, what lines gives of
// each passage of the seeds.
func withSeedLines(t *testing.T, probes []string, lines func(p Passage) []string) []string {
	t.Helper()
	all := append([]string{}, probes...)
	docs, err := LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		for _, p := range d.Passages {
			all = append(all, lines(p)...)
		}
	}
	return all
}

// inEveryCase calls check on s as written, upper-cased and lower-cased.
func inEveryCase(s string, check func(v string)) {
	for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
		check(v)
	}
}
