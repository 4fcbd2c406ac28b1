package briefing

import (
	"errors"
	"strings"
	"unicode"
)

// KeptRanges finds which parts of full an edited copy keeps, when the edit
// only deleted words or marks (and may hold Ellipsis marks where text was
// cut): the fewest runs of full's words, in order, that read as edited, as
// rune ranges of full ready for TrimExcerptRanges. It fails when edited is
// empty or has wording full does not (a quotation can be cut, not
// reworded).
func KeptRanges(full, edited string) ([]Range, error) {
	edited = strings.ReplaceAll(edited, Ellipsis, " ")
	f, e := trimTokens(full), trimTokens(edited)
	if len(e) == 0 {
		return nil, errors.New("nothing left to quote: keep at least a few words")
	}
	kept, err := keptTrimTokens(reversedTrimTokens(f), reversedTrimTokens(e))
	if err != nil {
		return nil, err
	}
	var out []Range
	n := len(f)
	for j := 0; j < n; j++ {
		if !kept[n-1-j] {
			continue
		}
		if len(out) > 0 && j > 0 && kept[n-j] {
			out[len(out)-1].End = f[j].end
			continue
		}
		out = append(out, Range{Start: f[j].start, End: f[j].end})
	}
	return out, nil
}

// trimToken is a word or a punctuation mark of a text, at rune offsets.
type trimToken struct {
	text       string
	start, end int
}

// trimTokens cuts s into words (runs of letters and digits) and single
// marks, skipping white space.
func trimTokens(s string) []trimToken {
	var out []trimToken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || unicode.IsMark(rs[j])) {
				j++
			}
			out = append(out, trimToken{string(rs[i:j]), i, j})
			i = j
		default:
			out = append(out, trimToken{string(r), i, i + 1})
			i++
		}
	}
	return out
}

// reversedTrimTokens returns the tokens in reverse order.
func reversedTrimTokens(ts []trimToken) []trimToken {
	out := make([]trimToken, len(ts))
	for i, t := range ts {
		out[len(ts)-1-i] = t
	}
	return out
}

// keptTrimTokens marks which tokens of f match e, in order, in the fewest
// runs; of equally few, it prefers runs that reach towards f's end.
// (KeptRanges calls it on reversed tokens, so that a mark shared by two
// runs stays with the word before it.)
func keptTrimTokens(f, e []trimToken) ([]bool, error) {
	n, m := len(f), len(e)
	const inf = 1 << 30
	// runs[i][j][k]: fewest runs matching e[:i] with f[:j], where k=1 means
	// f[j-1] is matched to e[i-1] (so the next match may extend the run).
	runs := make([][][2]int32, m+1)
	for i := range runs {
		runs[i] = make([][2]int32, n+1)
		for j := range runs[i] {
			runs[i][j] = [2]int32{inf, inf}
		}
	}
	for j := 0; j <= n; j++ {
		runs[0][j][0] = 0
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			runs[i][j][0] = min(runs[i][j-1][0], runs[i][j-1][1])
			if e[i-1].text == f[j-1].text {
				runs[i][j][1] = min(runs[i-1][j-1][0]+1, runs[i-1][j-1][1])
			}
		}
	}
	if min(runs[m][n][0], runs[m][n][1]) >= inf {
		return nil, errors.New("the quotation can only be cut, not reworded: undo the typing and delete words instead")
	}
	// Walk back to find which words of full were kept.
	kept := make([]bool, n)
	i, j := m, n
	k := 0
	if runs[m][n][1] <= runs[m][n][0] {
		k = 1
	}
	for i > 0 {
		if k == 0 {
			j--
			if runs[i][j][1] <= runs[i][j][0] {
				k = 1
			} else {
				k = 0
			}
			continue
		}
		kept[j-1] = true
		i--
		j--
		if i == 0 {
			break
		}
		// Prefer continuing the run when that is as good.
		if runs[i][j][1] <= runs[i][j][0]+1 && runs[i][j][1] < inf {
			k = 1
		} else {
			k = 0
		}
	}
	return kept, nil
}
