package briefing

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Citations follow OSCOLA (4th edition), its rules for EU and international
// documents, adapted for briefs (see docs/brief-format.md):
//
//	full:    Issuer, *Title* Reference (Place, date) pinpoint. <URL>
//	short:   *Short title* (n 1) pinpoint.
//	sources: Issuer, *Title* Reference (Place, date). <URL>
//	source's own note: Source note 2: text <URL>
//
// The title stays in the document's own language; dates and the words
// around them follow the brief's label language. Notes are numbered in
// reading order; the quoted passage's own footnotes follow its citation as
// notes of their own, marked as the source's.

// Run is a piece of note text with one style.
type Run struct {
	Text string
	// Italic is set for titles.
	Italic bool
	// URL makes the run a link to that address.
	URL string
}

// Footnote is one numbered note of a brief.
type Footnote struct {
	// Number is the note's number, from 1 in reading order.
	Number int
	// ExcerptID is the excerpt the note belongs to.
	ExcerptID string
	// FromSource is set for a footnote of the quoted source (rather than
	// the citation of the quotation).
	FromSource bool
	// Original is set for the note that carries the original quotation
	// when its own translation stands in the text (TranslationInText).
	Original bool
	// Runs are the note's text.
	Runs []Run
}

// Text returns the note as plain text.
func (f Footnote) Text() string { return plain(f.Runs) }

// SourceEntry is one document of the Sources list.
type SourceEntry struct {
	// DocID is the document's library ID.
	DocID string
	// Runs are the entry in full form, without pinpoint.
	Runs []Run
}

// Text returns the entry as plain text.
func (s SourceEntry) Text() string { return plain(s.Runs) }

// Citations are a brief's notes and sources.
type Citations struct {
	// Notes are all notes in number order.
	Notes []Footnote
	// Marks lists for each excerpt ID the numbers of its notes: its
	// citation first, then the source's own notes.
	Marks map[string][]int
	// Sources lists each cited document once, sorted by issuer and title.
	Sources []SourceEntry
}

// Cite makes the notes and the Sources list of a brief.
func Cite(b *Brief) *Citations {
	l := labelsFor(b.Labels())
	c := &Citations{Marks: map[string][]int{}}
	first := map[string]int{} // document key → number of its full citation
	var docs []Source
	for _, x := range b.Excerpts() {
		key := docKey(x.Source)
		// Notes are numbered in reading order: the source's notes whose
		// marks stand inside the quotation come before the citation's
		// mark at its end (they read 4, 5, 3 when the citation went
		// first); when any stands at the end too, the citation leads.
		kept := x.KeptNotes()
		inside := len(kept) > 0 && !(x.Translation != "" && b.TranslationLayout() == TranslationInText) && placesInside(x.notePlaces(), utf8.RuneCountInString(x.Text))
		base := len(c.Notes)
		n := base + 1
		firstSource := base + 2
		if inside {
			n, firstSource = base+len(kept)+1, base+1
		}
		var runs []Run
		if f, ok := first[key]; ok {
			runs = shortCitation(x.Source, f, l)
		} else {
			first[key] = n
			docs = append(docs, x.Source)
			runs = fullCitation(x.Source, b.Labels())
		}
		runs = withPinpoint(runs, FormatLocator(pinpoint(x), b.Labels()))
		if f, ok := first[key]; ok && f == n && x.Source.URL != "" {
			runs = append(runs, urlRuns(x.Source.URL)...)
		}
		citation := Footnote{Number: n, ExcerptID: x.ID, Runs: runs}
		if !inside {
			c.Notes = append(c.Notes, citation)
		}
		// the marks keep their order: the citation's first, then one per
		// source note (see splitAtMarks)
		c.Marks[x.ID] = append(c.Marks[x.ID], n)
		for j, sn := range kept {
			n := firstSource + j
			runs := []Run{{Text: fmt.Sprintf(l.SourceNote, sn.Number)}}
			runs = append(runs, linkify(sn.Text)...)
			for _, u := range sn.URLs {
				if !strings.Contains(sn.Text, u) {
					runs = append(runs, urlRuns(u)...)
				}
			}
			c.Notes = append(c.Notes, Footnote{Number: n, ExcerptID: x.ID, FromSource: true, Runs: runs})
			c.Marks[x.ID] = append(c.Marks[x.ID], n)
		}
		if inside {
			c.Notes = append(c.Notes, citation)
		}
		if x.Translation != "" && b.TranslationLayout() == TranslationInText {
			// the translation stands in the text; the original follows
			// its citation and the source's notes in a note of its own,
			// the last, which may run on to the next page
			n := len(c.Notes) + 1
			label := fmt.Sprintf(l.Original, l.langName(x.Language()))
			c.Notes = append(c.Notes, Footnote{Number: n, ExcerptID: x.ID, Original: true,
				Runs: []Run{{Text: label + ": "}, {Text: "«" + x.Text + "»"}}})
			c.Marks[x.ID] = append(c.Marks[x.ID], n)
		}
	}
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := strings.ToLower(docs[i].Issuer+"\x00"+docs[i].Title), strings.ToLower(docs[j].Issuer+"\x00"+docs[j].Title)
		return a < b
	})
	for _, d := range docs {
		runs := withPinpoint(fullCitation(d, b.Labels()), "")
		if d.URL != "" {
			runs = append(runs, urlRuns(d.URL)...)
		}
		c.Sources = append(c.Sources, SourceEntry{DocID: d.DocID, Runs: runs})
	}
	return c
}

