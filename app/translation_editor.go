package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"attache/briefing"
)

// The own translation of a quotation: a field under the quotation in the
// excerpt's editor. The exports print it labelled ("Own translation",
// "Traduzione non ufficiale") in the template's layout; the quote check
// still checks the original.

// newTranslationEntry makes the translation field of the excerpt editor.
func (o *outline) newTranslationEntry() *wrapEntry {
	e := newWrapEntry()
	e.SetMinRowsVisible(2)
	e.SetPlaceHolder(lang.L("Your own translation of the quotation (optional)"))
	e.OnChanged = func(s string) {
		if o.loading {
			return
		}
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.SetTranslation(id, s) })
	}
	return e
}

// loadTranslation shows an excerpt's translation; the hint names the
// brief's language when the quotation is in another.
func (o *outline) loadTranslation(b *briefing.Brief, x *briefing.Excerpt) {
	setText(&o.exTranslation.Entry, x.Translation)
	hint := lang.L("Your own translation of the quotation (optional)")
	if x.Language() != "" && x.Language() != b.Labels() {
		hint = lang.L("Your own translation into {{.Lang}} (printed labelled as such)", map[string]any{"Lang": inSentence(langName(b.Labels()))})
	}
	o.exTranslation.SetPlaceHolder(hint)
}

// inSentence is a language's name as it stands inside a sentence: Italian
// writes it in lower case ("in italiano"), English with a capital.
func inSentence(name string) string {
	if uiLang() == "it" {
		return strings.ToLower(name)
	}
	return name
}
