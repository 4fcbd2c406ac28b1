package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Colour names of our own, for text the default theme has no readable
// colour for.
const (
	// colorMark is the colour of a matched word in a snippet.
	colorMark fyne.ThemeColorName = "attacheMark"
	// colorInBrief is the colour of the "✓ in brief" mark.
	colorInBrief fyne.ThemeColorName = "attacheInBrief"
)

// readableTheme is Fyne's default theme with its text colours made to
// meet WCAG AA (4.5:1) on every background the window draws them on:
// placeholders and captions, field labels, matched words, warnings and
// errors, in the light and the dark variant.
type readableTheme struct{ fyne.Theme }

// newReadableTheme wraps the default theme.
func newReadableTheme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

// readableColors are the colours replaced, per variant.
var readableColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNamePrimary:     color.NRGBA{0x1f, 0x5f, 0xd8, 0xff},
		theme.ColorNameForeground:  menuSafe(0x21),
		theme.ColorNamePlaceHolder: color.NRGBA{0x5a, 0x5d, 0x6e, 0xff},
		theme.ColorNameError:       color.NRGBA{0xb7, 0x1c, 0x1c, 0xff},
		theme.ColorNameWarning:     color.NRGBA{0x8a, 0x4b, 0x00, 0xff},
		theme.ColorNameHyperlink:   color.NRGBA{0x0b, 0x4f, 0xc4, 0xff},
		colorMark:                  color.NRGBA{0x0b, 0x4f, 0xc4, 0xff},
		colorInBrief:               color.NRGBA{0x1b, 0x6b, 0x25, 0xff},
	},
	theme.VariantDark: {
		theme.ColorNamePrimary:     color.NRGBA{0x1f, 0x5f, 0xd8, 0xff},
		theme.ColorNameForeground:  menuSafe(0xf3),
		theme.ColorNamePlaceHolder: color.NRGBA{0xb4, 0xb6, 0xc4, 0xff},
		theme.ColorNameError:       color.NRGBA{0xff, 0x7a, 0x6e, 0xff},
		theme.ColorNameHyperlink:   color.NRGBA{0x8a, 0xb4, 0xff, 0xff},
		colorMark:                  color.NRGBA{0x8a, 0xb4, 0xff, 0xff},
		colorInBrief:               color.NRGBA{0x6d, 0xe0, 0x6a, 0xff},
	},
}

// menuSafe is the opaque grey g as a colour Fyne's menus can dim: a menu
// item draws its shortcut ("Ctrl+I") in the text colour at 95 % alpha, but
// computes that alpha from the 16-bit value and keeps only its low byte,
// which for a fully opaque colour leaves about 20 % (a faint, unreadable
// label). An alpha a hair below opaque (0xFFBB of 0xFFFF, invisible on
// screen) makes that byte 0xF1: the shortcut then shows at 94 %.
func menuSafe(g uint8) color.Color {
	const a = 0xFFBB
	v := uint16(g) * 0x101
	return color.NRGBA64{R: v, G: v, B: v, A: a}
}

// Color returns the readable colour of name, or the default theme's.
func (t readableTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readableColors[v][name]; ok {
		return c
	}
	switch name {
	case colorMark:
		return t.Theme.Color(theme.ColorNamePrimary, v)
	case colorInBrief:
		return t.Theme.Color(theme.ColorNameSuccess, v)
	}
	return t.Theme.Color(name, v)
}