// docKey identifies a cited document: its library ID, else its title.
func docKey(s Source) string {
	if s.DocID != "" {
		return "id:" + s.DocID
	}
	return "title:" + s.Title
}

// fullCitation is "Issuer, *Title* Reference (Place, date)" without the
// pinpoint or the final full stop.
func fullCitation(s Source, lang string) []Run {
	var runs []Run
	if s.Issuer != "" {
		runs = append(runs, Run{Text: s.Issuer + ", "})
	}
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = s.DocID
	}
	runs = append(runs, Run{Text: title, Italic: true})
	if s.Reference != "" && !strings.Contains(title, s.Reference) {
		runs = append(runs, Run{Text: " " + s.Reference})
	}
	var pd []string
	if s.Place != "" {
		pd = append(pd, s.Place)
	}
	if s.Date != "" {
		pd = append(pd, FormatDate(s.Date, lang))
	}
	if len(pd) > 0 {
		runs = append(runs, Run{Text: " (" + strings.Join(pd, ", ") + ")"})
	}
	return runs
}

// shortCitation is "*Short title* (n 1)".
func shortCitation(s Source, first int, l labels) []Run {
	short := s.ShortTitle
	italic := true
	if short == "" && s.Reference != "" {
		short, italic = s.Reference, false
	}
	if short == "" {
		short = s.Title
	}
	return []Run{{Text: short, Italic: italic}, {Text: " " + fmt.Sprintf(l.NoteRef, first)}}
}

// pinpoint is the excerpt's locator, else its page of the original.
func pinpoint(x *Excerpt) string {
	if loc := strings.TrimSpace(x.Locator); loc != "" {
		return loc
	}
	if x.Page > 0 {
		return fmt.Sprintf("p. %d", x.Page)
	}
	return ""
}

// withPinpoint adds the pinpoint (after a space when the citation ends with
// a parenthesis, else after a comma) and the closing full stop.
func withPinpoint(runs []Run, pin string) []Run {
	last := runs[len(runs)-1].Text
	if pin != "" {
		sep := ", "
		if strings.HasSuffix(last, ")") {
			sep = " "
		}
		runs = append(runs, Run{Text: sep + pin})
		last = pin
	}
	if !strings.HasSuffix(last, ".") {
		runs = append(runs, Run{Text: "."})
	}
	return runs
}

// linkify splits text into runs, making each http(s) address a link.
func linkify(text string) []Run {
	var runs []Run
	for text != "" {
		i := strings.Index(text, "http://")
		if j := strings.Index(text, "https://"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			runs = append(runs, Run{Text: text})
			break
		}
		if i > 0 {
			runs = append(runs, Run{Text: text[:i]})
		}
		end := strings.IndexAny(text[i:], " \t\n\"<>»”")
		if end < 0 {
			end = len(text) - i
		}
		u := trimURL(text[i : i+end])
		runs = append(runs, Run{Text: u, URL: u})
		text = text[i+len(u):]
	}
	return runs
}

// urlRuns writes an address as OSCOLA does: " <address>", as a link when
// it may be one (LiveLink), else as text.
func urlRuns(u string) []Run {
	if !LiveLink(u) {
		return []Run{{Text: " <" + u + ">"}}
	}
	return []Run{{Text: " <"}, {Text: u, URL: u}, {Text: ">"}}
}

func plain(runs []Run) string {
	var sb strings.Builder
	for _, r := range runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// placesInside reports whether every place (a rune offset into a text of
// n runes, -1 unknown) stands inside the text, before its end.
func placesInside(places []int, n int) bool {
	for _, p := range places {
		if p <= 0 || p >= n {
			return false
		}
	}
	return len(places) > 0
}
