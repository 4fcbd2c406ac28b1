package briefing

import (
	"fmt"
	"strings"
)

// Checker gives the current text of a passage of the library. Package
// bridge adapts a library to it.
type Checker interface {
	// Current returns the passage's text now; found is false when the
	// library no longer has the passage. err is for a library that fails.
	Current(passageID string) (text string, found bool, err error)
}

// CheckerFunc adapts a function to Checker.
type CheckerFunc func(passageID string) (string, bool, error)

// Current calls f.
func (f CheckerFunc) Current(id string) (string, bool, error) { return f(id) }

// Finding kinds.
const (
	// Changed: the passage's text in the library differs from the snapshot.
	Changed = "changed"
	// Vanished: the library no longer has the passage.
	Vanished = "vanished"
)

// Finding is an excerpt whose source passage changed or vanished since it
// was quoted. The brief keeps its snapshot and still exports the same.
type Finding struct {
	ExcerptID string
	PassageID string
	// Kind is Changed or Vanished.
	Kind string
	// Where describes the excerpt for a reader: section, document, locator.
	Where string
	// Diff summarises a change word by word: `−"old words" +"new words"`.
	Diff string
	// QuoteIntact is set when the quoted part still reads the same in the
	// new text (only the rest of the passage changed).
	QuoteIntact bool
}

// String describes the finding in one line.
func (f Finding) String() string {
	switch f.Kind {
	case Vanished:
		return fmt.Sprintf("excerpt %s (%s): passage %s is no longer in the library; the brief keeps its copy", f.ExcerptID, f.Where, f.PassageID)
	default:
		s := fmt.Sprintf("excerpt %s (%s): passage %s changed in the library: %s", f.ExcerptID, f.Where, f.PassageID, f.Diff)
		if f.QuoteIntact {
			s += " (the quoted words are unchanged)"
		}
		return s
	}
}

// Check compares each excerpt's snapshot with the library's current text
// and returns the excerpts whose passage changed or vanished, in reading
// order. It stops at the first error of the checker.
func Check(b *Brief, c Checker) ([]Finding, error) {
	var out []Finding
	for si := range b.Sections {
		s := &b.Sections[si]
		for xi := range s.Excerpts {
			x := &s.Excerpts[xi]
			text, found, err := c.Current(x.PassageID)
			if err != nil {
				return out, fmt.Errorf("check excerpt %s (passage %s): %w", x.ID, x.PassageID, err)
			}
			where := s.Heading
			if doc := firstNonEmpty(x.Source.ShortTitle, x.Source.Reference, x.Source.Title); doc != "" {
				where += ", " + doc
			}
			if loc := pinpoint(x); loc != "" {
				where += " " + loc
			}
			f := Finding{ExcerptID: x.ID, PassageID: x.PassageID, Where: where}
			switch {
			case !found:
				f.Kind = Vanished
			case normalizeSpace(text) != normalizeSpace(x.Full):
				f.Kind = Changed
				f.Diff = WordDiff(x.Full, text, 3)
				f.QuoteIntact = ValidQuote(x.Text, text)
			default:
				continue
			}
			out = append(out, f)
		}
	}
	return out, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// WordDiff summarises how new differs from old, word by word, in at most
// max changes: `−"removed words" +"added words"; …`.
func WordDiff(old, new string, max int) string {
	a, b := strings.Fields(old), strings.Fields(new)
	// trim the common head and tail, then diff the middle by LCS
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	a, b = a[p:len(a)-q], b[p:len(b)-q]
	if len(a)*len(b) > 4_000_000 {
		return fmt.Sprintf(`−%d words +%d words`, len(a), len(b))
	}
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max2(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var hunks []string
	var del, add []string
	flush := func() {
		if len(del) == 0 && len(add) == 0 {
			return
		}
		var h []string
		if len(del) > 0 {
			h = append(h, fmt.Sprintf("−%q", strings.Join(del, " ")))
		}
		if len(add) > 0 {
			h = append(h, fmt.Sprintf("+%q", strings.Join(add, " ")))
		}
		hunks = append(hunks, strings.Join(h, " "))
		del, add = nil, nil
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			add = append(add, b[j])
			j++
		default:
			del = append(del, a[i])
			i++
		}
	}
	flush()
	if len(hunks) > max {
		return strings.Join(hunks[:max], "; ") + fmt.Sprintf("; and %d more changes", len(hunks)-max)
	}
	return strings.Join(hunks, "; ")
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}
