package corpus

import (
	"sort"
	"strings"
	"unicode/utf8"
)

var (
	reATX       = newAnchored(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	reListStart = newAnchored(`^(?:[-*•–]\s+|\d{1,3}[.)]\s+|[a-z][).]\s+|\([a-z0-9]{1,3}\)\s+)`)
	reSeparator = newAnchored(`^(?:_{5,}|-{10,})$`)
	reRule      = newAnchored(`^(?:[-*_=]\s*){3,}$`)
	reQuote     = newAnchored(`^(?:>\s?)+`)
)

// block is a run of source lines that makes one paragraph, heading or
// list item, before it is classified.
type block struct {
	lines []string
	// page is the page the block starts on (0 when the text has no pages).
	page int
	// afterBreak is true when a page break or a block of footnotes stands
	// between this block and the previous one.
	afterBreak bool
	// indent is the number of spaces before the block's first line.
	indent int
}

// text is the block's lines joined into one line: a line ending in a
// hyphen after a letter is joined without a space ("pre-" + "distacco").
func (b *block) text() string {
	if len(b.lines) == 1 {
		return collapseSpace(b.lines[0])
	}
	var sb strings.Builder
	for i, l := range b.lines {
		l = strings.TrimSpace(l)
		if i > 0 {
			prev := sb.String()
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && isLetterBefore(prev, len(prev)-1)) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l)
	}
	return collapseSpace(sb.String())
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r != utf8.RuneError && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
}

// scanner reads the lines of a text into blocks and footnotes.
type scanner struct {
	notes  *noteTable
	blocks []*block
	// doubleSpaced is true for PDF extractions where every text line is
	// followed by an empty one; a paragraph is then not ended by a blank.
	doubleSpaced bool
	// width is the usual length of a full line in a hard-wrapped text.
	width int

	cur       *block
	page      int
	broke     bool
	zone      int // 0 none, zoneSep, zoneSup, zoneMD
	note      *noteDef
	zoneNotes []*noteDef
	// furniture holds running heads and feet repeated on many pages, with
	// digits written as '#'.
	furniture map[string]bool
}

const (
	zoneSep = 1 + iota
	zoneSup
	zoneMD
)

// scanLines splits a normalised text (pages separated by form feeds) into
// blocks, taking footnotes out into notes.
func scanLines(text string, notes *noteTable, stop *stopCheck) []*block {
	pages := strings.Split(text, "\f")
	var all []string
	for _, p := range pages {
		all = append(all, strings.Split(p, "\n")...)
	}
	s := &scanner{notes: notes, furniture: pageFurniture(pages)}
	s.doubleSpaced, s.width = measure(all)
	paged := len(pages) > 1
	for pi, p := range pages {
		if paged {
			s.page = pi + 1
		}
		if pi > 0 {
			s.pageBreak()
		}
		lines := strings.Split(p, "\n")
		for i, raw := range lines {
			if stop.stopped() {
				return nil
			}
			s.line(raw, i > 0 && strings.TrimSpace(lines[i-1]) != "")
		}
	}
	s.endBlock()
	s.endZone()
	return s.blocks
}

// pageFurniture finds the running heads and feet of a paged text: short
// lines that open or close at least three pages and half of them (digits
// aside, so "Page 3" and "Page 4" count as one).
func pageFurniture(pages []string) map[string]bool {
	if len(pages) < 3 {
		return nil
	}
	count := map[string]int{}
	for _, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if t := strings.TrimSpace(l); t != "" {
				lines = append(lines, t)
			}
		}
		edge := map[string]bool{}
		for i, l := range lines {
			if (i < 2 || i >= len(lines)-2) && len(l) <= 100 {
				edge[furnitureKey(l)] = true
			}
		}
		for k := range edge {
			count[k]++
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 3 && n*2 >= len(pages) {
			out[k] = true
		}
	}
	return out
}

// furnitureKey is a line with spaces collapsed and digits written as '#'.
func furnitureKey(line string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, collapseSpace(line))
}

// measure tells whether a text is double-spaced and hard-wrapped (every
// line followed by an empty one, most lines ending mid-sentence), and the
// usual length of a full line.
func measure(lines []string) (bool, int) {
	var lengths []int
	nonBlank, followed, long, open := 0, 0, 0, 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonBlank++
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "" {
			followed++
		}
		n := utf8.RuneCountInString(t)
		lengths = append(lengths, n)
		if n > 40 {
			long++
			if !isTerminal(t) {
				open++
			}
		}
	}
	if len(lengths) == 0 {
		return false, 0
	}
	sort.Ints(lengths)
	width := lengths[len(lengths)*9/10]
	double := nonBlank >= 10 && followed*4 >= nonBlank*3 && long >= 10 && long*10 >= nonBlank*6 && open*2 >= long && width <= 140
	return double, width
}

