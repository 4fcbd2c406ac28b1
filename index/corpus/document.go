// Package corpus turns raw texts into documents: cleaned, cut into citable
// passages, each with a pinpoint locator, its section path and its notes.
//
// It knows nothing of search (package index) or of briefs (package
// briefing). Every type here is plain data that can be stored as JSON.
package corpus

// Meta describes a document as a reader would cite it.
type Meta struct {
	// ID is short, stable and unique in the library, e.g. "join-2025-140".
	ID string `json:"id"`
	// Title is the title in the document's own language.
	Title string `json:"title"`
	// ShortTitle is used in short citations and in lists.
	ShortTitle string `json:"short_title,omitempty"`
	// Issuer is the body that issued the text; several are joined by "; ".
	Issuer string `json:"issuer,omitempty"`
	// Date is an ISO 8601 date, possibly partial ("2024-03").
	Date string `json:"date,omitempty"`
	// Place is where the document was issued, as printed on it.
	Place string `json:"place,omitempty"`
	// Lang is the ISO 639-1 code of the document's language ("en", "it").
	Lang string `json:"lang"`
	// Kind says what sort of document it is ("press release", "joint communication").
	Kind string `json:"kind,omitempty"`
	// Reference is the official reference, e.g. "JOIN(2025) 140 final".
	Reference string `json:"reference,omitempty"`
	// URL is where the original can be found, if known.
	URL string `json:"url,omitempty"`
	// Source is the file name of the original text.
	Source string `json:"source,omitempty"`
	// Checksum is the hex SHA-256 of the original bytes.
	Checksum string `json:"checksum,omitempty"`
}

// Document is one text of the library, cleaned and cut into passages.
type Document struct {
	Meta
	// Sections lists the document's headings in reading order.
	Sections []Section `json:"sections"`
	// Passages lists the document's passages in reading order.
	Passages []Passage `json:"passages"`
}

// Section is a heading of a document, numbered or not.
type Section struct {
	// Number is the heading's number as printed ("2", "4.1"), or empty.
	Number string `json:"number,omitempty"`
	// Heading is the heading's text, without its number.
	Heading string `json:"heading"`
	// Level is 1 for top-level headings, 2 for their sub-headings, and so on.
	Level int `json:"level"`
	// First is the Seq of the first passage under this heading.
	First int `json:"first"`
}

// Passage is the unit of search and quotation: a numbered paragraph, a
// lettered point, a list item or an ordinary paragraph.
type Passage struct {
	// ID is stable: the same document text gives the same ID on every run.
	ID string `json:"id"`
	// DocID is the ID of the document the passage belongs to.
	DocID string `json:"doc"`
	// Lang is the passage's language.
	Lang string `json:"lang"`
	// Seq is the passage's position in its document, from 0.
	Seq int `json:"seq"`
	// Kind is "paragraph", "point" (lettered), "item" (numbered list) or "bullet".
	Kind string `json:"kind"`
	// Locator is a pinpoint a reader of the original can find, e.g. "para. 4(c)".
	Locator string `json:"locator"`
	// Section is the path of headings above the passage, outermost first.
	Section []string `json:"section,omitempty"`
	// Page is the page of the original the passage starts on, or 0.
	Page int `json:"page,omitempty"`
	// Text is the clean text: joined lines, no footnote marks, no markup.
	Text string `json:"text"`
	// Notes are the source's own footnotes referenced from the passage.
	Notes []Note `json:"notes,omitempty"`
	// Themes are the IDs of the themes the passage is about, strongest first.
	Themes []string `json:"themes,omitempty"`
}

// Note is a footnote of the source text.
type Note struct {
	// Number is the footnote's number as printed in the source.
	Number string `json:"number"`
	// Text is the footnote's clean text.
	Text string `json:"text"`
	// URLs are the addresses the footnote cites.
	URLs []string `json:"urls,omitempty"`
	// Mark is where the note's mark stood in the passage: the rune offset
	// in the passage's text just after the word it followed, or 0 when
	// unknown (a footnote no mark refers to, attached to the passage above).
	Mark int `json:"mark,omitempty"`
}
