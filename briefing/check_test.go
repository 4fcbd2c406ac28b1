package briefing

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	b := sampleBrief(t)
	xs := b.Excerpts()
	b.TrimExcerptTo(xs[0].ID, "è in costante crescita")
	lib := map[string]string{}
	for _, x := range xs {
		lib[x.PassageID] = x.Full
	}
	check := CheckerFunc(func(id string) (string, bool, error) {
		t, ok := lib[id]
		return t, ok, nil
	})
	if f, err := Check(b, check); err != nil || len(f) != 0 {
		t.Fatalf("unchanged library: %v %v", f, err)
	}
	// whitespace alone is no change
	lib[xs[1].PassageID] = "  " + strings.ReplaceAll(xs[1].Full, " ", "\n") + " "
	if f, _ := Check(b, check); len(f) != 0 {
		t.Fatalf("whitespace change reported: %v", f)
	}
	lib[xs[0].PassageID] = strings.Replace(xs[0].Full, "promuovendo i suoi interessi strategici", "promuovendo i propri interessi", 1)
	lib[xs[2].PassageID] = strings.Replace(xs[2].Full, "the crucial role", "the essential role", 1)
	delete(lib, xs[3].PassageID)
	f, err := Check(b, check)
	if err != nil || len(f) != 3 {
		t.Fatalf("findings %v %v", f, err)
	}
	if f[0].Kind != Changed || f[0].Diff != `−"suoi interessi strategici." +"propri interessi."` || !f[0].QuoteIntact {
		t.Errorf("first finding %+v", f[0])
	}
	if f[1].Kind != Changed || f[1].Diff != `−"crucial" +"essential"` || f[1].QuoteIntact {
		t.Errorf("second finding %+v", f[1])
	}
	if f[2].Kind != Vanished || f[2].PassageID != "join-2025-140-p7" {
		t.Errorf("third finding %+v", f[2])
	}
	s := f[0].String()
	if !strings.Contains(s, "Background, Strategia digitale internazionale section 1, para. 2") || !strings.Contains(s, "quoted words are unchanged") {
		t.Errorf("finding text %q", s)
	}
	// the findings are the export's warnings
	w, err := WriteMarkdown(&strings.Builder{}, b, Options{Findings: f})
	if err != nil || len(w) != 5 || w[2] != f[2].String() {
		t.Errorf("warnings %v %v", w, err)
	}
	boom := errors.New("index closed")
	if _, err := Check(b, CheckerFunc(func(string) (string, bool, error) { return "", false, boom })); !errors.Is(err, boom) {
		t.Errorf("checker error: %v", err)
	}
}

func TestWordDiff(t *testing.T) {
	if got := WordDiff("a b c d e", "a x c d e f", 3); got != `−"b" +"x"; +"f"` {
		t.Errorf("diff %q", got)
	}
	if got := WordDiff("1 2 3 4 5 6 7 8", "1 a 3 b 5 c 7 d", 2); got != `−"2" +"a"; −"4" +"b"; and 2 more changes` {
		t.Errorf("capped diff %q", got)
	}
}

// TestCheckMisquoted checks that a quotation changed by hand (its text
// says what the passage, and the brief's own copy of it, do not) is a
// finding, also when the quotation has cuts, and that the cuts alone are
// not. Before the fix Check compared only the copies of the whole
// passage, and the changed quotation passed.
func TestCheckMisquoted(t *testing.T) {
	b := sampleBrief(t)
	xs := b.Excerpts()
	lib := map[string]string{}
	for _, x := range xs {
		lib[x.PassageID] = x.Full
	}
	check := CheckerFunc(func(id string) (string, bool, error) {
		t, ok := lib[id]
		return t, ok, nil
	})
	words := strings.Fields(xs[2].Full)
	if len(words) < 12 {
		t.Fatalf("passage too short: %q", xs[2].Full)
	}
	// a quotation with a cut in the middle is fine
	cut := strings.Join(words[:4], " ") + " " + Ellipsis + " " + strings.Join(words[8:], " ")
	xs[2].Text = cut
	if f, err := Check(b, check); err != nil || len(f) != 0 {
		t.Fatalf("a cut quotation: %v %v", f, err)
	}
	// a changed word in it is not
	words[9] = "mandatory"
	xs[2].Text = strings.Join(words[:4], " ") + " " + Ellipsis + " " + strings.Join(words[8:], " ")
	f, err := Check(b, check)
	if err != nil || len(f) != 1 || f[0].Kind != Misquoted || f[0].ExcerptID != xs[2].ID {
		t.Fatalf("findings %+v %v", f, err)
	}
	if !strings.Contains(f[0].Diff, `+"mandatory"`) || strings.Contains(f[0].Diff, strings.Join(strings.Fields(xs[2].Full)[4:8], " ")) {
		t.Errorf("diff %q: want the changed word, not the cut", f[0].Diff)
	}
	if s := f[0].String(); !strings.Contains(s, "does not read as passage") || strings.Contains(s, "\n") {
		t.Errorf("finding text %q", s)
	}
	// the export warns once about it
	w, err := WriteMarkdown(&strings.Builder{}, b, Options{Findings: f})
	n := 0
	for _, s := range w {
		if strings.Contains(s, xs[2].ID) {
			n++
		}
	}
	if err != nil || n != 1 {
		t.Errorf("export warnings about the excerpt: %d in %q", n, w)
	}
}
