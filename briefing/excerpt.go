package briefing

import (
	"fmt"
	"sort"
	"strings"
)

// Ellipsis marks where a quotation was cut.
const Ellipsis = "[…]"

// Range is a part of a passage's full text kept in a quotation, as rune
// (character) offsets: Start included, End excluded.
type Range struct {
	Start, End int
}

// QuoteText returns the quotation made of the given parts of full, in order,
// with Ellipsis wherever text was cut (before, between or after the parts).
// Ranges must not overlap and must lie inside full.
func QuoteText(full string, ranges []Range) (string, error) {
	rs := []rune(full)
	if len(ranges) == 0 {
		return "", fmt.Errorf("nothing to keep of the quotation")
	}
	sorted := append([]Range(nil), ranges...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var parts []string
	prevEnd := 0
	for i, r := range sorted {
		if r.Start < 0 || r.End > len(rs) || r.Start >= r.End {
			return "", fmt.Errorf("cut %d–%d is outside the quotation's %d characters", r.Start, r.End, len(rs))
		}
		if i > 0 && r.Start < prevEnd {
			return "", fmt.Errorf("cuts %d–%d and %d–%d overlap", sorted[i-1].Start, sorted[i-1].End, r.Start, r.End)
		}
		piece := strings.TrimSpace(string(rs[r.Start:r.End]))
		cutBefore := strings.TrimSpace(string(rs[prevEnd:r.Start])) != ""
		if cutBefore {
			parts = append(parts, Ellipsis)
		}
		if piece != "" {
			parts = append(parts, piece)
		}
		prevEnd = r.End
	}
	if strings.TrimSpace(string(rs[prevEnd:])) != "" {
		parts = append(parts, Ellipsis)
	}
	text := strings.Join(parts, " ")
	if strings.Trim(strings.ReplaceAll(text, Ellipsis, ""), " ") == "" {
		return "", fmt.Errorf("nothing to keep of the quotation")
	}
	return text, nil
}

// ValidQuote reports whether text is full, or parts of full in order joined
// by Ellipsis: what a trimmed quotation must always be.
func ValidQuote(text, full string) bool {
	pos := 0
	kept := false
	for _, piece := range strings.Split(text, Ellipsis) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		i := strings.Index(full[pos:], piece)
		if i < 0 {
			return false
		}
		pos += i + len(piece)
		kept = true
	}
	return kept
}

// TrimExcerpt keeps only the characters start to end (rune offsets into
// the excerpt's Full text) of a quotation.
func (b *Brief) TrimExcerpt(id string, start, end int) error {
	return b.TrimExcerptRanges(id, []Range{{start, end}})
}

// TrimExcerptRanges keeps only the given parts of a quotation's Full text.
func (b *Brief) TrimExcerptRanges(id string, ranges []Range) error {
	x, _, _ := b.Excerpt(id)
	if x == nil {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	text, err := QuoteText(x.Full, ranges)
	if err != nil {
		return err
	}
	x.Text = text
	return nil
}

// TrimExcerptTo keeps only the part of a quotation that reads keep, which
// must occur in its Full text.
func (b *Brief) TrimExcerptTo(id, keep string) error {
	x, _, _ := b.Excerpt(id)
	if x == nil {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	keep = strings.TrimSpace(keep)
	i := strings.Index(x.Full, keep)
	if keep == "" || i < 0 {
		return fmt.Errorf("%q is not part of the quoted passage", shorten(keep, 40))
	}
	start := len([]rune(x.Full[:i]))
	return b.TrimExcerpt(id, start, start+len([]rune(keep)))
}

// RestoreExcerpt undoes every cut: the quotation is the whole passage again.
func (b *Brief) RestoreExcerpt(id string) error {
	x, _, _ := b.Excerpt(id)
	if x == nil {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	x.Text = x.Full
	return nil
}

// shorten cuts s to at most n runes, adding "…" when cut.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
