package briefing

import (
	"fmt"
	"strings"
	"testing"
)

// rangeBrief is the sample brief with three notes of its own on the TECH7
// quotation, marked at its end with the citation: four consecutive
// numbers, which every export prints as one range.
func rangeBrief(t testing.TB) (*Brief, []int) {
	b := sampleBrief(t)
	x := &b.Sections[3].Excerpts[0]
	for i := 1; i <= 3; i++ {
		x.Notes = append(x.Notes, Note{Number: fmt.Sprint(i), Text: fmt.Sprintf("Source note number %d of the TECH7 statement.", i)})
	}
	marks := Cite(b).Marks[x.ID]
	if len(marks) != 4 {
		t.Fatalf("marks %v, want four", marks)
	}
	return b, marks
}

func TestMarkGroups(t *testing.T) {
	for want, in := range map[string][]int{"[1]": {1}, "[1 2]": {1, 2}, "[6-11]": {6, 7, 8, 9, 10, 11}, "[3 5-7 9]": {3, 5, 6, 7, 9}, "[]": nil} {
		var got []string
		for _, g := range markGroups(in) {
			if g.isRange() {
				got = append(got, fmt.Sprintf("%d-%d", g.first, g.last))
			} else {
				got = append(got, fmt.Sprint(g.first))
			}
		}
		if s := "[" + strings.Join(got, " ") + "]"; s != want {
			t.Errorf("markGroups(%v) = %s, want %s", in, s, want)
		}
	}
}
