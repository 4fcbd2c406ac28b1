// Package briefing is the brief: a short structured document built from
// quoted passages of the library and the author's own words.
//
// It holds the model (Brief, Section, Excerpt), the operations the window
// needs with undo and redo (Editor), the .brief file, citations, and the PDF
// and Markdown exports. It knows nothing of the library: an excerpt keeps a
// snapshot of what it quotes, so a brief stays valid and exports the same
// when the library changes. Package bridge joins the two.
package briefing

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Brief is one brief: its title block, key messages and ordered sections.
//
// The zero value is an empty brief. A Brief is plain data; change it through
// an Editor to get undo and redo, or through its methods directly.
type Brief struct {
	// FormatVersion is the file format version the brief was read with
	// ("1.0"); empty for a new brief. Save writes the newer of this and
	// Version.
	FormatVersion string `json:"-"`
	Header
	// KeyMessages are the few sentences the reader must take away.
	KeyMessages []string `json:"key_messages,omitempty"`
	// Sections are the brief's sections in reading order.
	Sections []Section `json:"sections"`
	// Extra keeps fields this version does not know, written by a newer
	// minor version, so that they survive a load and save.
	Extra map[string]json.RawMessage `json:"-"`
}

// Header is a brief's title block.
type Header struct {
	// Title is the brief's title.
	Title string `json:"title"`
	// Subtitle is optional.
	Subtitle string `json:"subtitle,omitempty"`
	// Author and Organisation say who the brief is from.
	Author       string `json:"author,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	// For is the addressee ("the Minister", "Ambassador X").
	For string `json:"for,omitempty"`
	// Date is an ISO 8601 date ("2026-11-23"), or free text.
	Date string `json:"date,omitempty"`
	// Classification is the handling marking printed at the top and bottom
	// of every page ("RESTRICTED"), or empty for none.
	Classification string `json:"classification,omitempty"`
	// Lang is the language of the brief's own labels: "en" or "it".
	Lang string `json:"lang,omitempty"`
	// Purpose is a purpose ID ("information", "decision", "meeting") or free
	// text, shown under the title.
	Purpose string `json:"purpose,omitempty"`
	// Template is the ID of the template the brief was started from.
	Template string `json:"template,omitempty"`
	// PageLimit is the brief's page budget; 0 means its template's
	// (Template.PageLimit). See Brief.PageBudget.
	PageLimit int `json:"page_limit,omitempty"`
	// Contents says when the exports print a contents list: ContentsAuto
	// (also ""), ContentsOn or ContentsOff. See Brief.ContentsMode.
	Contents string `json:"contents,omitempty"`
	// Sources says whether the exports print the Sources list: SourcesOn
	// (also "") or SourcesOff.
	Sources string `json:"sources,omitempty"`
}

// Section is a part of a brief: a heading, the author's text and quotations.
type Section struct {
	// ID is unique in the brief and stable across edits.
	ID string `json:"id"`
	// Heading is the section's heading, without its number.
	Heading string `json:"heading"`
	// Text is the author's text, one string per paragraph.
	Text []string `json:"text,omitempty"`
	// Theme is an optional theme ID the section is about.
	Theme string `json:"theme,omitempty"`
	// Excerpts are the section's quotations in reading order.
	Excerpts []Excerpt `json:"excerpts,omitempty"`
	// Extra keeps unknown fields (see Brief.Extra).
	Extra map[string]json.RawMessage `json:"-"`
}

// Excerpt is a quotation in a brief with a snapshot of what it quotes.
type Excerpt struct {
	// ID is unique in the brief and stable across edits.
	ID string `json:"id"`
	// PassageID is the ID of the quoted passage in the library.
	PassageID string `json:"passage"`
	// Source describes the quoted document as it was when quoted.
	Source Source `json:"source"`
	// Lang is the passage's language; empty means Source.Lang.
	Lang string `json:"lang,omitempty"`
	// Locator is the pinpoint in the original, e.g. "para. 4(c)".
	Locator string `json:"locator,omitempty"`
	// Page is the page of the original the passage starts on, or 0.
	Page int `json:"page,omitempty"`
	// SectionPath is the path of headings above the passage in its document.
	SectionPath []string `json:"section_path,omitempty"`
	// Text is the quoted text: Full, or parts of it joined by Ellipsis.
	Text string `json:"text"`
	// Full is the whole passage text when it was quoted.
	Full string `json:"full"`
	// Notes are the passage's own footnotes.
	Notes []Note `json:"notes,omitempty"`
	// Translation is the analyst's own translation of Text into the
	// brief's label language, or empty. It is printed labelled ("Own
	// translation") in the template's TranslationLayout; the quote check
	// still checks Text against Full.
	Translation string `json:"translation,omitempty"`
	// Comment is the author's comment, printed after the quotation.
	Comment string `json:"comment,omitempty"`
	// Themes are the passage's theme IDs.
	Themes []string `json:"themes,omitempty"`
	// Extra keeps unknown fields (see Brief.Extra).
	Extra map[string]json.RawMessage `json:"-"`
}

// Source is a snapshot of the metadata of a quoted document.
type Source struct {
	// DocID is the document's ID in the library.
	DocID string `json:"doc"`
	// Title is the title in the document's own language.
	Title string `json:"title"`
	// ShortTitle is used in short citations.
	ShortTitle string `json:"short_title,omitempty"`
	// Issuer is the body that issued the text; several are joined by "; ".
	Issuer string `json:"issuer,omitempty"`
	// Date is an ISO 8601 date, possibly partial ("2024-03").
	Date string `json:"date,omitempty"`
	// Place is where the document was issued.
	Place string `json:"place,omitempty"`
	// Lang is the document's language ("en", "it").
	Lang string `json:"lang,omitempty"`
	// Kind says what sort of document it is.
	Kind string `json:"kind,omitempty"`
	// Reference is the official reference, e.g. "JOIN(2025) 140 final".
	Reference string `json:"reference,omitempty"`
	// URL is where the original can be found.
	URL string `json:"url,omitempty"`
}

// Note is a footnote of the quoted source.
type Note struct {
	// Number is the footnote's number as printed in the source.
	Number string `json:"number"`
	// Text is the footnote's text.
	Text string `json:"text"`
	// URLs are the addresses the footnote cites.
	URLs []string `json:"urls,omitempty"`
	// Mark is where the note's mark stood in the source: the rune offset in
	// the excerpt's Full text just after the word it followed, or 0 when
	// unknown (briefs made before marks were recorded). A trim that cuts
	// that word away drops the note from the quotation (see KeptNotes).
	Mark int `json:"mark,omitempty"`
}

// Language returns the excerpt's language: Lang, else the source's.
func (x *Excerpt) Language() string {
	if x.Lang != "" {
		return x.Lang
	}
	return x.Source.Lang
}

// Labels returns the brief's label language, "en" unless it is "it".
func (b *Brief) Labels() string {
	if b.Lang == "it" {
		return "it"
	}
	return "en"
}

// From says who the brief is from, as its title block prints it: the author
// and the organisation, joined by a comma, whichever are given.
func (h Header) From() string {
	return strings.Join(nonEmpty(h.Author, h.Organisation), ", ")
}

// Section returns the section with the given ID and its index, or nil and -1.
func (b *Brief) Section(id string) (*Section, int) {
	for i := range b.Sections {
		if b.Sections[i].ID == id {
			return &b.Sections[i], i
		}
	}
	return nil, -1
}

// SectionByHeading returns the first section whose heading matches heading
// (ignoring case and surrounding space), or nil.
func (b *Brief) SectionByHeading(heading string) *Section {
	h := strings.TrimSpace(heading)
	for i := range b.Sections {
		if strings.EqualFold(strings.TrimSpace(b.Sections[i].Heading), h) {
			return &b.Sections[i]
		}
	}
	return nil
}

// Excerpt returns the excerpt with the given ID, the index of its section and
// its index in that section, or nil, -1, -1.
func (b *Brief) Excerpt(id string) (*Excerpt, int, int) {
	for i := range b.Sections {
		for j := range b.Sections[i].Excerpts {
			if b.Sections[i].Excerpts[j].ID == id {
				return &b.Sections[i].Excerpts[j], i, j
			}
		}
	}
	return nil, -1, -1
}

// Excerpts returns all excerpts in reading order.
func (b *Brief) Excerpts() []*Excerpt {
	var xs []*Excerpt
	for i := range b.Sections {
		for j := range b.Sections[i].Excerpts {
			xs = append(xs, &b.Sections[i].Excerpts[j])
		}
	}
	return xs
}

// Clone returns a deep copy of the brief.
func (b *Brief) Clone() *Brief {
	c := *b
	c.KeyMessages = cloneStrings(b.KeyMessages)
	c.Extra = cloneRaw(b.Extra)
	if b.Sections != nil {
		c.Sections = make([]Section, len(b.Sections))
		for i := range b.Sections {
			c.Sections[i] = b.Sections[i].clone()
		}
	}
	return &c
}

func (s Section) clone() Section {
	c := s
	c.Text = cloneStrings(s.Text)
	c.Extra = cloneRaw(s.Extra)
	if s.Excerpts != nil {
		c.Excerpts = make([]Excerpt, len(s.Excerpts))
		for i := range s.Excerpts {
			c.Excerpts[i] = s.Excerpts[i].Clone()
		}
	}
	return c
}

// Clone returns a deep copy of the excerpt.
func (x Excerpt) Clone() Excerpt {
	c := x
	c.SectionPath = cloneStrings(x.SectionPath)
	c.Themes = cloneStrings(x.Themes)
	c.Extra = cloneRaw(x.Extra)
	if x.Notes != nil {
		c.Notes = make([]Note, len(x.Notes))
		for i, n := range x.Notes {
			n.URLs = cloneStrings(n.URLs)
			c.Notes[i] = n
		}
	}
	return c
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	c := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		c[k] = append(json.RawMessage(nil), v...)
	}
	return c
}

// newID returns an ID with the given prefix ("s", "x") not yet used in the
// brief.
func (b *Brief) newID(prefix string) string {
	used := map[string]bool{}
	for _, s := range b.Sections {
		used[s.ID] = true
		for _, x := range s.Excerpts {
			used[x.ID] = true
		}
	}
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s%d", prefix, n)
		if !used[id] {
			return id
		}
	}
}

// Paragraphs splits text into paragraphs at blank lines, trimming each and
// dropping empty ones.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
