package briefing

import (
	"fmt"
	"strings"
)

// Rendered is a brief resolved for printing, in no particular format: the
// words around the author's text in the label language, the citations (full,
// then short), the notes numbered in reading order with the source's own
// notes, the Sources list, the marking and whether there is a contents list.
// Every export reads it, so that a Word, ODT or Markdown file says what the
// PDF says; each writer only decides how it looks.
type Rendered struct {
	// Lang is the brief's label language ("en", "it"); LangTag is the
	// language tag of the brief's own text ("en-GB", "it-IT").
	Lang, LangTag string
	// Marking is the handling marking on every page, on one line, or "".
	Marking string
	// Title block.
	Title, Subtitle string
	// Purpose is the purpose as printed ("For decision"), or "".
	Purpose string
	// Fields are the labelled lines of the title block (For, From, Date).
	Fields []Field
	// LabelWidth is the width of the title block's label column in mm, as
	// the PDF sets it (its widest label and a gap); 0 when the brief could
	// not be laid out.
	LabelWidth float64
	// KeyMessages are printed under KeyMessagesHeading.
	KeyMessagesHeading string
	KeyMessages        []string
	// Contents lists the sections when the brief prints a contents list
	// (on, or automatic and over its page limit, as in the PDF), under
	// ContentsHeading; nil when it has none.
	ContentsHeading string
	Contents        []string
	// Sections are the numbered sections in reading order.
	Sections []RenderedSection
	// Notes are every note in reading order, numbered from 1: the
	// citation of each quotation, then the quoted source's own notes.
	// NotesHeading heads them when they are printed as endnotes.
	NotesHeading string
	Notes        []Footnote
	// Sources lists each cited document once under SourcesHeading; empty
	// when the brief prints no Sources list (Header.Sources off).
	SourcesHeading string
	Sources        []SourceEntry
	// Properties are the document's metadata.
	Properties Properties
	// PageOf formats "Page X of Y" with two %d verbs.
	PageOf string
	// FooterTitle is the title as the page foot prints it beside "Page X
	// of Y": the PDF's, whole or cut after a word with "…"; "" when none.
	FooterTitle string
	// Pages is the page count of the brief's PDF, and SectionPages the
	// page each section starts on there; 0 and nil when the brief cannot
	// be laid out.
	Pages        int
	SectionPages []int

	// noteLang is the language of each note's quoted text, by number.
	noteLang map[int]string
	// sourceLang is the language of each cited document, by its ID.
	sourceLang map[string]string
}

// Field is a labelled line of the title block.
type Field struct {
	Label, Value string
}

// RenderedSection is a numbered section: heading, then blocks.
type RenderedSection struct {
	// ID is the section's ID in the brief.
	ID string
	// Number is the section's number from 1; Heading has no number.
	Number  int
	Heading string
	// Blocks are the author's paragraphs and the quotations in order.
	Blocks []Block
}

// Numbered returns the heading as printed: "2. Issue".
func (s RenderedSection) Numbered() string { return fmt.Sprintf("%d. %s", s.Number, s.Heading) }

// BlockKind says what a block of a section is.
type BlockKind int

// Block kinds.
const (
	// Paragraph is the author's text.
	Paragraph BlockKind = iota
	// Quotation is quoted text with its note marks: the original, or the
	// author's own translation standing in its place
	// (TranslationInText, the original then in a note).
	Quotation
	// Translation is the author's own translation printed after the
	// original quotation (TranslationAfter).
	Translation
	// Comment is the author's comment on the quotation before it.
	Comment
)

// Block is a paragraph or a quotation of a section.
type Block struct {
	Kind BlockKind
	// Text is the paragraph or the quoted text.
	Text string
	// Pieces are Text cut where note marks stand, each with the marks
	// after it: a source's own note marks where the source put it, the
	// citation at the end. Set for quotations.
	Pieces []Piece
	// Lang is the language tag of Text ("it-IT").
	Lang string
	// Label stands above a quotation or translation: its language when
	// it is not the brief's ("In Italian"), "Own translation"; or "".
	Label string
	// Marks are the numbers of all the notes marked in a quotation.
	Marks []int
	// ExcerptID is the quotation's excerpt (also set on its comments and
	// translation).
	ExcerptID string
}

