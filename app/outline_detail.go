package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// buildDetail makes the editors shown under the tree: one for a section
// (heading, theme, text), one for an excerpt (quotation, source, themes,
// comment, trim), and the hint shown when nothing is selected.
func (o *outline) buildDetail() {
	o.secHeading = widget.NewEntry()
	o.secHeading.SetPlaceHolder(lang.L("Section heading"))
	o.secHeading.OnChanged = func(s string) {
		if o.loading || strings.TrimSpace(s) == "" {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.RenameSection(id, s) })
	}
	o.secText = newWrapEntry()
	o.secText.SetPlaceHolder(lang.L("Your text for this section; a blank line starts a new paragraph."))
	o.secText.OnChanged = func(s string) {
		if o.loading {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.SetSectionText(id, s) })
	}
	o.secTheme = widget.NewSelect(themeOptions(), func(label string) {
		if o.loading || !strings.HasPrefix(o.sel, secNode) {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		th := themeByLabel(label)
		if s, _ := o.u.ed.Brief().Section(id); s == nil || s.Theme == th {
			return
		}
		o.u.edit(func(ed *briefing.Editor) error { return ed.SetSectionTheme(id, th) })
	})
	o.secTheme.PlaceHolder = noTheme()
	o.secBox = container.NewBorder(
		container.NewVBox(o.secHeading, labelled(lang.L("Theme"), labelWidth(lang.L("Theme")), o.secTheme)),
		nil, nil, nil, o.secText)

	o.exQuote = wrappingLabel("", fyne.TextStyle{})
	o.exSource = wrappingLabel("", fyne.TextStyle{Italic: true})
	o.exThemes = wrappingRichText()
	o.exComment = newWrapEntry()
	o.exComment.SetMinRowsVisible(3)
	o.exComment.SetPlaceHolder(lang.L("Your comment after the quotation"))
	o.exComment.OnChanged = func(s string) {
		if o.loading {
			return
		}
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.SetExcerptComment(id, s) })
	}
	trim := widget.NewButtonWithIcon(lang.L("Trim quote…"), theme.ContentCutIcon(), o.trim)
	whole := widget.NewButtonWithIcon(lang.L("Whole passage"), theme.ContentUndoIcon(), func() {
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.edit(func(ed *briefing.Editor) error { return ed.RestoreExcerpt(id) })
	})
	// The themes head the excerpt, in view however long its quotation.
	o.exTranslation = o.newTranslationEntry()
	o.exBox = container.NewBorder(o.exThemes, container.NewVBox(o.exTranslation, o.exComment, newCollapsingBar(trim, whole)), nil, nil,
		container.NewVScroll(container.NewVBox(o.exQuote, o.exSource)))

	o.empty = wrappingLabel(lang.L("Select a section to write its text, or an excerpt to comment on it or trim it. Add passages with Add to brief (Ctrl+Enter)."), fyne.TextStyle{})
	o.detail = container.NewStack(o.empty)

}

// showDetail puts the selected node's editor under the tree.
func (o *outline) showDetail() {
	o.loading = true
	defer func() { o.loading = false }()
	var b *briefing.Brief
	if o.u.ed != nil {
		b = o.u.ed.Brief()
	}
	switch {
	case b != nil && strings.HasPrefix(o.sel, secNode):
		s, _ := b.Section(strings.TrimPrefix(o.sel, secNode))
		if s == nil {
			break
		}
		setText(o.secHeading, s.Heading)
		setText(&o.secText.Entry, strings.Join(s.Text, "\n\n"))
		// Set directly: a theme the taxonomy no longer knows shows its ID.
		o.secTheme.Selected = themeLabel(s.Theme)
		o.secTheme.Refresh()
		o.detail.Objects = []fyne.CanvasObject{o.secBox}
		o.detail.Refresh()
		return
	case b != nil && strings.HasPrefix(o.sel, exNode):
		x, _, _ := b.Excerpt(strings.TrimPrefix(o.sel, exNode))
		if x == nil {
			break
		}
		o.exQuote.SetText("“" + x.Text + "”")
		o.exSource.SetText(excerptSource(x))
		o.exThemes.Segments = nil
		o.exThemes.Hide()
		if t := themeList(x.Themes); t != "" {
			o.exThemes.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: captionStyle, Text: lang.L("Themes: {{.List}}", map[string]any{"List": t})}}
			o.exThemes.Show()
		}
		o.exThemes.Refresh()
		o.loadTranslation(b, x)
		setText(&o.exComment.Entry, x.Comment)
		o.detail.Objects = []fyne.CanvasObject{o.exBox}
		o.detail.Refresh()
		return
	}
	o.detail.Objects = []fyne.CanvasObject{o.empty}
	o.detail.Refresh()
}

// excerptSource says where an excerpt comes from.
func excerptSource(x *briefing.Excerpt) string {
	parts := []string{x.Source.Title}
	if len(x.SectionPath) > 0 {
		parts = append(parts, strings.Join(x.SectionPath, " › "))
	}
	loc := briefing.FormatLocator(x.Locator, uiLang())
	if x.Page > 0 {
		loc += fmt.Sprintf(lang.L(", p. %d"), x.Page)
	}
	parts = append(parts, loc)
	return strings.Join(parts, " · ")
}
