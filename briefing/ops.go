package briefing

import (
	"fmt"
	"slices"
	"strings"
)

// The operations below change a brief in place and return an error, leaving
// the brief unchanged, when an ID or index is wrong. Editor wraps each of
// them with undo and redo.

// AddSection inserts a section with the given heading at index at (-1 or
// len(Sections) appends) and returns its new ID.
func (b *Brief) AddSection(heading string, at int) (string, error) {
	heading = strings.TrimSpace(heading)
	if heading == "" {
		return "", fmt.Errorf("a section needs a heading")
	}
	if at < 0 {
		at = len(b.Sections)
	}
	if at > len(b.Sections) {
		return "", fmt.Errorf("no place %d for a section: the brief has %d", at, len(b.Sections))
	}
	s := Section{ID: b.newID("s"), Heading: heading}
	b.Sections = slices.Insert(b.Sections, at, s)
	return s.ID, nil
}

// RenameSection changes a section's heading.
func (b *Brief) RenameSection(id, heading string) error {
	s, err := b.section(id)
	if err != nil {
		return err
	}
	heading = strings.TrimSpace(heading)
	if heading == "" {
		return fmt.Errorf("a section needs a heading")
	}
	s.Heading = heading
	return nil
}

// RemoveSection removes a section and its excerpts.
func (b *Brief) RemoveSection(id string) error {
	_, i := b.Section(id)
	if i < 0 {
		return fmt.Errorf("no section %q in the brief", id)
	}
	b.Sections = slices.Delete(b.Sections, i, i+1)
	return nil
}

// MoveSection moves a section to index to in the final order.
func (b *Brief) MoveSection(id string, to int) error {
	_, i := b.Section(id)
	if i < 0 {
		return fmt.Errorf("no section %q in the brief", id)
	}
	if to < 0 || to >= len(b.Sections) {
		return fmt.Errorf("no place %d for a section: the brief has %d", to, len(b.Sections))
	}
	s := b.Sections[i]
	b.Sections = slices.Insert(slices.Delete(b.Sections, i, i+1), to, s)
	return nil
}

// SetSectionText replaces a section's text; blank lines separate paragraphs.
func (b *Brief) SetSectionText(id, text string) error {
	s, err := b.section(id)
	if err != nil {
		return err
	}
	s.Text = Paragraphs(text)
	return nil
}

// SetSectionTheme sets a section's theme ID (empty for none).
func (b *Brief) SetSectionTheme(id, theme string) error {
	s, err := b.section(id)
	if err != nil {
		return err
	}
	s.Theme = strings.TrimSpace(theme)
	return nil
}

// AddExcerpt inserts a copy of x into a section at index at (-1 appends) and
// returns its ID. An empty or already used ID is replaced by a new one; an
// empty Text is set to Full.
func (b *Brief) AddExcerpt(sectionID string, x Excerpt, at int) (string, error) {
	s, err := b.section(sectionID)
	if err != nil {
		return "", err
	}
	if at < 0 {
		at = len(s.Excerpts)
	}
	if at > len(s.Excerpts) {
		return "", fmt.Errorf("no place %d in section %q: it has %d excerpts", at, s.Heading, len(s.Excerpts))
	}
	x = x.Clone()
	if x.Full == "" {
		x.Full = x.Text
	}
	if x.Text == "" {
		x.Text = x.Full
	}
	if strings.TrimSpace(x.Full) == "" {
		return "", fmt.Errorf("excerpt of %q has no text", x.PassageID)
	}
	if x.ID == "" {
		x.ID = b.newID("x")
	} else if old, _, _ := b.Excerpt(x.ID); old != nil {
		x.ID = b.newID("x")
	} else if sec, _ := b.Section(x.ID); sec != nil {
		x.ID = b.newID("x")
	}
	s.Excerpts = slices.Insert(s.Excerpts, at, x)
	return x.ID, nil
}

// RemoveExcerpt removes an excerpt.
func (b *Brief) RemoveExcerpt(id string) error {
	_, i, j := b.Excerpt(id)
	if i < 0 {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	s := &b.Sections[i]
	s.Excerpts = slices.Delete(s.Excerpts, j, j+1)
	return nil
}

// MoveExcerpt moves an excerpt to index to of the section sectionID (the
// same section or another), counted in the final order; -1 appends.
func (b *Brief) MoveExcerpt(id, sectionID string, to int) error {
	_, i, j := b.Excerpt(id)
	if i < 0 {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	dst, err := b.section(sectionID)
	if err != nil {
		return err
	}
	n := len(dst.Excerpts)
	if &b.Sections[i] == dst {
		n--
	}
	if to < 0 {
		to = n
	}
	if to > n {
		return fmt.Errorf("no place %d in section %q: it has %d other excerpts", to, dst.Heading, n)
	}
	src := &b.Sections[i]
	x := src.Excerpts[j]
	src.Excerpts = slices.Delete(src.Excerpts, j, j+1)
	dst.Excerpts = slices.Insert(dst.Excerpts, to, x)
	return nil
}

// SetExcerptComment sets the author's comment printed after a quotation.
func (b *Brief) SetExcerptComment(id, comment string) error {
	x, _, _ := b.Excerpt(id)
	if x == nil {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	x.Comment = strings.TrimSpace(comment)
	return nil
}

// SetHeader replaces the title block. Lang must be "", "en" or "it".
func (b *Brief) SetHeader(h Header) error {
	if h.Lang != "" && h.Lang != "en" && h.Lang != "it" {
		return fmt.Errorf("unknown label language %q: use en or it", h.Lang)
	}
	if strings.TrimSpace(h.Title) == "" {
		return fmt.Errorf("a brief needs a title")
	}
	if err := checkPrint(h); err != nil {
		return err
	}
	b.Header = h
	return nil
}

// SetKeyMessages replaces the key messages; empty ones are dropped.
func (b *Brief) SetKeyMessages(msgs []string) error {
	var out []string
	for _, m := range msgs {
		if m = strings.TrimSpace(m); m != "" {
			out = append(out, m)
		}
	}
	b.KeyMessages = out
	return nil
}

func (b *Brief) section(id string) (*Section, error) {
	s, _ := b.Section(id)
	if s == nil {
		return nil, fmt.Errorf("no section %q in the brief", id)
	}
	return s, nil
}
