package extract

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"attache/lazyregexp"
)

// line is a line of text on a PDF page.
type line struct {
	y, x, xEnd, size float64
	text             string
	// bold and mono say the line's first run is set in a bold or a
	// monospaced face.
	bold, mono bool
}

// pdfPage is one page's lines in reading order, and the page's height.
type pdfPage struct {
	lines  []line
	bottom float64
	top    float64
}

// extractPDF reads a PDF with a text layer. It runs the reader in its own
// goroutine so that a file the reader loops on fails after PDFTimeout.
func extractPDF(data []byte) (*Result, error) {
	type answer struct {
		r   *Result
		err error
	}
	done := make(chan answer, 1)
	deadline := time.Now().Add(PDFTimeout)
	go func() {
		r, err := readPDF(data, deadline)
		done <- answer{r, err}
	}()
	timer := time.NewTimer(PDFTimeout + 2*time.Second)
	defer timer.Stop()
	select {
	case a := <-done:
		return a.r, a.err
	case <-timer.C:
		return nil, fmt.Errorf("%w: reading the PDF took longer than %v", ErrBroken, PDFTimeout)
	}
}

// readPDF does extractPDF's work, turning the reader's panics into errors.
func readPDF(data []byte, deadline time.Time) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrBroken, p)
		}
	}()
	rd, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(err.Error()), "encrypt") {
			return nil, fmt.Errorf("%w: the PDF needs a password", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: %v", ErrBroken, err)
	}
	pages, err := pdfPages(rd)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: the PDF has no pages", ErrBroken)
	}
	res = &Result{Pages: len(pages)}
	info := rd.Trailer().Key("Info")
	res.Title = pdfString(info.Key("Title"))
	res.Author = pdfString(info.Key("Author"))
	res.Description = pdfString(info.Key("Subject"))
	res.Date = pdfString(info.Key("CreationDate"))
	res.Lang = pdfString(rd.Trailer().Key("Root").Key("Lang"))

	pr := &pageReader{fonts: map[uint64]*pdfFont{}, deadline: deadline}
	var all []pdfPage
	var failed int
	for i, p := range pages {
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%w: reading the PDF took longer than %v", ErrBroken, PDFTimeout)
		}
		runs, err := pr.pageRuns(p)
		if err != nil {
			if errors.Is(err, errPDFTimeout) {
				return nil, fmt.Errorf("%w: reading the PDF took longer than %v", ErrBroken, PDFTimeout)
			}
			failed++
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v", i+1, err))
		}
		bottom, top := pageBox(p)
		all = append(all, pdfPage{lines: runsToLines(runs), bottom: bottom, top: top})
	}
	if failed == len(pages) {
		return nil, fmt.Errorf("%w: no page could be read", ErrBroken)
	}
	chars := 0
	for _, p := range all {
		for _, l := range p.lines {
			chars += utf8.RuneCountInString(strings.TrimSpace(l.text))
		}
	}
	if chars < 20*len(pages)/10+10 {
		return nil, fmt.Errorf("%w: the PDF has no text layer (a scan?); run OCR on it first", ErrNoText)
	}
	if !readableText(all) {
		return nil, fmt.Errorf("%w: the PDF's text layer is unreadable (its fonts map no characters to Unicode)", ErrNoText)
	}
	text, title := layoutPDF(all)
	res.Text = text
	if res.Title == "" || looksLikeFileName(res.Title) {
		res.Title = title
	}
	return res, nil
}

// pageBox returns the bottom and top of a page's media box.
func pageBox(p pdf.Page) (float64, float64) {
	box, err := inherited(p.V, "MediaBox")
	if err != nil || box.Len() != 4 {
		return 0, 842
	}
	return math.Min(box.Index(1).Float64(), box.Index(3).Float64()), math.Max(box.Index(1).Float64(), box.Index(3).Float64())
}

// readableText reports whether the text decoded from the pages is mostly
// letters: fonts without a Unicode map decode to control characters,
// private-use code points and stray symbols.
func readableText(pages []pdfPage) bool {
	letters, other := 0, 0
	for _, p := range pages {
		for _, l := range p.lines {
			for _, r := range l.text {
				switch {
				case unicode.IsLetter(r) || unicode.IsDigit(r):
					letters++
				case unicode.IsSpace(r):
				default:
					other++
				}
			}
		}
	}
	return letters >= 2*other/3 && letters > 0
}

