package briefing

import (
	"fmt"
	"strings"
)

// What a brief prints besides its sections: the levers of its page budget
// (contents list, Sources list, page limit) and how own translations print.
// They live in the title block (Header) so that the window, the command
// line and every export agree.

// Values of Header.Contents.
const (
	// ContentsAuto prints a contents list only when the brief exceeds its
	// page limit (for a brief with no limit: when it has three or more
	// sections). "" means the same.
	ContentsAuto = "auto"
	// ContentsOn always prints the contents list.
	ContentsOn = "on"
	// ContentsOff never prints it.
	ContentsOff = "off"
)

// Values of Header.Sources.
const (
	// SourcesOn prints the Sources list (the default; "" means the same).
	SourcesOn = "on"
	// SourcesOff leaves it out: the notes still cite every source in full.
	SourcesOff = "off"
)

// Values of Template.Translation.
const (
	// TranslationInText prints the own translation in the text and the
	// original quotation in a note under the translation's mark.
	TranslationInText = "in-text"
	// TranslationAfter prints the original quotation, then the own
	// translation under it.
	TranslationAfter = "after"
)

// PageBudget returns the brief's page limit: Header.PageLimit, else its
// template's, else 0 (no limit).
func (b *Brief) PageBudget() int {
	if b.PageLimit > 0 {
		return b.PageLimit
	}
	if t, ok := TemplateByID(b.Template); ok {
		return t.PageLimit
	}
	return 0
}

// ContentsMode returns Header.Contents as one of ContentsAuto, ContentsOn
// and ContentsOff.
func (b *Brief) ContentsMode() string {
	switch b.Contents {
	case ContentsOn, ContentsOff:
		return b.Contents
	}
	return ContentsAuto
}

// SourcesList reports whether the brief prints its Sources list.
func (b *Brief) SourcesList() bool { return b.Sources != SourcesOff }

// TranslationLayout returns how the brief's template prints own
// translations: TranslationInText or TranslationAfter (the default).
func (b *Brief) TranslationLayout() string {
	if t, ok := TemplateByID(b.Template); ok && t.Translation == TranslationInText {
		return TranslationInText
	}
	return TranslationAfter
}

// checkPrint checks the levers of a title block.
func checkPrint(h Header) error {
	if h.PageLimit < 0 || h.PageLimit > 999 {
		return fmt.Errorf("page limit %d is out of range: use 0 (the template's) to 999", h.PageLimit)
	}
	switch h.Contents {
	case "", ContentsAuto, ContentsOn, ContentsOff:
	default:
		return fmt.Errorf("unknown contents setting %q: use auto, on or off", h.Contents)
	}
	switch h.Sources {
	case "", SourcesOn, SourcesOff:
	default:
		return fmt.Errorf("unknown sources setting %q: use on or off", h.Sources)
	}
	return nil
}

// SetTranslation sets an excerpt's own translation (empty removes it).
func (b *Brief) SetTranslation(id, text string) error {
	x, _, _ := b.Excerpt(id)
	if x == nil {
		return fmt.Errorf("no excerpt %q in the brief", id)
	}
	x.Translation = strings.Join(strings.Fields(text), " ")
	return nil
}
