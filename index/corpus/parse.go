package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/lazyregexp"
)

// ErrNoText is returned (wrapped) by Parse when a text holds no passage.
var ErrNoText = errors.New("no text")

// Passage kinds.
const (
	KindParagraph = "paragraph"
	KindPoint     = "point"
	KindItem      = "item"
	KindBullet    = "bullet"
)

var (
	reBullet    = newAnchored(`^[-*•–]\s+`)
	reLettered  = newAnchored(`^\(?([a-z])\)\s+`)
	reNumDot    = newAnchored(`^(\d{1,3})\.\s+`)
	reNumMulti  = newAnchored(`^(\d{1,3}(?:\.\d{1,3})+)\.?\s+`)
	reNumParen  = newAnchored(`^\(?(\d{1,3})\)\s+`)
	reHeadNum   = newAnchored(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)
	reDateOrRef = lazyregexp.New(`(?i)\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|(COM|JOIN|SWD|C)\s*\(\d{4}\)|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4})`)
)

// unit is a classified block: a heading or a piece of a passage.
type unit struct {
	kind     string // a passage kind, or "heading"
	text     string // clean text, markers taken off
	label    string // "4" for para 4 or point 4, "c" for point (c)
	numbered bool   // a numbered paragraph or heading "N."
	level    int    // heading level
	atx      bool   // a Markdown heading
	page     int
	broke    bool
	indent   int
	block    int // index of the block it came from
}

// Parse cleans a raw text and cuts it into sections and passages.
//
// It reads the text form described in DEVELOPERS.md (paragraphs, Markdown
// headings, list items, footnotes, form feeds between pages) and the seeds'
// own forms: hard-wrapped double-spaced PDF extractions, footnote blocks at
// page feet, superscript and glued-digit footnote marks, web boilerplate.
// It fails on invalid UTF-8 and on a text with no passage in it.
func Parse(meta Meta, raw []byte) (*Document, error) {
	return ParseContext(context.Background(), meta, raw)
}

// ParseContext is Parse that gives up when ctx is done, within a fraction
// of a second whatever the size of the text, with an error wrapping
// ctx.Err(). An import passes its context, so that a cancel is not kept
// waiting by one large file.
func ParseContext(ctx context.Context, meta Meta, raw []byte) (*Document, error) {
	name := meta.ID
	if name == "" {
		name = meta.Source
	}
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("document %q: text is not valid UTF-8 (convert it first)", name)
	}
	meta.oneLine()
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	text := strings.ReplaceAll(string(raw), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = normalizeRunes(text)
	if strings.TrimSpace(strings.ReplaceAll(text, "\f", "")) == "" {
		return nil, fmt.Errorf("document %q: %w", name, ErrNoText)
	}
	stop := &stopCheck{ctx: ctx}
	notes := newNoteTable()
	blocks := scanLines(text, notes, stop)
	notes.finish()
	units := classify(meta, blocks, stop)
	doc := build(meta, units, notes, stop)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("document %q: %w", name, err)
	}
	if len(doc.Passages) == 0 {
		return nil, fmt.Errorf("document %q: %w", name, ErrNoText)
	}
	assignIDs(doc)
	return doc, nil
}

// oneLine puts the metadata a reader sees (an imported file's title is
// often its name) on one line: control characters and line separators
// become spaces and runs of spaces one, so that no list, report or
// citation prints a line the metadata forged.
func (m *Meta) oneLine() {
	for _, f := range []*string{&m.Title, &m.ShortTitle, &m.Issuer, &m.Date, &m.Place, &m.Kind, &m.Reference, &m.Source} {
		if strings.ContainsFunc(*f, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' }) {
			*f = collapseSpace(strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
					return ' '
				}
				return r
			}, *f))
		}
	}
}