// pdfString reads a PDF text string (PDFDocEncoding or UTF-16).
func pdfString(v pdf.Value) string {
	if v.Kind() != pdf.String {
		return ""
	}
	return strings.TrimSpace(v.Text())
}

// looksLikeFileName reports whether a PDF's Title property is a file name
// or a placeholder rather than a title.
func looksLikeFileName(s string) bool {
	l := strings.ToLower(s)
	for _, ext := range []string{".doc", ".docx", ".pdf", ".tex", ".dvi", ".odt", ".indd", ".qxp"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return l == "untitled" || strings.HasPrefix(l, "microsoft word")
}

// runsToLines groups a page's runs into lines, in content order: a run
// starts a new line when it moves down (or up) by more than half its size
// or jumps back left; runs on a line are joined with a space where the gap
// between them is wider than a sixth of the font size.
func runsToLines(runs []run) []line {
	var lines []line
	var cur *line
	var b strings.Builder
	flush := func() {
		if cur != nil {
			cur.text = b.String()
			if strings.TrimSpace(cur.text) != "" {
				lines = append(lines, *cur)
			}
		}
		cur = nil
		b.Reset()
	}
	for _, r := range runs {
		if r.size <= 0 {
			r.size = 1
		}
		text := ligatures.Replace(r.text)
		text = strings.Map(func(c rune) rune {
			if c == '\n' || c == '\r' || c == '\t' || c == 0xa0 {
				return ' '
			}
			if c < 0x20 || c == 0xfffd {
				return -1
			}
			return c
		}, text)
		if text == "" {
			continue
		}
		if cur != nil {
			ref := math.Max(r.size, cur.size)
			dy := math.Abs(r.y - cur.y)
			super := r.size < 0.85*cur.size && r.y > cur.y && dy < 0.8*cur.size
			if (dy > 0.5*ref && !super) || r.x < cur.xEnd-2*ref {
				flush()
			} else {
				if super && isDigits(strings.TrimSpace(text)) {
					b.WriteString("[^" + strings.TrimSpace(text) + "]")
					cur.xEnd = math.Max(cur.xEnd, r.xEnd)
					continue
				}
				gap := r.x - cur.xEnd
				s := b.String()
				if gap > ref/6 && !strings.HasSuffix(s, " ") && !strings.HasPrefix(text, " ") {
					b.WriteByte(' ')
				}
				b.WriteString(text)
				cur.xEnd = math.Max(cur.xEnd, r.xEnd)
				if r.size > cur.size && !super {
					cur.size = r.size
				}
				continue
			}
		}
		cur = &line{y: r.y, x: r.x, xEnd: r.xEnd, size: r.size}
		if r.font != nil {
			cur.bold, cur.mono = r.font.bold, r.font.mono
		}
		b.WriteString(text)
	}
	flush()
	for i := range lines {
		lines[i].text = strings.Join(strings.Fields(leaders.ReplaceAllString(lines[i].text, " … ")), " ")
	}
	return lines
}

func isDigits(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ligatures spells out the typographic ligatures fonts map to one glyph.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

var (
	pageNumber  = lazyregexp.New(`(?i)^[-–—\s]*(page\s+|pagina\s+|p\.\s*|seite\s+)?([0-9]+|[ivxlcdm]+)(\s*(/|of|di|de|von)\s*[0-9]+)?[-–—\s]*$`)
	digitsRun   = lazyregexp.New(`[0-9]+`)
	romanRun    = lazyregexp.New(`\b[ivxlcdm]+$`)
	leaders     = lazyregexp.New(`(?:\s?[.:·…_]){4,}\s?`)
	noteStart   = lazyregexp.New(`^(?:\[\^)?([0-9]{1,3})(?:\])?[.)]?(?:\s+|\s*([\p{Lu}"“”«‘]))(\S.*)$`)
	endsHyphen  = lazyregexp.New(`\p{L}[-\x{00AD}]$`)
	sentenceEnd = lazyregexp.New(`[.:;!?”"»)]$`)
)

// layoutPDF turns the pages' lines into the corpus text form: running
// headers, footers and page numbers dropped, footnotes as [^N]: notes,
// headings as # lines, paragraphs separated by blank lines, hyphenation at
// line ends joined, a form feed between pages. It also returns the first
// page's largest line as a title guess.
func layoutPDF(pages []pdfPage) (string, string) {
	body := bodySize(pages)
	running := runningLines(pages)
	headingSizes := headingLevels(pages, body)
	var out strings.Builder
	title := ""
	for pi, p := range pages {
		if pi > 0 {
			out.WriteString("\n\f\n")
		}
		lines := dropRunning(p, running)
		lines, notes := splitNotes(lines, body)
		if pi == 0 {
			title = titleGuess(lines, body)
		}
		writeLines(&out, lines, body, headingSizes)
		for _, n := range notes {
			out.WriteString("\n\n" + n)
		}
	}
	return out.String(), title
}

// bodySize is the font size most of the text is set in.
func bodySize(pages []pdfPage) float64 {
	count := map[float64]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			count[math.Round(l.size*2)/2] += len(l.text)
		}
	}
	best, n := 10.0, 0
	for s, c := range count {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// headingLevels maps the font sizes clearly larger than the body text, used
// on short lines, to heading levels, largest first (at most three levels).
func headingLevels(pages []pdfPage, body float64) map[float64]int {
	seen := map[float64]bool{}
	for _, p := range pages {
		for _, l := range p.lines {
			if isHeading(l, body) {
				seen[math.Round(l.size*2)/2] = true
			}
		}
	}
	var sizes []float64
	for s := range seen {
		sizes = append(sizes, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	levels := map[float64]int{}
	for i, s := range sizes {
		levels[s] = min(i+1, 3)
	}
	return levels
}

// isHeading reports whether a line looks like a heading: short, clearly
// larger than the body text, and bold unless much larger; never code.
func isHeading(l line, body float64) bool {
	return !l.mono && len(l.text) < 150 && (l.size > 1.15*body && l.bold || l.size > 1.4*body)
}

// runningKey is a line's text with its numbers blanked, so that "Page 3"
// and "Page 4" match.
func runningKey(s string) string {
	return digitsRun.ReplaceAllString(romanRun.ReplaceAllString(strings.ToLower(s), "#"), "#")
}

// runningLines finds headers and footers: lines among the first or last
// two of a page that recur on at least half of the pages (three or more).
func runningLines(pages []pdfPage) map[string]bool {
	out := map[string]bool{}
	if len(pages) < 3 {
		return out
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range p.edgeIndexes() {
			k := runningKey(p.lines[i].text)
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for k, n := range count {
		if n*2 >= len(pages) {
			out[k] = true
		}
	}
	return out
}

// edgeIndexes lists the indexes of the lines in the top or bottom tenth
// of the page, among the first two and last two lines.
func (p pdfPage) edgeIndexes() []int {
	var idx []int
	n := len(p.lines)
	band := (p.top - p.bottom) / 10
	for i, l := range p.lines {
		if (i < 2 || i >= n-2) && (l.y > p.top-band || l.y < p.bottom+band) {
			idx = append(idx, i)
		}
	}
	return idx
}

// dropRunning removes running headers and footers and bare page numbers
// from the top and bottom lines of a page.
func dropRunning(p pdfPage, running map[string]bool) []line {
	lines := p.lines
	drop := map[int]bool{}
	for _, i := range p.edgeIndexes() {
		t := lines[i].text
		if running[runningKey(t)] || pageNumber.MatchString(t) {
			drop[i] = true
		}
	}
	var out []line
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// splitNotes takes the footnotes off the foot of a page: a block of lines
// in a smaller font than the body, below the body text, whose first line
// starts with a number. Each note becomes "[^N]: text".
func splitNotes(lines []line, body float64) ([]line, []string) {
	start := len(lines)
	for start > 0 && lines[start-1].size < 0.92*body {
		start--
	}
	for start < len(lines) && (lines[start].mono || !noteStart.MatchString(lines[start].text)) {
		start++
	}
	if start == len(lines) || start == 0 {
		return lines, nil
	}
	// The notes sit below the body text.
	if lines[start].y > lines[start-1].y {
		return lines, nil
	}
	var notes []string
	for _, l := range lines[start:] {
		if m := noteStart.FindStringSubmatch(l.text); m != nil && !l.mono {
			notes = append(notes, "[^"+m[1]+"]: "+m[2]+m[3])
			continue
		}
		notes[len(notes)-1] = joinLine(notes[len(notes)-1], l.text)
	}
	return lines[:start], notes
}

// joinLine joins the next line of a paragraph to it, undoing a hyphen that
// split a word at the line end.
func joinLine(s, next string) string {
	if endsHyphen.MatchString(s) {
		r, _ := utf8.DecodeRuneInString(next)
		if unicode.IsLower(r) {
			_, size := utf8.DecodeLastRuneInString(s)
			return s[:len(s)-size] + next
		}
	}
	return s + " " + next
}

// titleGuess returns the largest line near the top of the first page, when
// it is set larger than the body text.
func titleGuess(lines []line, body float64) string {
	best := -1
	for i, l := range lines {
		if i > 15 {
			break
		}
		if l.size > 1.2*body && len(l.text) < 200 && (best < 0 || l.size > lines[best].size) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	t := lines[best].text
	// A title set over two lines of the same size.
	if best+1 < len(lines) && math.Abs(lines[best+1].size-lines[best].size) < 0.1 && len(t) < 100 {
		t += " " + lines[best+1].text
	}
	return t
}

// writeLines writes a page's body lines as paragraphs and headings.
func writeLines(out *strings.Builder, lines []line, body float64, levels map[float64]int) {
	spacing := lineSpacing(lines, body)
	right := 0.0
	for _, l := range lines {
		right = math.Max(right, l.xEnd)
	}
	para := ""
	flush := func() {
		if para != "" {
			out.WriteString("\n\n" + para)
			para = ""
		}
	}
	for i, l := range lines {
		if lv := levels[math.Round(l.size*2)/2]; lv > 0 && isHeading(l, body) {
			// Consecutive heading lines of the same size are one heading.
			if i > 0 && math.Abs(lines[i-1].size-l.size) < 0.1 && strings.HasPrefix(para, "#") {
				para = joinLine(para, l.text)
				continue
			}
			flush()
			para = strings.Repeat("#", lv) + " " + l.text
			continue
		}
		if para != "" && i > 0 {
			prev := lines[i-1]
			gap := prev.y - l.y
			newPara := strings.HasPrefix(para, "#") ||
				gap > 1.6*spacing || gap < -spacing ||
				math.Abs(prev.size-l.size) > 0.15*body ||
				sentenceEnd.MatchString(prev.text) && prev.xEnd < right-0.15*(right-minX(lines)) ||
				startsItem(l.text)
			if !newPara {
				para = joinLine(para, l.text)
				continue
			}
		}
		flush()
		para = l.text
		if startsItem(para) {
			_, size := utf8.DecodeRuneInString(para)
			para = "- " + strings.TrimSpace(para[size:])
		}
	}
	flush()
}

// startsItem reports whether a line starts a list item.
func startsItem(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '•' || r == '–' && strings.HasPrefix(s, "– ") || r == '▪' || r == '◦' || r == '-' && strings.HasPrefix(s, "- ")
}

// minX is the leftmost start of the lines.
func minX(lines []line) float64 {
	m := math.Inf(1)
	for _, l := range lines {
		m = math.Min(m, l.x)
	}
	return m
}

// lineSpacing is the commonest distance between consecutive body lines.
func lineSpacing(lines []line, body float64) float64 {
	count := map[float64]int{}
	for i := 1; i < len(lines); i++ {
		d := math.Round(lines[i-1].y - lines[i].y)
		if d > 0 && d < 3*body {
			count[d]++
		}
	}
	best, n := 1.2*body, 0
	for d, c := range count {
		if c > n || c == n && d < best {
			best, n = d, c
		}
	}
	return best
}
