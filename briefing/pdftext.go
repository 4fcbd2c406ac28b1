package briefing

import (
	"strings"
)

// A small typesetter with fpdf's metrics: rich runs are cut into atoms
// (pieces of words in one style), atoms into lines, and lines are drawn at
// a position on a page of a Layout. fpdf's own MultiCell cannot mix styles
// on a line, put links on words or tell us where each note mark lands,
// which footnotes need.

const ptmm = 25.4 / 72 // millimetres per point

// prun is a run of text to typeset.
type prun struct {
	text string
	st   style
	// sup makes the run a superscript note mark; notes are its numbers.
	sup   bool
	notes []int
	url   string
	link  int
}

// atom is an unbreakable piece of text in one style.
type atom struct {
	text  string
	st    style
	w     float64
	space bool // a breakable space comes before it
	sup   bool
	notes []int
	url   string
	link  int
}

// line is a typeset line: atoms at x offsets from the line's left edge.
type line struct {
	atoms []atom
	xs    []float64
	dx    float64 // offset of the line from the paragraph's left edge
	w     float64 // natural width
	h     float64 // height in mm
	base  float64 // baseline below the line's top
	marks []int   // note numbers whose marks stand on the line
}

// setter typesets with the PDF's font metrics and draws on a page.
type setter struct {
	m    *metrics
	g    *glyphs
	page *Page // where draw puts its operations
	// measured counts the characters measured, to test that layout work
	// stays linear in the brief's size.
	measured int
}

func (s *setter) width(text string, st style) float64 {
	s.measured += len(text)
	return s.m.width(text, st)
}

// supStyle is the style of a superscript mark after text in st.
func supStyle(st style) style {
	st.size = st.size * 0.62
	st.family, st.style = "serif", ""
	return st
}

// atoms cuts runs into atoms. Spaces become the breakable "space before"
// of the next atom; marks never have one.
func (s *setter) atoms(runs []prun) []atom {
	var out []atom
	pending := false
	for _, r := range runs {
		st := r.st
		text := r.text
		if r.sup {
			st = supStyle(st)
			text = MarkText(r.notes)
		}
		for _, seg := range s.g.split(text, st) {
			var cur strings.Builder
			emit := func() {
				if cur.Len() == 0 {
					return
				}
				a := atom{text: cur.String(), st: seg.st, space: pending && len(out) > 0 && !r.sup,
					sup: r.sup, notes: r.notes, url: r.url, link: r.link}
				a.w = s.width(a.text, a.st)
				out = append(out, a)
				cur.Reset()
				pending = false
			}
			for _, c := range seg.text {
				if c == ' ' {
					emit()
					pending = true
					continue
				}
				cur.WriteRune(c)
			}
			emit()
		}
	}
	return out
}

