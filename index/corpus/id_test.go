package corpus

import "testing"

func TestPassageIDIsDocAndTextHash(t *testing.T) {
	// sha256("abc") starts ba7816bf8f.
	if got := PassageID("doc", "abc"); got != "doc#ba7816bf8f" {
		t.Errorf("PassageID = %q", got)
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 103: "103rd"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
