package bridge

import "testing"

func TestThemeMatrixOfTheLibrary(t *testing.T) {
	lib := openSeeds(t)
	m, err := ThemeMatrix(lib)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Docs) != 4 || len(m.Themes) < 18 {
		t.Fatalf("matrix %d themes × %d docs", len(m.Themes), len(m.Docs))
	}
	for i, th := range m.Themes {
		for j, c := range m.Cells[i] {
			if c.Strongest == "" {
				continue
			}
			p, err := lib.Passage(c.Strongest)
			if err != nil {
				t.Fatalf("%s × %s: %v", th.ID, m.Docs[j].ID, err)
			}
			if p.DocID != m.Docs[j].ID || !hasTheme(p, th.ID) {
				t.Errorf("%s × %s: strongest %s is of %s with themes %v", th.ID, m.Docs[j].ID, p.ID, p.DocID, p.Themes)
			}
		}
	}
}
