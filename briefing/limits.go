package briefing

import (
	"fmt"
	"unicode/utf8"
)

// Limits on what an export lays out, so that time and memory stay bounded:
// a brief is a few pages, and a field thousands of times longer than any
// real one is a damaged or hostile file. Each is checked before any work,
// with a one-line error naming the field.
const (
	// MaxLineField is the most characters of a one-line field of the title
	// block (title, subtitle, author, addressee…) or a heading.
	MaxLineField = 2000
	// MaxParagraph is the most characters of a paragraph, a quotation, a
	// translation, a comment or a note (about 30 pages of text).
	MaxParagraph = 100_000
	// MaxPrinted is the most characters a whole brief may print.
	MaxPrinted = 2_000_000
)

// checkPrintable refuses a brief with a field over the limits.
func checkPrintable(b *Brief) error {
	total := 0
	var err error
	field := func(what, s string, limit int) {
		n := len(s)
		if n > limit { // bytes ≥ characters: count only when it may matter
			n = utf8.RuneCountInString(s)
		}
		total += n
		if err == nil && n > limit {
			err = fmt.Errorf("%s is %d characters long: a brief can print at most %d there", what, n, limit)
		}
	}
	h := b.Header
	for _, f := range []struct{ what, s string }{{"the title", h.Title}, {"the subtitle", h.Subtitle},
		{"the author", h.Author}, {"the organisation", h.Organisation}, {"the addressee", h.For},
		{"the date", h.Date}, {"the marking", h.Classification}, {"the purpose", h.Purpose}} {
		field(f.what, f.s, MaxLineField)
	}
	for i, m := range b.KeyMessages {
		field(fmt.Sprintf("key message %d", i+1), m, MaxParagraph)
	}
	for i, s := range b.Sections {
		field(fmt.Sprintf("the heading of section %d", i+1), s.Heading, MaxLineField)
		for k, p := range s.Text {
			field(fmt.Sprintf("paragraph %d of section %d", k+1, i+1), p, MaxParagraph)
		}
		for _, x := range s.Excerpts {
			field("the quotation of excerpt "+x.ID, x.Text, MaxParagraph)
			field("the translation of excerpt "+x.ID, x.Translation, MaxParagraph)
			field("the comment of excerpt "+x.ID, x.Comment, MaxParagraph)
			src := x.Source
			for _, f := range []string{src.Title, src.ShortTitle, src.Issuer, src.Place, src.Date, src.Reference, src.URL, x.Locator} {
				field("the source of excerpt "+x.ID, f, MaxLineField)
			}
			for _, n := range x.Notes {
				field("a source note of excerpt "+x.ID, n.Text, MaxParagraph)
				for _, u := range n.URLs {
					field("a source note of excerpt "+x.ID, u, MaxLineField)
				}
			}
		}
	}
	if err != nil {
		return err
	}
	if total > MaxPrinted {
		return fmt.Errorf("the brief is %d characters long: a brief can print at most %d", total, MaxPrinted)
	}
	return nil
}
