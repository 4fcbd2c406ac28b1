package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// snippetWord is a word of a snippet with its style, and whether a space
// comes before it.
type snippetWord struct {
	text  string
	style widget.RichTextStyle
	space bool
}

// snippetWords splits inline text segments into words, keeping each word's
// style; a word that runs across segments (a mark inside a word) stays one
// word made of parts.
func snippetWords(segs []widget.RichTextSegment) [][]snippetWord {
	var words [][]snippetWord
	space := false
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		var cur strings.Builder
		flush := func() {
			if cur.Len() == 0 {
				return
			}
			part := snippetWord{text: cur.String(), style: ts.Style, space: space}
			if !space && len(words) > 0 {
				words[len(words)-1] = append(words[len(words)-1], part)
			} else {
				words = append(words, []snippetWord{part})
			}
			cur.Reset()
			space = false
		}
		for _, r := range ts.Text {
			if unicode.IsSpace(r) {
				flush()
				space = true
				continue
			}
			cur.WriteRune(r)
		}
		flush()
	}
	return words
}

// measureWord is the width of a word's parts in their styles.
func measureWord(w []snippetWord) float32 {
	var width float32
	for _, p := range w {
		width += fyne.MeasureText(p.text, theme.TextSize(), p.style.TextStyle).Width
	}
	return width
}

// wrapSnippet lays segments out in lines of at most width, breaking only
// between words, and keeps at most maxLines lines, ending the last in "…"
// when text is left over. Each line but the last ends its paragraph, so
// the rich text shows exactly these lines and never wraps them again (its
// own wrapping of mixed styles can break a word letter by letter).
func wrapSnippet(segs []widget.RichTextSegment, width float32, maxLines int) []widget.RichTextSegment {
	words := snippetWords(segs)
	space := fyne.MeasureText(" ", theme.TextSize(), fyne.TextStyle{}).Width
	ellipsis := fyne.MeasureText("…", theme.TextSize(), fyne.TextStyle{}).Width
	var lines [][][]snippetWord
	var line [][]snippetWord
	var used float32
	cut := false
	for i, w := range words {
		ww := measureWord(w)
		need := ww
		if len(line) > 0 {
			need += space
		}
		if len(line) > 0 && used+need > width {
			lines = append(lines, line)
			line, used, need = nil, 0, ww
			if len(lines) == maxLines {
				cut = i < len(words)
				break
			}
		}
		line = append(line, w)
		used += need
	}
	if !cut && len(line) > 0 {
		lines = append(lines, line)
	}
	if cut && len(lines) > 0 {
		// Room for the ellipsis on the last line.
		last := lines[len(lines)-1]
		for len(last) > 1 {
			var w float32
			for j, x := range last {
				w += measureWord(x)
				if j > 0 {
					w += space
				}
			}
			if w+ellipsis <= width {
				break
			}
			last = last[:len(last)-1]
		}
		lines[len(lines)-1] = last
	}
	var out []widget.RichTextSegment
	for li, l := range lines {
		var segsOfLine []*widget.TextSegment
		add := func(text string, style widget.RichTextStyle) {
			if n := len(segsOfLine); n > 0 && segsOfLine[n-1].Style == style {
				segsOfLine[n-1].Text += text
				return
			}
			segsOfLine = append(segsOfLine, &widget.TextSegment{Text: text, Style: style})
		}
		for wi, w := range l {
			for pi, p := range w {
				text := p.text
				if pi == 0 && wi > 0 {
					// the space takes the style of the text before it
					add(" ", segsOfLine[len(segsOfLine)-1].Style)
				}
				add(text, p.style)
			}
		}
		if li == len(lines)-1 && cut {
			add("…", widget.RichTextStyleInline)
		}
		for i, s := range segsOfLine {
			if i == len(segsOfLine)-1 && li < len(lines)-1 {
				s.Style.Inline = false // ends the line
			}
			out = append(out, s)
		}
	}
	return out
}
