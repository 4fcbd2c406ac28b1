package briefing

import "strings"

// footerTitleRunes is how much of the title a page foot shows when there
// is no layout to measure it against (the PDF's room is about this).
const footerTitleRunes = 70

// cutAtWord returns the title for a page foot: the whole title (on one
// line) when its width is at most room, else as many whole words as fit
// with "…" after them, or "" when not even the first word fits. width
// measures a piece of text; each word is measured once, so a long title
// costs no more than its words. Every export cuts the footer title with
// it: the PDF with its font's widths, Word and ODT take the PDF's result.
func cutAtWord(title string, room float64, width func(string) float64) string {
	words := strings.Fields(title)
	if len(words) == 0 || room <= 0 {
		return ""
	}
	space, ellipsis := width(" "), width("…")
	// cum[i] is the width of the first i words
	cum := []float64{0}
	for i, word := range words {
		ww := width(word)
		if i > 0 {
			ww += space
		}
		if cum[i]+ww > room {
			break
		}
		cum = append(cum, cum[i]+ww)
	}
	fit := len(cum) - 1
	if fit == len(words) {
		return strings.Join(words, " ")
	}
	// back off until the ellipsis fits after the words kept
	for ; fit > 0; fit-- {
		if cum[fit]+ellipsis <= room {
			return strings.TrimRight(strings.Join(words[:fit], " "), ",;:.-–—") + "…"
		}
	}
	return ""
}

// runeWidth counts characters, to cut a title at footerTitleRunes.
func runeWidth(s string) float64 { return float64(len([]rune(s))) }
