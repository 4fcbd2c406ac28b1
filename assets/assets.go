// Package assets holds the files Attaché ships inside its binary: fonts,
// icon and data, as plain bytes. It knows nothing of Fyne or of PDF; the
// packages that draw with them decide how to use the bytes.
//
// To add a file, put it in this folder and embed it with a //go:embed line
// beside a doc-commented variable, as below.
package assets

import (
	"embed"
	"io/fs"
)

// Fonts holds the TrueType fonts used for PDF export, under "fonts/": DejaVu
// Serif (regular, bold, italic, bold italic) and DejaVu Sans (regular, bold),
// with their licence in fonts/LICENSE.
//
//go:embed fonts/*.ttf fonts/LICENSE
var Fonts embed.FS

// Font returns the bytes of one font of Fonts by its file name, such as
// "DejaVuSerif.ttf".
func Font(name string) ([]byte, error) {
	return fs.ReadFile(Fonts, "fonts/"+name)
}
