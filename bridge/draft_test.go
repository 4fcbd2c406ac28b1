package bridge

import (
	"strings"
	"testing"

	"attache/briefing"
	"attache/index/themes"
)

func TestDraftSpreadsAcrossDocumentsWithoutDuplicates(t *testing.T) {
	lib := openSeeds(t)
	ids := []string{"undersea-cables", "ai-governance", "digital-skills-divide", "cybersecurity", "data-flows-trade", "human-rights-online"}
	b, err := Draft(lib, briefing.Header{Title: "Digital diplomacy themes", Lang: "it"}, ids, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sections) != len(ids) {
		t.Fatalf("%d sections, want %d", len(b.Sections), len(ids))
	}
	tx := themes.Default()
	docs, err := libraryDocs(lib)
	if err != nil {
		t.Fatal(err)
	}
	m := tx.Matrix(docs)
	for i, s := range b.Sections {
		id := ids[i]
		if s.Theme != id || s.Heading != tx.Theme(id).LabelIT {
			t.Errorf("section %d: theme %q heading %q, want %q %q", i, s.Theme, s.Heading, id, tx.Theme(id).LabelIT)
		}
		if len(s.Excerpts) == 0 || len(s.Excerpts) > 4 {
			t.Errorf("%s: %d excerpts", id, len(s.Excerpts))
		}
		// Documents that have passages on the theme, per the matrix.
		available, langsAvailable := 0, map[string]bool{}
		for r, th := range m.Themes {
			if th.ID != id {
				continue
			}
			for j, c := range m.Cells[r] {
				if c.Count > 0 {
					available++
					langsAvailable[m.Docs[j].Lang] = true
				}
			}
		}
		from, langs := map[string]bool{}, map[string]bool{}
		for k, x := range s.Excerpts {
			from[x.Source.DocID] = true
			langs[x.Source.Lang] = true
			if !strings.Contains(strings.Join(x.Themes, " "), id) {
				t.Errorf("%s: excerpt %s is not tagged with the theme: %v", id, x.PassageID, x.Themes)
			}
			for _, y := range s.Excerpts[:k] {
				if x.PassageID == y.PassageID {
					t.Errorf("%s: passage %s twice", id, x.PassageID)
				}
				if j := Jaccard(shingles(x.Full), shingles(y.Full)); j > nearDuplicate {
					t.Errorf("%s: %s and %s are near-duplicates (%.2f)", id, x.PassageID, y.PassageID, j)
				}
			}
		}
		if want := min(available, 2); len(from) < want {
			t.Errorf("%s: excerpts from %d documents, want at least %d of the %d that cover it", id, len(from), want, available)
		}
		if len(langsAvailable) == 2 && len(langs) < 2 {
			t.Errorf("%s: excerpts in one language only though both have passages", id)
		}
	}
}

func TestRepresentativeSkipsNearDuplicatesAndLeadIns(t *testing.T) {
	lib := openSeeds(t)
	ps, err := Representative(lib, "internet-governance", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 5 {
		t.Fatalf("%d passages", len(ps))
	}
	for i, p := range ps {
		if len(strings.Fields(p.Text)) < minWords {
			t.Errorf("lead-in picked: %q", p.Text)
		}
		for _, q := range ps[:i] {
			if Jaccard(shingles(p.Text), shingles(q.Text)) > nearDuplicate {
				t.Errorf("near-duplicates %s and %s", p.ID, q.ID)
			}
		}
	}
	// The first picks come from different documents.
	if ps[0].DocID == ps[1].DocID {
		t.Errorf("first two picks from the same document %s", ps[0].DocID)
	}
	if _, err := Representative(lib, "no-such-theme", 3); err == nil {
		t.Error("unknown theme accepted")
	}
	if _, err := Draft(lib, briefing.Header{Title: "x"}, []string{"cybersecurity", "cybersecurity"}, 2); err == nil {
		t.Error("theme given twice accepted")
	}
	b, err := Draft(lib, briefing.Header{}, []string{"quantum", "cybersecurity"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Quantum technologies; Cybersecurity and cyber resilience" || len(b.Sections[1].Excerpts) != DefaultPerTheme {
		t.Errorf("untitled draft: title %q, %d excerpts", b.Title, len(b.Sections[1].Excerpts))
	}
}

func TestJaccardOnShingles(t *testing.T) {
	a := shingles("The EU will promote secure connectivity in partner countries.")
	b := shingles("the EU will promote secure connectivity in partner countries")
	if j := Jaccard(a, b); j != 1 {
		t.Errorf("same words, different case and punctuation: %.2f", j)
	}
	if j := Jaccard(a, shingles("Cable security matters")); j != 0 {
		t.Errorf("unrelated: %.2f", j)
	}
}
