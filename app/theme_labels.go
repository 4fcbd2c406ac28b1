package app

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/index/themes"
)

// noTheme is the theme choice of a section without a theme.
func noTheme() string { return lang.L("None") }

// captionStyle is dim caption text, as for the themes of an excerpt.
var captionStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}

// themeLabel is the label of theme id in the interface's language: the ID
// itself for a theme the taxonomy does not know, noTheme for "".
func themeLabel(id string) string {
	if id == "" {
		return noTheme()
	}
	if th := themes.Default().Theme(id); th != nil {
		return labelIn(th, uiLang())
	}
	return id
}

// labelIn is a theme's label in language code, English unless "it".
func labelIn(th *themes.Theme, code string) string {
	if code == "it" && th.LabelIT != "" {
		return th.LabelIT
	}
	return th.LabelEN
}

// themeByLabel is the ID of the theme labelled label in either language,
// "" for noTheme or a label the taxonomy does not know.
func themeByLabel(label string) string {
	for _, th := range themes.Default().Themes {
		if th.LabelEN == label || th.LabelIT == label {
			return th.ID
		}
	}
	return ""
}

// themeOptions are the choices of a section's theme: noTheme, then every
// theme's label in the taxonomy's order.
func themeOptions() []string {
	opts := []string{noTheme()}
	for _, th := range themes.Default().Themes {
		opts = append(opts, labelIn(th, uiLang()))
	}
	return opts
}

// themeList is the labels of theme ids joined with " · ".
func themeList(ids []string) string {
	var labels []string
	for _, id := range ids {
		if id != "" {
			labels = append(labels, themeLabel(id))
		}
	}
	return strings.Join(labels, " · ")
}
