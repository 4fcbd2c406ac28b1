package corpus

import (
	"strings"
	"testing"
)

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

// TestSeedIDsDoNotMove pins passage IDs that other packages' tests, the
// evaluation set (testdata/eval.json) and the docs quote. If a change to the
// cleaning moves one, those quotes break: update them with it.
func TestSeedIDsDoNotMove(t *testing.T) {
	pinned := map[string]string{
		"council-2023#03d52456ba":  "para. 2",
		"council-2023#d33e925e2c":  "para. 7",
		"council-2023#7522fd5a42":  "para. 12",
		"g7-2024#738a6fcbb5":       `"Safe, secure and trustworthy, deployment and use of AI systems in the public sector", para. 3`,
		"g7-2024#b3c3741223":       `"Explore the opportunities of digital connections"`,
		"join-2025-140#6301eb1aab": "§ 2",
		"join-2025-140#9fe1174183": "§ 1, para. 2",
		"join-2025-140#4bee713855": `§ 4, "Tecnologie emergenti"`,
		"join-2025-140#ba8d64cc79": `§ 4, "Infrastrutture digitali sicure e affidabili", point 1`,
		"join-2025-140#a84a28d72d": "para. 1",
		"tech7-2024#afd635f270":    "point 4",
	}
	for id, locator := range pinned {
		doc := seed(t, id[:strings.Index(id, "#")])
		p, ok := doc.Passage(id)
		if !ok {
			t.Errorf("passage %s (%s) is gone", id, locator)
			continue
		}
		if p.Locator != locator {
			t.Errorf("passage %s is at %q, was at %q", id, p.Locator, locator)
		}
	}
}