// line reads one source line; prevNonBlank says whether the line before it
// on the same page had text.
func (s *scanner) line(full string, prevNonBlank bool) {
	raw := strings.TrimRight(full, " ")
	trimmed := strings.TrimSpace(raw)
	// In a double-spaced extraction, a line that starts with one space
	// straight after a text line begins a new page.
	if s.doubleSpaced && prevNonBlank && strings.HasPrefix(raw, " ") && !strings.HasPrefix(raw, "  ") && trimmed != "" {
		s.pageBreak()
	}
	if trimmed != "" && (len(s.furniture) > 0 && s.furniture[furnitureKey(trimmed)] || len(trimmed) <= 24 && rePageNumber.MatchString(trimmed)) {
		// A running head, foot or page number, even amid footnotes.
		return
	}
	if s.zone != 0 {
		if s.inZone(raw, trimmed) {
			return
		}
		s.endZone()
	}
	if trimmed == "" {
		if len(full) >= 10 {
			s.startZone(zoneSep)
			return
		}
		if !s.doubleSpaced {
			s.endBlock()
		}
		return
	}
	if reSeparator.MatchString(trimmed) {
		s.startZone(zoneSep)
		return
	}
	if reRule.MatchString(trimmed) {
		// A Markdown rule or a Setext underline ends a paragraph.
		s.endBlock()
		return
	}
	if q := reQuote.FindString(trimmed); q != "" {
		trimmed = strings.TrimSpace(trimmed[len(q):])
		if trimmed == "" {
			s.endBlock()
			return
		}
	}
	if m := reMDNoteDef.FindStringSubmatch(trimmed); m != nil {
		s.startZone(zoneMD)
		s.newNote(m[1], m[2], false)
		return
	}
	if m := reSupNoteDef.FindStringSubmatch(trimmed); m != nil {
		s.startZone(zoneSup)
		s.newNote(superscriptValue(m[1]), m[2], false)
		return
	}
	if isBoilerplateLine(trimmed) {
		s.endBlock()
		return
	}
	s.textLine(raw, trimmed)
}

// inZone reads a line inside a block of footnotes and says whether the
// line belonged to it.
func (s *scanner) inZone(raw, trimmed string) bool {
	if trimmed == "" {
		return true
	}
	if reURLLineOnly.MatchString(trimmed) {
		s.zoneURL(strings.Trim(trimmed, "<>"))
		return true
	}
	switch s.zone {
	case zoneMD:
		if m := reMDNoteDef.FindStringSubmatch(trimmed); m != nil {
			s.newNote(m[1], m[2], false)
			return true
		}
		if strings.HasPrefix(raw, "    ") || strings.HasPrefix(raw, "\t") {
			s.note.text = append(s.note.text, trimmed)
			return true
		}
	case zoneSup:
		if m := reSupNoteDef.FindStringSubmatch(trimmed); m != nil {
			s.newNote(superscriptValue(m[1]), m[2], false)
			return true
		}
	case zoneSep:
		if m := rePlainNote.FindStringSubmatch(trimmed); m != nil {
			s.newNote(m[1], m[2], true)
			return true
		}
		if m := reSupNoteDef.FindStringSubmatch(trimmed); m != nil {
			s.newNote(superscriptValue(m[1]), m[2], false)
			return true
		}
		if s.note == nil || reListStart.MatchString(trimmed) || isATX(trimmed) {
			return false
		}
		// A URL cut at a hyphen goes on on the next line.
		if k := len(s.note.URLs); k > 0 && strings.HasSuffix(s.note.URLs[k-1], "-") && !strings.Contains(trimmed, " ") {
			s.note.URLs[k-1] += trimmed
			return true
		}
		s.note.text = append(s.note.text, trimmed)
		return true
	}
	return false
}

// zoneURL attaches an address line to a footnote of the current block of
// footnotes. PDF extractions list the link targets of a page after its
// footnotes: an address already given is dropped, and one that follows a
// footnote which has its address already goes to the first earlier
// footnote of the page that has none.
func (s *scanner) zoneURL(u string) {
	if s.note == nil {
		return
	}
	for _, n := range s.zoneNotes {
		for _, have := range n.URLs {
			if have == u || strings.HasPrefix(u, have) && strings.HasSuffix(have, "-") {
				return
			}
		}
		for _, f := range findURLs(strings.Join(n.text, " ")) {
			if f == u {
				return
			}
		}
	}
	target := s.note
	if len(target.URLs) > 0 || len(findURLs(strings.Join(target.text, " "))) > 0 {
		for _, n := range s.zoneNotes {
			if len(n.URLs) == 0 && len(findURLs(strings.Join(n.text, " "))) == 0 {
				target = n
				break
			}
		}
	}
	target.URLs = append(target.URLs, u)
}

func (s *scanner) newNote(num, text string, plain bool) {
	s.note = s.notes.add(num, text, len(s.blocks), plain)
	s.note.markdown = s.zone == zoneMD
	s.zoneNotes = append(s.zoneNotes, s.note)
}

