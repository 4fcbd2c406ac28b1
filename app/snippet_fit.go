package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"
)

// fitLocator shortens a locator until fits accepts it by cutting the
// quoted heading in it rather than its end, so that the pinpoint (para. 3,
// point 2, p. 7) stays in view: `"Safe, secure and trustworthy…", para. 3`.
// A locator without a quoted heading, or one that does not fit even with
// a few characters of its heading, is returned whole (the line's own
// ellipsis then cuts its end).
func fitLocator(loc string, fits func(string) bool) string {
	if fits(loc) {
		return loc
	}
	open := strings.IndexRune(loc, '"')
	if open < 0 {
		return loc
	}
	closing := strings.IndexRune(loc[open+1:], '"')
	if closing < 0 {
		return loc
	}
	rs := []rune(loc)
	a := len([]rune(loc[:open+1]))
	b := a + len([]rune(loc[open+1:open+1+closing]))
	const minKeep = 8
	for keep := b - a - 1; keep >= minKeep; keep-- {
		short := string(rs[:a]) + strings.TrimRight(string(rs[a:a+keep]), " ,;:") + "…" + string(rs[b:])
		if fits(short) {
			return short
		}
	}
	return loc
}

// fitSegments cuts segments to about n runes around the first emphasised
// one, marking the cuts with "…".
func fitSegments(segs []widget.RichTextSegment, n int) []widget.RichTextSegment {
	total, first := 0, -1
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if first < 0 && ts.Style.TextStyle.Bold {
			first = total
		}
		total += len([]rune(ts.Text))
	}
	if total <= n {
		return segs
	}
	start := 0
	if first > n/3 {
		start = first - n/3
	}
	end := min(total, start+n)
	start, end = wordBounds(segs, start, end, first)
	var out []widget.RichTextSegment
	pos := 0
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		rs := []rune(ts.Text)
		a, b := max(start-pos, 0), min(end-pos, len(rs))
		pos += len(rs)
		if a >= b {
			continue
		}
		out = append(out, &widget.TextSegment{Style: ts.Style, Text: string(rs[a:b])})
	}
	if len(out) > 0 {
		if start > 0 {
			f := out[0].(*widget.TextSegment)
			f.Text = "…" + strings.TrimLeft(f.Text, " ")
		}
		if end < total {
			l := out[len(out)-1].(*widget.TextSegment)
			l.Text = strings.TrimRight(l.Text, " ") + "…"
		}
	}
	return out
}

// wordBounds moves a cut at start forward, and one at end back, to the
// nearest space, so that a snippet does not begin or end in the middle of
// a word; it never moves start past first (the first emphasised rune) nor
// by more than a long word.
func wordBounds(segs []widget.RichTextSegment, start, end, first int) (int, int) {
	var rs []rune
	for _, s := range segs {
		rs = append(rs, []rune(s.(*widget.TextSegment).Text)...)
	}
	const longWord = 20
	if start > 0 && !unicode.IsSpace(rs[start-1]) {
		for i := start; i < len(rs) && i < start+longWord && (first < 0 || i < first); i++ {
			if unicode.IsSpace(rs[i]) {
				start = i + 1
				break
			}
		}
	}
	if end < len(rs) && !unicode.IsSpace(rs[end]) {
		for i := end - 1; i > start && i > end-longWord && i > first; i-- {
			if unicode.IsSpace(rs[i]) {
				end = i
				break
			}
		}
	}
	return start, end
}