// printedPieces returns a quotation's pieces as a word processor prints
// them: white space collapsed, none at either end of the quotation; a mark
// stands right after its word and the space after it stays. A block
// without pieces is one piece with all its marks.
func (bl Block) printedPieces() []Piece {
	pieces := bl.Pieces
	if len(pieces) == 0 {
		pieces = []Piece{{Text: bl.Text, Marks: bl.Marks}}
	}
	out := make([]Piece, len(pieces))
	for i, p := range pieces {
		t := collapseSpace(p.Text)
		if i == 0 {
			t = strings.TrimLeft(t, " ")
		}
		if i == len(pieces)-1 {
			t = strings.TrimRight(t, " ")
		}
		out[i] = Piece{Text: t, Marks: p.Marks}
	}
	return out
}

// Piece is a piece of a quotation and the note marks after it.
type Piece struct {
	Text  string
	Marks []int
}

// Properties are a document's title, author, subject and keywords.
type Properties struct {
	Title, Author, Subject string
	// Keywords are the marking first, then the references of the cited
	// documents.
	Keywords []string
	// Organisation is the brief's organisation, or "".
	Organisation string
	// Date is the brief's date as written in it.
	Date string
}

// Render resolves a brief for printing with the export options (the
// paper decides between British and American English for an English
// brief's own text). The brief is laid out as its PDF prints it, which
// decides whether an automatic contents list prints and gives the pages
// a Word file carries until Word lays it out again.
func Render(b *Brief, opt Options) *Rendered {
	l := labelsFor(b.Labels())
	c := Cite(b)
	r := &Rendered{
		Lang:               b.Labels(),
		LangTag:            langTag(b.Labels(), opt.Paper),
		Marking:            strings.Join(strings.Fields(b.Classification), " "),
		Title:              b.Title,
		Subtitle:           b.Subtitle,
		KeyMessagesHeading: l.KeyMessages,
		KeyMessages:        nonEmpty(b.KeyMessages...),
		ContentsHeading:    l.Contents,
		NotesHeading:       l.Notes,
		Notes:              c.Notes,
		SourcesHeading:     l.Sources,
		Properties:         documentProperties(b, l),
		PageOf:             l.PageOf,
		noteLang:           map[int]string{},
		sourceLang:         map[string]string{},
	}
	if b.SourcesList() {
		r.Sources = c.Sources
	}
	purpose, fields := headerLines(b, l)
	r.Purpose = purpose
	for _, f := range fields {
		r.Fields = append(r.Fields, Field{Label: f[0], Value: f[1]})
	}
	for i, s := range b.Sections {
		rs := RenderedSection{ID: s.ID, Number: i + 1, Heading: s.Heading}
		for _, p := range s.Text {
			rs.Blocks = append(rs.Blocks, Block{Kind: Paragraph, Text: p, Lang: r.LangTag})
		}
		for _, x := range s.Excerpts {
			rs.Blocks = append(rs.Blocks, r.excerpt(b, x, c.Marks[x.ID], l, opt)...)
			for _, p := range Paragraphs(x.Comment) {
				rs.Blocks = append(rs.Blocks, Block{Kind: Comment, Text: p, Lang: r.LangTag, ExcerptID: x.ID})
			}
			if x.Source.DocID != "" && x.Source.Lang != "" {
				r.sourceLang[x.Source.DocID] = langTag(x.Source.Lang, opt.Paper)
			}
		}
		r.Sections = append(r.Sections, rs)
	}
	contents := b.ContentsMode() == ContentsOn || b.ContentsMode() == ContentsAuto && len(b.Sections) >= 3
	r.FooterTitle = cutAtWord(b.Title, footerTitleRunes, runeWidth)
	if d := pdfPages(b, opt); d != nil && d.layout != nil {
		contents = d.layout.Contents
		r.Pages, r.SectionPages, r.FooterTitle = len(d.layout.Pages), d.secPage, d.footTitle
		r.LabelWidth = d.labelW
	}
	if contents {
		for _, s := range r.Sections {
			r.Contents = append(r.Contents, s.Numbered())
		}
	}
	return r
}

