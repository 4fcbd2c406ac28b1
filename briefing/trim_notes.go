package briefing

import (
	"strings"
	"unicode/utf8"
)

// Honest trims: a source note belongs to the words its mark followed. When
// a trim cuts those words away, the note leaves the quotation with them.

// KeptNotes returns the source notes of an excerpt that its quotation
// still carries: those whose Mark lies in a kept part of Full (just after
// a kept word), and those whose mark position is unknown (Mark 0). An
// untrimmed quotation keeps them all.
func (x *Excerpt) KeptNotes() []Note {
	if x.Text == x.Full || len(x.Notes) == 0 {
		return x.Notes
	}
	kept := keptParts(x.Text, x.Full)
	var out []Note
	for _, n := range x.Notes {
		if n.Mark <= 0 || markKept(n.Mark, kept) {
			out = append(out, n)
		}
	}
	return out
}

// keptParts finds where the pieces of a quotation (text split at Ellipsis)
// stand in full, as rune ranges, matching them in order as ValidQuote
// does. A piece not found ends the search.
func keptParts(text, full string) []Range {
	var out []Range
	pos := 0
	for _, piece := range strings.Split(text, Ellipsis) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		i := strings.Index(full[pos:], piece)
		if i < 0 {
			break
		}
		start := utf8.RuneCountInString(full[:pos+i])
		out = append(out, Range{Start: start, End: start + utf8.RuneCountInString(piece)})
		pos += i + len(piece)
	}
	return out
}

// markKept reports whether a mark at rune offset m (just after a word)
// stands in one of the kept ranges: after a kept word's first character,
// up to its end.
func markKept(m int, kept []Range) bool {
	for _, r := range kept {
		if m > r.Start && m <= r.End {
			return true
		}
	}
	return false
}

// notePlaces returns, for each of KeptNotes, the rune offset in Text just
// after the word its mark followed, or -1 when the mark's place is unknown
// (its mark then goes at the end of the quotation, with the citation's).
func (x *Excerpt) notePlaces() []int {
	notes := x.KeptNotes()
	out := make([]int, len(notes))
	type part struct {
		full Range
		text int
	}
	var parts []part
	if x.Text == x.Full {
		parts = []part{{Range{0, utf8.RuneCountInString(x.Full)}, 0}}
	} else {
		cursor := 0 // byte offset in Text
		for _, r := range keptParts(x.Text, x.Full) {
			piece := string([]rune(x.Full)[r.Start:r.End])
			i := strings.Index(x.Text[cursor:], piece)
			if i < 0 {
				break
			}
			parts = append(parts, part{r, utf8.RuneCountInString(x.Text[:cursor+i])})
			cursor += i + len(piece)
		}
	}
	for k, n := range notes {
		out[k] = -1
		for _, p := range parts {
			if n.Mark > p.full.Start && n.Mark <= p.full.End {
				out[k] = p.text + n.Mark - p.full.Start
			}
		}
	}
	return out
}