func (s *scanner) startZone(kind int) {
	s.endBlock()
	if s.zone == 0 {
		s.zoneNotes = nil
		s.note = nil
	}
	s.zone = kind
	s.broke = true
}

func (s *scanner) endZone() {
	if s.zone == 0 {
		return
	}
	s.zone = 0
	s.note = nil
	s.zoneNotes = nil
}

func (s *scanner) pageBreak() {
	s.endBlock()
	s.endZone()
	s.broke = true
}

// textLine adds a line of running text to the current block or starts a
// new one.
func (s *scanner) textLine(raw, trimmed string) {
	start := reListStart.MatchString(trimmed) || isATX(trimmed)
	if s.cur != nil {
		prev := s.cur.lines[len(s.cur.lines)-1]
		switch {
		case start || isATX(prev):
			s.endBlock()
		case s.doubleSpaced && (isCaps(trimmed) || isCaps(prev)):
			s.endBlock()
		case s.doubleSpaced && isTerminal(prev) && utf8.RuneCountInString(prev)*100 < s.width*85 && startsUpperOrDigit(trimmed):
			s.endBlock()
		case !s.doubleSpaced && len(s.cur.lines) == 1 && headingLine(prev, trimmed):
			// "Digital Government Systems" right above its paragraph.
			s.endBlock()
		}
	}
	if s.cur == nil {
		s.cur = &block{page: s.page, afterBreak: s.broke, indent: len(raw) - len(strings.TrimLeft(raw, " "))}
		s.broke = false
	}
	s.cur.lines = append(s.cur.lines, trimmed)
}

// headingLine reports whether line, followed directly by next, is a
// heading of its own rather than the first line of a paragraph.
func headingLine(line, next string) bool {
	if !looksLikeHeading(line) || !startsUpperOrDigit(next) {
		return false
	}
	return utf8.RuneCountInString(next) > utf8.RuneCountInString(line)*3/2 || isTerminal(next)
}

// looksLikeHeading reports whether a one-line text reads as a heading:
// short, starting with a capital or a number, with no closing punctuation.
func looksLikeHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || reListStart.MatchString(s) && !isATX(s) {
		return false
	}
	if utf8.RuneCountInString(s) > 120 || countFields(s) > 16 {
		return false
	}
	if isTerminal(s) || strings.HasSuffix(s, ",") || endsWithFunctionWord(s) {
		return false
	}
	return startsUpperOrDigit(s)
}

// functionWords are English and Italian words a heading does not end with,
// while a line of running text cut short often does.
var functionWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "from": true,
	"in": true, "into": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true,
	"that": true, "which": true, "is": true, "are": true, "be": true,
	"e": true, "ed": true, "o": true, "di": true, "del": true, "della": true, "dei": true, "delle": true,
	"degli": true, "il": true, "lo": true, "la": true, "le": true, "gli": true, "i": true, "un": true,
	"una": true, "per": true, "con": true, "da": true, "dal": true, "dalla": true, "che": true, "su": true,
	"sul": true, "sulla": true, "nel": true, "nella": true, "al": true, "alla": true, "ai": true, "alle": true,
	"tra": true, "fra": true, "non": true, "è": true,
}

// endsWithFunctionWord reports whether the last word of s is an article,
// preposition or conjunction.
func endsWithFunctionWord(s string) bool {
	last, more := lastField(s)
	if !more {
		return false
	}
	return functionWords[strings.ToLower(last)]
}

func (s *scanner) endBlock() {
	if s.cur != nil {
		s.blocks = append(s.blocks, s.cur)
		s.cur = nil
	}
}

// reSpace is the white space of Go's \s.
const reSpace = " \t\n\f\r"

// isATX is reATX.MatchString: one to six '#' and white space start the
// line (on a line without a newline, the rest of the pattern matches
// whatever follows).
func isATX(s string) bool {
	if strings.IndexByte(s, '\n') >= 0 {
		return reATX.MatchString(s)
	}
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(s) && strings.IndexByte(reSpace, s[n]) >= 0
}

// atxSubmatch is reATX.FindStringSubmatch: the line, its '#'s and its
// heading, white space and closing '#'s taken off as the pattern's lazy
// (.*?) leaves them.
func atxSubmatch(s string) []string {
	if strings.IndexByte(s, '\n') >= 0 {
		return reATX.FindStringSubmatch(s)
	}
	if !isATX(s) {
		return nil
	}
	n := strings.IndexFunc(s, func(r rune) bool { return r != '#' })
	rest := strings.TrimLeft(s[n:], reSpace)
	rest = strings.TrimRight(rest, reSpace)
	rest = strings.TrimRight(rest, "#")
	rest = strings.TrimRight(rest, reSpace)
	return []string{s, s[:n], rest}
}
