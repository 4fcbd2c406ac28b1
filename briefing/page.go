package briefing

import "strings"

// The laid-out brief: pages of drawing operations in millimetres from the
// page's top-left corner. Pagination (paginate.go) makes a Layout from the
// page content (page_content.go); the PDF writer (pdf.go) and the page
// preview (page_image.go) both draw the same Layout, so the preview shows
// the PDF's very line and page breaks.

// Layout is a brief laid out on pages as its PDF prints it.
type Layout struct {
	// PageW and PageH are the paper's size in millimetres.
	PageW, PageH float64
	// Pages are the pages in order.
	Pages []Page
	// Limit is the brief's page budget (Brief.PageBudget), 0 for none.
	Limit int
	// Contents reports whether the layout has a contents list.
	Contents bool

	targets []linkTarget // internal link targets by ID-1
}

// Over reports whether the brief has more pages than its budget.
func (l *Layout) Over() bool { return l.Limit > 0 && len(l.Pages) > l.Limit }

// Page is one page of a Layout.
type Page struct {
	// Lines are the page's lines of body text and notes, top to bottom,
	// with the part of the outline each belongs to.
	Lines []Line
	ops   []op
}

// Line is a line of text on a page.
type Line struct {
	// Y and H are the line's top and height in millimetres.
	Y, H float64
	// Text is the line's words, a label (note or section number) first.
	Text string
	// Section and Excerpt are the IDs of the section and the excerpt the
	// line belongs to ("" for the title block, key messages, contents,
	// notes of no excerpt and the Sources list).
	Section, Excerpt string
	// Note is set for a footnote line.
	Note bool
}

// At returns the line of the page at height y (millimetres from the top),
// or the nearest line above it, and whether there is one.
func (p *Page) At(y float64) (Line, bool) {
	var best Line
	found := false
	for _, ln := range p.Lines {
		if ln.Y <= y+0.01 {
			best, found = ln, true
		}
		if ln.Y <= y && y < ln.Y+ln.H {
			return ln, true
		}
	}
	if !found && len(p.Lines) > 0 {
		return p.Lines[0], true
	}
	return best, found
}

// opKind says what an op draws.
type opKind uint8

const (
	opText     opKind = iota // text at (x, y = baseline) in st
	opRule                   // a line from (x, y) to (w, h) of width st.size in st.color
	opRect                   // a rectangle x, y, w, h, filled when fill
	opURL                    // a link to text (an address) over x, y, w, h
	opLink                   // a link to internal target link over x, y, w, h
	opBookmark               // an outline entry text at level, at height y
	opTarget                 // internal target link lands here, at height y
)

// op is one drawing operation on a page.
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	st         style
	fill       bool
	link       int
	level      int
}

// linkTarget is where an internal link lands.
type linkTarget struct {
	page int // 1-based
	y    float64
}

// lineText is a typeset line's words as plain text.
func lineText(ln line) string {
	var sb strings.Builder
	for _, a := range ln.atoms {
		if a.space {
			sb.WriteByte(' ')
		}
		sb.WriteString(a.text)
	}
	return strings.TrimSpace(sb.String())
}
