package app

import (
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// showTrimDialog lets the user cut words out of an excerpt's quotation: the
// entry holds the quotation, the user deletes what to leave out, and the
// parts kept become the quotation with […] where text was cut.
func showTrimDialog(u *ui, x *briefing.Excerpt) {
	id := x.ID
	full := x.Full
	e := newEscEntry(u, true)
	e.Wrapping = fyne.TextWrapWord
	e.SetText(strings.ReplaceAll(x.Text, briefing.Ellipsis, " "+briefing.Ellipsis+" "))
	e.SetMinRowsVisible(10)
	msg := widget.NewLabel("Delete the words to leave out; the cuts are marked […]. Wording cannot be changed.")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	d = dialog.NewForm("Trim quotation", "Trim", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("", msg), widget.NewFormItem("Quotation", e)},
		func(ok bool) {
			if !ok {
				return
			}
			if err := trimTo(u, id, full, e.Text); err != nil {
				u.showError(err)
			}
		}, u.win)
	d.Resize(fyne.NewSize(640, 420))
	u.showDialog(d)
}

// trimTo makes excerpt id quote only the parts of full that edited keeps.
func trimTo(u *ui, id, full, edited string) error {
	ranges, err := keptRanges(full, edited)
	if err != nil {
		return err
	}
	return u.edit(func(ed *briefing.Editor) error { return ed.TrimExcerptRanges(id, ranges) })
}

// token is a word or a punctuation mark of a text, at rune offsets.
type token struct {
	text       string
	start, end int
}

// tokens cuts s into words (runs of letters and digits) and single marks,
// skipping white space.
func tokens(s string) []token {
	var out []token
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
			out = append(out, token{string(rs[i:j]), i, j})
			i = j
		default:
			out = append(out, token{string(r), i, i + 1})
			i++
		}
	}
	return out
}

// keptRanges finds which parts of full an edited copy keeps, when the edit
// only deleted words or marks (and may hold […] marks): the fewest runs of
// full's words, in order, that read as edited. It fails when edited has
// wording full does not.
func keptRanges(full, edited string) ([]briefing.Range, error) {
	edited = strings.ReplaceAll(edited, briefing.Ellipsis, " ")
	f, e := tokens(full), tokens(edited)
	if len(e) == 0 {
		return nil, errors.New("nothing left to quote: keep at least a few words")
	}
	kept, err := keptTokens(reversed(f), reversed(e))
	if err != nil {
		return nil, err
	}
	var out []briefing.Range
	n := len(f)
	for j := 0; j < n; j++ {
		if !kept[n-1-j] {
			continue
		}
		if len(out) > 0 && j > 0 && kept[n-j] {
			out[len(out)-1].End = f[j].end
			continue
		}
		out = append(out, briefing.Range{Start: f[j].start, End: f[j].end})
	}
	return out, nil
}

// reversed returns the tokens in reverse order.
func reversed(ts []token) []token {
	out := make([]token, len(ts))
	for i, t := range ts {
		out[len(ts)-1-i] = t
	}
	return out
}

// keptTokens marks which tokens of f match e, in order, in the fewest runs;
// of equally few, it prefers runs that reach towards f's end. (keptRanges
// calls it on reversed tokens, so that a mark shared by two runs stays with
// the word before it.)
func keptTokens(f, e []token) ([]bool, error) {
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
			skip := min(runs[i][j-1][0], runs[i][j-1][1])
			runs[i][j][0] = skip
			if e[i-1].text == f[j-1].text {
				best := min(runs[i-1][j-1][0]+1, runs[i-1][j-1][1])
				runs[i][j][1] = best
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
