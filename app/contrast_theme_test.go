package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	ch := func(v uint32) float64 {
		x := float64(v>>8) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// over blends a translucent colour over an opaque one.
func over(top, bottom color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	b := color.NRGBAModel.Convert(bottom).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{mix(t.R, b.R), mix(t.G, b.G), mix(t.B, b.B), 0xff}
}

func TestThemeTextMeetsWCAGAA(t *testing.T) {
	th := newReadableTheme()
	// The text colours the window uses for labels, values, placeholders,
	// captions, matched words, marks, warnings and errors.
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder,
		theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameHyperlink, colorMark, colorInBrief}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		// The backgrounds they are drawn on: the window, fields, menus,
		// headers, and a hovered or selected row of a list.
		backs := map[string]color.Color{
			"background":       bg,
			"input":            over(th.Color(theme.ColorNameInputBackground, v), bg),
			"menu":             over(th.Color(theme.ColorNameMenuBackground, v), bg),
			"header":           over(th.Color(theme.ColorNameHeaderBackground, v), bg),
			"hovered row":      over(th.Color(theme.ColorNameHover, v), bg),
			"selected row":     over(th.Color(theme.ColorNameSelection, v), bg),
			"overlay (dialog)": over(th.Color(theme.ColorNameOverlayBackground, v), bg),
		}
		for _, name := range texts {
			fg := th.Color(name, v)
			for where, b := range backs {
				if r := contrast(fg, b); r < 4.5 {
					t.Errorf("variant %d: %s on %s has contrast %.2f:1, below 4.5:1", v, name, where, r)
				}
			}
		}
		// A menu's shortcut labels, dimmed from the text colour as Fyne's
		// menu item does (widget/menu_item.go, shortcutColor).
		r, g, b, a := th.Color(theme.ColorNameForeground, v).RGBA()
		a = uint32(float32(a) * 0.95)
		short := color.NRGBA{R: uint8(r), G: uint8(g), B: uint8(b), A: uint8(a)}
		if c := contrast(over(short, backs["menu"]), backs["menu"]); c < 4.5 {
			t.Errorf("variant %d: a menu's shortcut labels have contrast %.2f:1", v, c)
		}
		// Text on a coloured button: Add to brief, Save.
		if r := contrast(th.Color(theme.ColorNameForegroundOnPrimary, v), th.Color(theme.ColorNamePrimary, v)); r < 4.5 {
			t.Errorf("variant %d: text on a primary button has contrast %.2f:1", v, r)
		}
		// A placeholder must not look like a value: it differs from the
		// text colour clearly.
		if r := contrast(th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)); r < 1.5 {
			t.Errorf("variant %d: placeholder and text differ by only %.2f:1", v, r)
		}
	}
}

// textColorsIn returns, for every label and rich text segment in o, the
// colour name its text is drawn in.
func textColorsIn(o fyne.CanvasObject, out map[fyne.ThemeColorName][]string) {
	if o == nil || !o.Visible() {
		return
	}
	switch w := o.(type) {
	case *widget.Label:
		name := theme.ColorNameForeground
		switch w.Importance {
		case widget.LowImportance:
			name = theme.ColorNameDisabled
		case widget.DangerImportance:
			name = theme.ColorNameError
		case widget.WarningImportance:
			name = theme.ColorNameWarning
		case widget.HighImportance:
			name = theme.ColorNamePrimary
		case widget.SuccessImportance:
			name = theme.ColorNameSuccess
		}
		out[name] = append(out[name], w.Text)
	case *widget.RichText:
		for _, s := range w.Segments {
			if ts, ok := s.(*widget.TextSegment); ok {
				name := ts.Style.ColorName
				if name == "" {
					name = theme.ColorNameForeground
				}
				out[name] = append(out[name], ts.Text)
			}
		}
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			textColorsIn(child, out)
		}
		return
	}
	if wid, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(wid).Objects() {
			textColorsIn(child, out)
		}
	}
}

func TestWindowTextUsesReadableColours(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	u.search.list.Select(0)
	u.addSelected()
	u.brief.accordion.OpenAll()
	colors := map[fyne.ThemeColorName][]string{}
	textColorsIn(u.win.Content(), colors)
	readable := map[fyne.ThemeColorName]bool{theme.ColorNameForeground: true, theme.ColorNamePlaceHolder: true,
		theme.ColorNameError: true, theme.ColorNameWarning: true, theme.ColorNameHyperlink: true,
		colorMark: true, colorInBrief: true, theme.ColorNameForegroundOnPrimary: true}
	for name, texts := range colors {
		if !readable[name] {
			t.Errorf("text drawn in %s, which the contrast test does not hold to 4.5:1: %q", name, texts)
		}
	}
	if len(colors[colorMark]) == 0 || len(colors[theme.ColorNamePlaceHolder]) == 0 {
		t.Errorf("no matched word or caption found in the window: %v", colors)
	}
}
