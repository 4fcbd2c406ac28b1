package themes

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// themeJudgments is testdata/theme-judgments.json: per theme, the seed
// passages a reader judged to be about it.
type themeJudgments struct {
	Description string `json:"description"`
	Themes      map[string][]struct {
		ID    string `json:"id"`
		Quote string `json:"quote"`
	} `json:"themes"`
}

// TestTaggingAgreesWithJudgments measures, per judged theme, the share of
// the passages tagged with it that a reader judged about it (precision)
// and the share of those judged that are tagged (recall).
func TestTaggingAgreesWithJudgments(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/theme-judgments.json")
	if err != nil {
		t.Fatal(err)
	}
	var j themeJudgments
	if err := json.Unmarshal(raw, &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Themes) < 8 {
		t.Fatalf("%d themes judged, want at least 8", len(j.Themes))
	}
	docs := taggedSeeds(t)
	texts := map[string]string{}
	tagged := map[string]map[string]bool{}
	langs := map[string]map[string]bool{}
	for _, d := range docs {
		for _, p := range d.Passages {
			texts[p.ID] = p.Text
			for _, th := range p.Themes {
				if tagged[th] == nil {
					tagged[th] = map[string]bool{}
				}
				tagged[th][p.ID] = true
			}
		}
	}
	for th, judged := range j.Themes {
		if Default().Theme(th) == nil {
			t.Errorf("judged theme %q is not in the taxonomy", th)
			continue
		}
		want := map[string]bool{}
		for _, p := range judged {
			text, ok := texts[p.ID]
			if !ok || !strings.HasPrefix(text, p.Quote) {
				t.Errorf("%s: judged passage %s is not in the seeds as judged (%q)", th, p.ID, p.Quote)
			}
			want[p.ID] = true
			if langs[th] == nil {
				langs[th] = map[string]bool{}
			}
			langs[th][strings.SplitN(p.ID, "#", 2)[0]] = true
		}
		hit := 0
		for id := range tagged[th] {
			if want[id] {
				hit++
			} else {
				t.Logf("%s: tagged, judged not about it: %s %.60q", th, id, texts[id])
			}
		}
		for id := range want {
			if !tagged[th][id] {
				t.Logf("%s: judged about it, not tagged: %s %.60q", th, id, texts[id])
			}
		}
		precision := float64(hit) / float64(max(1, len(tagged[th])))
		recall := float64(hit) / float64(len(want))
		t.Logf("%-26s precision %.2f (%d/%d), recall %.2f (%d/%d)", th, precision, hit, len(tagged[th]), recall, hit, len(want))
		if precision < 0.90 || recall < 0.90 {
			t.Errorf("%s: tagging precision %.2f, recall %.2f; want both at least 0.90", th, precision, recall)
		}
	}
	// The Council conclusions' cable paragraphs are tagged with cables.
	n := 0
	for id := range tagged["undersea-cables"] {
		if strings.HasPrefix(id, "council-2023#") {
			n++
		}
	}
	if n < 2 {
		t.Errorf("%d Council passages tagged undersea-cables, want its 2 cable paragraphs", n)
	}
}