// layout breaks runs into lines: the first line width firstW at offset
// firstDX, the others restW at restDX. justify stretches the spaces of
// every line but the last.
func (s *setter) layout(runs []prun, firstDX, firstW, restDX, restW float64, lead float64, justify bool) []line {
	atoms := s.atoms(runs)
	var lines []line
	var cur line
	width := func() float64 {
		if len(lines) == 0 {
			return firstW
		}
		return restW
	}
	spaceW := func(st style) float64 { return s.width(" ", st) }
	finish := func() {
		if len(cur.atoms) == 0 {
			return
		}
		if len(lines) == 0 {
			cur.dx = firstDX
		} else {
			cur.dx = restDX
		}
		lines = append(lines, cur)
		cur = line{}
	}
	add := func(a atom) {
		x := cur.w
		if a.space && len(cur.atoms) > 0 {
			x += spaceW(a.st)
		}
		if len(cur.atoms) == 0 {
			a.space = false
		}
		cur.atoms = append(cur.atoms, a)
		cur.xs = append(cur.xs, x)
		cur.w = x + a.w
	}
	for i := 0; i < len(atoms); {
		// a group is a word: atoms up to the next breakable space
		j := i + 1
		for j < len(atoms) && !atoms[j].space {
			j++
		}
		gw := 0.0
		for _, a := range atoms[i:j] {
			gw += a.w
		}
		sp := 0.0
		if len(cur.atoms) > 0 {
			sp = spaceW(atoms[i].st)
		}
		switch {
		case len(cur.atoms) > 0 && cur.w+sp+gw <= width()+0.01:
			for _, a := range atoms[i:j] {
				add(a)
			}
		case gw <= width()+0.01:
			finish()
			for _, a := range atoms[i:j] {
				add(a)
			}
		default:
			// a word wider than the line (an address): break it anywhere
			for _, a := range atoms[i:j] {
				rest := []rune(a.text)
				for len(rest) > 0 {
					room := width() - cur.w
					if len(cur.atoms) > 0 && a.space {
						room -= spaceW(a.st)
					}
					// widths add up character by character (no kerning),
					// so measure one more at a time
					n, adv := 0, 0
					for n < len(rest) {
						next := adv + s.m.advance(a.st, rest[n])
						if scaled(next, a.st) > room {
							break
						}
						adv = next
						n++
					}
					s.measured += n
					if n == 0 {
						if len(cur.atoms) == 0 {
							n = 1 // a single character wider than the line
						} else {
							finish()
							continue
						}
					}
					if n < len(rest) {
						// prefer to break an address after a slash or hyphen
						for k := n - 1; k >= n/2 && k > 0; k-- {
							if strings.ContainsRune("/-?&=", rest[k]) {
								n = k + 1
								break
							}
						}
					}
					piece := a
					piece.text = string(rest[:n])
					piece.w = s.width(piece.text, a.st)
					add(piece)
					a.space = false
					rest = rest[n:]
					if len(rest) > 0 {
						finish()
					}
				}
			}
		}
		i = j
	}
	finish()
	for k := range lines {
		ln := &lines[k]
		maxSize := 0.0
		for _, a := range ln.atoms {
			if !a.sup && a.st.size > maxSize {
				maxSize = a.st.size
			}
			if a.sup {
				ln.marks = append(ln.marks, a.notes...)
			}
		}
		if maxSize == 0 {
			maxSize = ln.atoms[0].st.size / 0.62
		}
		ln.h = maxSize * lead * ptmm
		ln.base = (ln.h-maxSize*ptmm)/2 + 0.8*maxSize*ptmm
		w := firstW
		if k > 0 {
			w = restW
		}
		if justify && k < len(lines)-1 {
			spaces := 0
			for _, a := range ln.atoms[1:] {
				if a.space {
					spaces++
				}
			}
			extra := w - ln.w
			if spaces > 0 && extra > 0 && extra/float64(spaces) < 4 {
				per := extra / float64(spaces)
				shift := 0.0
				for ai := range ln.atoms {
					if ai > 0 && ln.atoms[ai].space {
						shift += per
					}
					ln.xs[ai] += shift
				}
				ln.w = w
			}
		}
	}
	return lines
}

// draw puts a line on the page with its top-left corner at (x, y): each
// atom's text at its baseline, and its links.
func (s *setter) draw(ln line, x, y float64) {
	for i, a := range ln.atoms {
		ax := x + ln.dx + ln.xs[i]
		base := y + ln.base
		if a.sup {
			base -= a.st.size / 0.62 * ptmm * 0.36
		}
		s.page.ops = append(s.page.ops, op{kind: opText, x: ax, y: base, text: a.text, st: a.st})
		if a.url != "" {
			s.page.ops = append(s.page.ops, op{kind: opURL, x: ax, y: y, w: a.w, h: ln.h, text: a.url})
		}
		if a.link != 0 {
			s.page.ops = append(s.page.ops, op{kind: opLink, x: ax, y: y, w: a.w, h: ln.h, link: a.link})
		}
	}
}

// linesHeight is the height of the first n lines (all when n < 0).
func linesHeight(lines []line, n int) float64 {
	if n < 0 || n > len(lines) {
		n = len(lines)
	}
	h := 0.0
	for _, ln := range lines[:n] {
		h += ln.h
	}
	return h
}
