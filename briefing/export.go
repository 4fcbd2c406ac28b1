package briefing

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Options control an export.
type Options struct {
	// Paper is "a4" (the default) or "letter". PDF only.
	Paper string
	// Endnotes puts the notes at the end, before the Sources list, instead
	// of at the foot of each page. PDF only: Markdown notes always come at
	// the end.
	Endnotes bool
	// Findings are the results of Check, returned as warnings so that
	// nothing is marked silently.
	Findings []Finding
}

// Export formats.
const (
	PDF      = "pdf"
	Markdown = "md"
)

// Export writes the brief to path in format (PDF, DOCX, ODT or Markdown) atomically: a
// failure leaves no file behind, and an existing file is replaced whole.
// It returns warnings for the user: findings, replaced characters,
// quotations that no longer match their passage.
func Export(path string, b *Brief, format string, opt Options) ([]string, error) {
	var write func(io.Writer, *Brief, Options) ([]string, error)
	switch format {
	case PDF:
		write = WritePDF
	case Markdown:
		write = WriteMarkdown
	case DOCX:
		write = WriteDOCX
	case ODT:
		write = WriteODT
	default:
		return nil, fmt.Errorf("unknown export format %q: use pdf, docx, odt or md", format)
	}
	// An export never replaces a brief: "-o note.brief", or the brief's
	// own name typed in the export dialog, would lose the brief itself.
	if strings.EqualFold(filepath.Ext(path), Extension) {
		return nil, fmt.Errorf("export %q: will not write over a %s file: choose another name", path, Extension)
	}
	// render in memory first so that a failing brief never touches disk
	var buf bytes.Buffer
	warnings, err := write(&buf, b, opt)
	if err != nil {
		return warnings, fmt.Errorf("export %q: %v", path, err)
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return warnings, fmt.Errorf("export %q: %w", path, err)
	}
	return warnings, nil
}

// baseWarnings are the warnings every export gives: the findings of the
// quote check, and quotations that are not parts of their passage.
func baseWarnings(b *Brief, opt Options) []string {
	var w []string
	for _, f := range opt.Findings {
		w = append(w, f.String())
	}
	for _, s := range b.Sections {
		if len(s.Text) == 0 && len(s.Excerpts) == 0 {
			w = append(w, fmt.Sprintf("section %q is empty", s.Heading))
		}
	}
	misquoted := map[string]bool{} // said by a finding already
	for _, f := range opt.Findings {
		misquoted[f.ExcerptID] = misquoted[f.ExcerptID] || f.Kind == Misquoted
	}
	for _, x := range b.Excerpts() {
		if x.Full != "" && !misquoted[x.ID] && !ValidQuote(x.Text, x.Full) {
			w = append(w, fmt.Sprintf("excerpt %s (passage %s): the quotation is not a part of the passage it cites", x.ID, x.PassageID))
		}
	}
	return w
}

// headerLines are the lines under the title: purpose, for, from, date.
func headerLines(b *Brief, l labels) (purpose string, fields [][2]string) {
	if b.Purpose != "" {
		purpose = PurposeLabel(b.Purpose, b.Labels())
	}
	if b.For != "" {
		fields = append(fields, [2]string{l.For, b.For})
	}
	if from := b.From(); from != "" {
		fields = append(fields, [2]string{l.From, from})
	}
	if b.Date != "" {
		fields = append(fields, [2]string{l.Date, FormatDate(b.Date, b.Labels())})
	}
	return purpose, fields
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// HasContents reports whether the brief's exports print a contents list,
// as its PDF does: always or never as Header.Contents says, else (auto)
// when the brief is over its page limit on the given paper, or, with no
// limit, when it has three or more sections. The DOCX export asks it too.
func HasContents(b *Brief, opt Options) bool {
	switch b.ContentsMode() {
	case ContentsOn:
		return true
	case ContentsOff:
		return false
	}
	if b.PageBudget() == 0 {
		return len(b.Sections) >= 3
	}
	l, err := LayOut(b, opt)
	return err == nil && l.Contents
}
