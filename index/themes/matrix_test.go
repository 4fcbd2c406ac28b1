package themes

import (
	"slices"
	"testing"
)

func TestMatrixOnSeeds(t *testing.T) {
	docs := taggedSeeds(t)
	tx := Default()
	m := tx.Matrix(docs)
	if len(m.Themes) != len(tx.Themes) || len(m.Docs) != len(docs) || len(m.Cells) != len(tx.Themes) {
		t.Fatalf("matrix shape %d×%d", len(m.Cells), len(m.Docs))
	}
	col := map[string]int{}
	for j, d := range m.Docs {
		col[d.ID] = j
	}
	row := -1
	for i, th := range m.Themes {
		if th.ID == "undersea-cables" {
			row = i
		}
		sum := 0
		for j, c := range m.Cells[i] {
			sum += c.Count
			if c.Count != len(c.Passages) {
				t.Errorf("%s × %s: count %d, %d passages", th.ID, m.Docs[j].ID, c.Count, len(c.Passages))
			}
			if c.Count > 0 && !slices.Contains(c.Passages, c.Strongest) {
				t.Errorf("%s × %s: strongest %q not among its passages", th.ID, m.Docs[j].ID, c.Strongest)
			}
			if c.Count == 0 && c.Strongest != "" {
				t.Errorf("%s × %s: empty cell with a strongest passage", th.ID, m.Docs[j].ID)
			}
		}
		if sum != th.Total {
			t.Errorf("%s: total %d, cells sum to %d", th.ID, th.Total, sum)
		}
	}
	cables := m.Cells[row]
	if c := cables[col["join-2025-140"]]; c.Count < 5 {
		t.Errorf("the JOIN has %d passages on undersea cables, want at least 5", c.Count)
	}
	if c := cables[col["g7-2024"]]; c.Count != 1 {
		t.Errorf("the G7 page has %d passages on undersea cables, want 1", c.Count)
	}
	if c := cables[col["tech7-2024"]]; c.Count != 0 {
		t.Errorf("the TECH7 declaration is silent on cables, got %d passages", c.Count)
	}
	strongest := passageWith(t, "join-2025-140", "il primo cavo transatlantico in fibra ottica")
	if got := cables[col["join-2025-140"]].Strongest; got != strongest.ID {
		t.Errorf("strongest JOIN passage on cables = %s, want BELLA's %s", got, strongest.ID)
	}
}
