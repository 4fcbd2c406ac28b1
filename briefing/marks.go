package briefing

import (
	"strconv"
	"strings"
)

// markGroup is one item of a note mark as every export prints it: a
// single note number, or a run of three or more consecutive numbers
// printed as a range, "6–11".
type markGroup struct {
	first, last int
}

// isRange reports whether the group prints as "first–last".
func (g markGroup) isRange() bool { return g.last > g.first }

// markGroups groups the note numbers of one mark as the PDF prints them:
// runs of three or more consecutive numbers become a range, shorter runs
// stay single numbers ("1,2", "3,5–7,9"). The PDF, Word and ODT exports
// all use it, so that their marks read the same.
func markGroups(notes []int) []markGroup {
	var out []markGroup
	for i := 0; i < len(notes); {
		j := i
		for j+1 < len(notes) && notes[j+1] == notes[j]+1 {
			j++
		}
		if j-i >= 2 {
			out = append(out, markGroup{first: notes[i], last: notes[j]})
		} else {
			for k := i; k <= j; k++ {
				out = append(out, markGroup{first: notes[k], last: notes[k]})
			}
		}
		i = j + 1
	}
	return out
}

// MarkText writes note numbers as every export prints them in a mark: "1",
// "1,2", and runs of three or more as "6–11" (markGroups), so that the
// command line names an excerpt's notes as the brief shows them.
func MarkText(notes []int) string {
	var parts []string
	for _, g := range markGroups(notes) {
		if g.isRange() {
			parts = append(parts, strconv.Itoa(g.first)+"–"+strconv.Itoa(g.last))
		} else {
			parts = append(parts, strconv.Itoa(g.first))
		}
	}
	return strings.Join(parts, ",")
}
