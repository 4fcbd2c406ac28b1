package corpus

import (
	"strings"
	"testing"
)

// spaceProbes hold every kind of white space and the bytes around it.
var spaceProbes = []string{
	"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "a\u0085b", "a\u2028b", "a\u3000b", "a\u1680b",
	"a\u202fb", "a\u205fb", "\u00e9t\u00e9 \u00e0", "’quote” – dash", "x\u00b9 y\u2074", "x \u00b9", "a , b", "a ,b",
	"a )", "end .", "a\fb", "a\vb", "a\rb", "\x7f", "a\u200bb", "a\u00adb", "\ufeffa", "\u0080\u009f", "日本 語",
}

func TestSpaceShortcutsAreTheirSpecs(t *testing.T) {
	testProbes(t, spaceProbes, checkSpaceShortcuts)
}

func FuzzSpaceShortcuts(f *testing.F) {
	fuzzProbes(f, spaceProbes, onValidUTF8(checkSpaceShortcuts))
}

// checkSpaceShortcuts compares the byte-scanning helpers of clean.go and
// notes.go with what they stand for.
func checkSpaceShortcuts(t *testing.T, s string) {
	t.Helper()
	fields := strings.Fields(s)
	if got, want := collapseSpace(s), strings.Join(fields, " "); got != want {
		t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := collapsed(s), strings.Join(fields, " ") == s; got != want {
		t.Errorf("collapsed(%q) = %v, want %v", s, got, want)
	}
	if got := countFields(s); got != len(fields) {
		t.Errorf("countFields(%q) = %d, want %d", s, got, len(fields))
	}
	last, more := lastField(s)
	if len(fields) > 0 && (last != fields[len(fields)-1] || more != (len(fields) > 1)) || len(fields) == 0 && (last != "" || more) {
		t.Errorf("lastField(%q) = %q, %v; fields %q", s, last, more, fields)
	}
	if got, want := hasSuperscriptDigit(s), strings.ContainsAny(s, "⁰¹²³⁴⁵⁶⁷⁸⁹"); got != want {
		t.Errorf("hasSuperscriptDigit(%q) = %v, want %v", s, got, want)
	}
	// the shortcut needsNormalizing takes against mapping every rune
	mapped := strings.Map(normalizeRune, s)
	if got := normalizeRunes(s); got != mapped {
		t.Errorf("normalizeRunes(%q) = %q, want %q", s, got, mapped)
	}
	c := collapseSpace(s)
	var b strings.Builder
	for i := 0; i < len(c); i++ {
		if c[i] == ' ' && i+1 < len(c) && strings.IndexByte(",.;:!?)]", c[i+1]) >= 0 {
			continue
		}
		b.WriteByte(c[i])
	}
	if got := tidy(s); got != b.String() {
		t.Errorf("tidy(%q) = %q, want %q", s, got, b.String())
	}
}