// classify turns blocks into headings and passage pieces, drops the
// document's front matter and repeated titles, and joins paragraphs cut by
// a page break.
func classify(meta Meta, blocks []*block, stop *stopCheck) []unit {
	units := make([]unit, 0, len(blocks))
	for i, b := range blocks {
		if stop.stopped() {
			return nil
		}
		u := classifyBlock(b)
		u.block = i
		if u.text == "" {
			continue
		}
		// A short line followed by text in lower case is a cut sentence.
		if n := len(units); n > 0 && startsLower(u.text) && u.kind == KindParagraph {
			if prev := &units[n-1]; prev.kind == "heading" && !prev.atx && !prev.numbered && prev.label == "" {
				prev.kind = KindParagraph
			}
		}
		units = append(units, u)
	}
	if !hasPassage(units) {
		// Short lines and nothing else: they are the text, not headings.
		for i := range units {
			if units[i].kind == "heading" && !units[i].atx {
				units[i].kind, units[i].numbered = KindParagraph, false
			}
		}
		return units
	}
	units = dropFrontMatter(meta, units)
	units = dropRepeatedTitles(meta, units)
	return joinContinuations(units)
}

// hasPassage reports whether some unit is not a heading.
func hasPassage(units []unit) bool {
	for _, u := range units {
		if u.kind != "heading" {
			return true
		}
	}
	return false
}

// classifyBlock decides what a block is and cleans its text.
func classifyBlock(b *block) unit {
	raw := b.text()
	u := unit{kind: KindParagraph, page: b.page, broke: b.afterBreak, indent: b.indent}
	if m := atxSubmatch(raw); m != nil {
		u.kind, u.atx, u.level = "heading", true, len(m[1])
		u.text = headingText(m[2])
		if n := reHeadNum.FindStringSubmatch(u.text); n != nil && !isTerminal(n[2]) && startsUpperOrDigit(n[2]) {
			u.label, u.text = n[1], n[2]
		}
		return u
	}
	bullet := false
	if m := reBullet.FindString(raw); m != "" {
		bullet = true
		raw = raw[len(m):]
		u.kind = KindBullet
	}
	switch {
	case reLettered.MatchString(raw):
		m := reLettered.FindStringSubmatch(raw)
		u.kind, u.label, raw = KindPoint, m[1], raw[len(m[0]):]
	case reNumParen.MatchString(raw):
		m := reNumParen.FindStringSubmatch(raw)
		u.kind, u.label, raw = KindItem, m[1], raw[len(m[0]):]
	case !bullet && reNumMulti.MatchString(raw) && isHeadingBlock(b, strings.TrimSpace(reNumMulti.ReplaceAllString(raw, ""))):
		// "4.1 Sub-heading" or "4.1. Sub-heading"
		m := reNumMulti.FindStringSubmatch(raw)
		u.kind, u.label, u.numbered = "heading", m[1], true
		u.text = headingText(raw[len(m[0]):])
		return u
	case reNumDot.MatchString(raw):
		m := reNumDot.FindStringSubmatch(raw)
		rest := raw[len(m[0]):]
		clean, _ := cleanInline(rest)
		if !bullet && len(b.lines) <= 2 && (isCaps(clean) && utf8.RuneCountInString(clean) <= 200 || looksLikeHeading(clean) && len(b.lines) == 1) && !isTerminal(clean) {
			u.kind, u.label, u.numbered, u.level = "heading", m[1], true, 1
			u.text = headingText(clean)
			return u
		}
		u.kind, u.label, u.numbered, raw = KindItem, m[1], true, rest
	}
	clean, _ := cleanInline(raw)
	u.text = trimBoilerplateTail(clean)
	if u.kind == KindParagraph && isHeadingBlock(b, u.text) {
		u.kind, u.level = "heading", 0
		u.text = headingText(u.text)
	}
	return u
}

// isHeadingBlock reports whether an unmarked block is a heading: a short
// line with no closing punctuation, or capitals.
func isHeadingBlock(b *block, text string) bool {
	if len(b.lines) > 3 || !looksLikeHeading(text) {
		return false
	}
	return isCaps(text) || len(b.lines) == 1
}