// excerpt resolves a quotation: its label, its text cut at its note
// marks, and the own translation in the template's layout.
func (r *Rendered) excerpt(b *Brief, x Excerpt, marks []int, l labels, opt Options) []Block {
	lang := r.LangTag
	if xl := x.Language(); xl != "" {
		lang = langTag(xl, opt.Paper)
	}
	for _, n := range marks {
		r.noteLang[n] = lang
	}
	label := ""
	if xl := x.Language(); xl != "" && xl != b.Labels() {
		label = fmt.Sprintf(l.InLang, l.langName(xl))
	}
	q := Block{Kind: Quotation, Text: x.Text, Lang: lang, Label: label, Marks: marks, ExcerptID: x.ID}
	if x.Translation != "" && b.TranslationLayout() == TranslationInText {
		// the translation stands for the quotation, the original in a note
		q.Text, q.Lang, q.Label = x.Translation, r.LangTag, l.OwnTranslation
		q.Pieces = pieces(splitAtMarks(x.Translation, marks, nil))
		return []Block{q}
	}
	q.Pieces = pieces(splitAtMarks(x.Text, marks, x.notePlaces()))
	out := []Block{q}
	if x.Translation != "" {
		out = append(out, Block{Kind: Translation, Text: x.Translation, Lang: r.LangTag, Label: l.OwnTranslation, ExcerptID: x.ID})
	}
	return out
}

func pieces(ms []markedPiece) []Piece {
	out := make([]Piece, len(ms))
	for i, m := range ms {
		out[i] = Piece{Text: m.text, Marks: m.marks}
	}
	return out
}

// headParas are the title block's paragraphs above its fields, those
// given: the title, the subtitle and the purpose, each as {style, text}
// with the style a writer names it by (styles: title, subtitle, purpose).
func (r *Rendered) headParas(styles [3]string) [][2]string {
	var out [][2]string
	for i, text := range []string{r.Title, r.Subtitle, r.Purpose} {
		if text != "" || i == 0 {
			out = append(out, [2]string{styles[i], text})
		}
	}
	return out
}

// pdfPages lays the brief out as its PDF prints it (the layout, the page
// of each section, the footer's title, the title block's label column);
// nil when the brief cannot be laid out (the PDF export then says why).
func pdfPages(b *Brief, opt Options) (d *pdfDoc) {
	defer func() {
		if recover() != nil {
			d = nil
		}
	}()
	d, err := layoutPDF(b, opt)
	if err != nil {
		return nil
	}
	return d
}

// NoteLang is the language tag of the quoted text in note n (a source's
// own note is in the source's language; the titles in a citation too).
func (r *Rendered) NoteLang(n int) string {
	if t := r.noteLang[n]; t != "" {
		return t
	}
	return r.LangTag
}

// SourceLang is the language tag of a cited document's title.
func (r *Rendered) SourceLang(docID string) string {
	if t := r.sourceLang[docID]; t != "" {
		return t
	}
	return r.LangTag
}

// documentProperties are the title, author, subject and keywords a PDF
// or a Word file carries: the subject is the purpose, the subtitle and the
// addressee; the keywords the marking and the cited documents' references.
func documentProperties(b *Brief, l labels) Properties {
	p := Properties{Title: b.Title, Author: b.From(), Organisation: b.Organisation, Date: b.Date}
	p.Subject = strings.Join(nonEmpty(PurposeLabel(b.Purpose, b.Labels()), b.Subtitle), " — ")
	if b.For != "" {
		p.Subject = strings.Join(nonEmpty(p.Subject, l.For+": "+b.For), "; ")
	}
	p.Keywords = nonEmpty(strings.Join(strings.Fields(b.Classification), " "))
	seen := map[string]bool{}
	for _, x := range b.Excerpts() {
		k := firstNonEmpty(x.Source.Reference, x.Source.ShortTitle, x.Source.Title)
		if k != "" && !seen[k] {
			seen[k] = true
			p.Keywords = append(p.Keywords, k)
		}
	}
	return p
}

// langTag is the language tag Word and ODT want for a language code:
// "it" → "it-IT"; English is British on A4 and American on Letter.
func langTag(code, paper string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	switch code {
	case "en":
		if strings.EqualFold(paper, "letter") {
			return "en-US"
		}
		return "en-GB"
	case "it":
		return "it-IT"
	case "fr":
		return "fr-FR"
	case "de":
		return "de-DE"
	case "es":
		return "es-ES"
	case "pt":
		return "pt-PT"
	case "nl":
		return "nl-NL"
	case "pl":
		return "pl-PL"
	case "ja":
		return "ja-JP"
	case "":
		return ""
	}
	return code
}
