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
	// Misquoted: the quotation as it will be printed (Text, with its […]
	// cuts) is not a part of the library's passage, though the brief's
	// copy of the whole passage (Full) matches it: the quoted words were
	// changed by hand.
	Misquoted = "misquoted"
)

// Finding is an excerpt whose source passage changed or vanished since it
// was quoted. The brief keeps its snapshot and still exports the same.
type Finding struct {
	ExcerptID string
	PassageID string
	// Kind is Changed or Vanished.
	Kind string
	// Where describes the excerpt for a reader: section, document, and
	// the locator as the brief prints it ("par. 4" in an Italian brief).
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
	case Misquoted:
		return fmt.Sprintf("excerpt %s (%s): the quotation does not read as passage %s does: %s", f.ExcerptID, f.Where, f.PassageID, f.Diff)
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

// Check compares each excerpt with the library's current text, both the
// snapshot of the passage and the quotation as it will be printed, and
// returns the excerpts whose passage changed or vanished or whose
// quotation is not a part of it, in reading order. It stops at the first
// error of the checker.
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
				where += " " + FormatLocator(loc, b.Labels()) // as the brief prints it
			}
			f := Finding{ExcerptID: x.ID, PassageID: x.PassageID, Where: where}
			switch {
			case !found:
				f.Kind = Vanished
			case normalizeSpace(text) != normalizeSpace(x.Full):
				f.Kind = Changed
				f.Diff = WordDiff(x.Full, text, 3)
				f.QuoteIntact = ValidQuote(normalizeSpace(x.Text), normalizeSpace(text))
			case !ValidQuote(normalizeSpace(x.Text), normalizeSpace(text)):
				f.Kind = Misquoted
				f.Diff = quoteDiff(text, x.Text)
			default:
				continue
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// quoteDiff says how a quotation differs from the passage it cites, word
// by word: the changed and added words, not the ones its cuts leave out.
func quoteDiff(passage, quote string) string {
	quote = strings.ReplaceAll(quote, Ellipsis, " ")
	var kept []string
	for _, h := range wordHunks(passage, quote) {
		if len(h.add) > 0 {
			kept = append(kept, h.String())
		}
	}
	switch {
	case len(kept) == 0:
		return "its parts are not in the passage's order"
	case len(kept) > 3:
		return strings.Join(kept[:3], "; ") + fmt.Sprintf("; and %d more changes", len(kept)-3)
	}
	return strings.Join(kept, "; ")
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
	hs := wordHunks(old, new)
	if hs == nil {
		if a, b, big := bigDiff(old, new); big {
			return fmt.Sprintf(`−%d words +%d words`, a, b)
		}
	}
	out := make([]string, 0, len(hs))
	for _, h := range hs {
		out = append(out, h.String())
	}
	if len(out) > max {
		return strings.Join(out[:max], "; ") + fmt.Sprintf("; and %d more changes", len(out)-max)
	}
	return strings.Join(out, "; ")
}

// hunk is one change of a word diff: words removed and words added.
type hunk struct{ del, add []string }

// String is `−"removed words" +"added words"`.
func (h hunk) String() string {
	var p []string
	if len(h.del) > 0 {
		p = append(p, fmt.Sprintf("−%q", strings.Join(h.del, " ")))
	}
	if len(h.add) > 0 {
		p = append(p, fmt.Sprintf("+%q", strings.Join(h.add, " ")))
	}
	return strings.Join(p, " ")
}

// diffMiddle trims the words two texts share at the head and the tail and
// returns the rest of each.
func diffMiddle(old, new string) ([]string, []string) {
	a, b := strings.Fields(old), strings.Fields(new)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	return a[p : len(a)-q], b[p : len(b)-q]
}

// bigDiff reports whether the middles of two texts are too large to diff
// (more than 4 million word pairs), and their sizes in words.
func bigDiff(old, new string) (int, int, bool) {
	a, b := diffMiddle(old, new)
	return len(a), len(b), len(a)*len(b) > 4_000_000
}

// wordHunks diffs two texts word by word (a longest common subsequence of
// the middle that differs); nil when they are the same or too large.
func wordHunks(old, new string) []hunk {
	a, b := diffMiddle(old, new)
	if len(a)*len(b) > 4_000_000 {
		return nil
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
	var hunks []hunk
	var cur hunk
	flush := func() {
		if len(cur.del) > 0 || len(cur.add) > 0 {
			hunks = append(hunks, cur)
		}
		cur = hunk{}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			flush()
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			cur.add = append(cur.add, b[j])
			j++
		default:
			cur.del = append(cur.del, a[i])
			i++
		}
	}
	flush()
	return hunks
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}