// headingText cleans a heading: markup off, spaces collapsed.
func headingText(s string) string {
	t, _ := cleanInline(s)
	return strings.TrimRight(tidy(t), " .")
}

// isBody reports whether a unit is a passage that is not front-matter-like
// (a real sentence, or a list item).
func isBody(u unit) bool {
	if u.kind == "heading" {
		return u.atx || u.numbered
	}
	if u.kind != KindParagraph {
		return true
	}
	return isTerminal(u.text) || len(strings.Fields(u.text)) > 15
}

// dropFrontMatter removes the title block at the head of a document
// (issuer, place and date, reference, document type, title): the short
// unpunctuated lines before the first real paragraph or numbered heading.
// The last of them stays as a heading when it reads like one and is not
// the title, a date or a reference.
func dropFrontMatter(meta Meta, units []unit) []unit {
	first := 0
	for first < len(units) && !isBody(units[first]) {
		first++
	}
	if first == 0 || first == len(units) {
		return units
	}
	keep := -1
	if last := units[first-1]; units[first].kind != "heading" && last.kind == "heading" &&
		!isCaps(last.text) && !sameText(last.text, meta.Title) && !sameText(last.text, meta.ShortTitle) &&
		!reDateOrRef.MatchString(last.text) && (meta.Reference == "" || !strings.Contains(last.text, meta.Reference)) {
		keep = first - 1
	}
	out := units[first:]
	if keep >= 0 {
		out = append([]unit{units[keep]}, out...)
	}
	return out
}

// dropRepeatedTitles removes headings that repeat the document's title or
// the heading just before them.
func dropRepeatedTitles(meta Meta, units []unit) []unit {
	out := make([]unit, 0, len(units))
	title := sameTextKey(meta.Title)
	prevHeading, prevKey := "", ""
	for _, u := range units {
		if u.kind == "heading" {
			// sameText(u.text, meta.Title) || sameText(u.text, prevHeading),
			// the title's form and the previous heading's worked out once
			k := sameTextKey(u.text)
			if u.text != "" && (meta.Title != "" && k == title || prevHeading != "" && k == prevKey) {
				continue
			}
			prevHeading, prevKey = u.text, k
		} else {
			prevHeading, prevKey = "", ""
		}
		out = append(out, u)
	}
	return out
}

// sameTextReplacer evens out apostrophes and drops bold marks for sameText.
var sameTextReplacer = strings.NewReplacer("’", "'", "‘", "'", "**", "")

// sameText compares two texts ignoring case, spaces and apostrophe forms.
func sameText(a, b string) bool {
	return a != "" && b != "" && sameTextKey(a) == sameTextKey(b)
}

// sameTextKey is the form of a text that sameText compares.
func sameTextKey(s string) string {
	s = sameTextReplacer.Replace(s)
	return strings.ToLower(collapseSpace(s))
}

// maxContinuations is how many pieces joinContinuations joins onto one
// passage: a paragraph running over two page breaks. The bound keeps
// thousands of short paragraphs that each look like a continuation (lower
// case, no full stop) from becoming one passage, and the join linear.
const maxContinuations = 2

// joinContinuations joins a paragraph to the passage before it when that
// one stops mid-sentence and the paragraph carries on after a page break,
// its footnotes, or a blank line (starting in lower case), at most
// maxContinuations times per passage.
func joinContinuations(units []unit) []unit {
	out := make([]unit, 0, len(units))
	joined := 0 // pieces joined onto the last unit of out
	for _, u := range units {
		if n := len(out); n > 0 && u.kind == KindParagraph && u.label == "" && joined < maxContinuations {
			prev := &out[n-1]
			if prev.kind != "heading" && !isTerminal(prev.text) && (u.broke || startsLower(u.text)) {
				prev.text += " " + u.text
				joined++
				continue
			}
		}
		out = append(out, u)
		joined = 0
	}
	return out
}
