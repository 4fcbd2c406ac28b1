package briefing

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"attache/assets"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// The PDF fonts: DejaVu Serif for text, DejaVu Sans for headings and for
// the characters the serif lacks, all embedded from package assets.

// style is a font, a size and a colour.
type style struct {
	family string // "serif" or "sans"
	style  string // "", "B" or "I"
	size   float64
	color  [3]int
}

// fontFiles maps a font key (family+style) to its file in assets.
var fontFiles = map[string]string{
	"serif":  "DejaVuSerif.ttf",
	"serifB": "DejaVuSerif-Bold.ttf",
	"serifI": "DejaVuSerif-Italic.ttf",
	"sans":   "DejaVuSans.ttf",
	"sansB":  "DejaVuSans-Bold.ttf",
}

// pdfFamily is the family name each font is registered under in the PDF.
// fpdf names an embedded UTF-8 font "utf8" + the family in lower case + the
// style letter (it has no way to write the font's own PostScript name), so
// pdffonts lists utf8dejavuserif, utf8dejavuserifB… rather than the bare
// utf8serif, utf8serifB…, which did not say which font it was.
var pdfFamily = map[string]string{"serif": "DejaVuSerif", "sans": "DejaVuSans"}

type fontData struct {
	bytes []byte
	font  *sfnt.Font
}

var (
	fontsOnce sync.Once
	fontsErr  error
	fontsByID map[string]fontData
)

func loadFonts() (map[string]fontData, error) {
	fontsOnce.Do(func() {
		fontsByID = map[string]fontData{}
		for key, file := range fontFiles {
			data, err := assets.Font(file)
			if err != nil {
				fontsErr = fmt.Errorf("font %s: %v", file, err)
				return
			}
			f, err := sfnt.Parse(data)
			if err != nil {
				fontsErr = fmt.Errorf("font %s: %v", file, err)
				return
			}
			fontsByID[key] = fontData{data, f}
		}
	})
	return fontsByID, fontsErr
}

// addFonts registers the embedded fonts with a PDF.
func addFonts(pdf *fpdf.Fpdf) error {
	fonts, err := loadFonts()
	if err != nil {
		return err
	}
	for key, fd := range fonts {
		family := strings.TrimRight(key, "BI")
		pdf.AddUTF8FontFromBytes(pdfFamily[family], strings.TrimPrefix(key, family), fd.bytes)
	}
	return pdf.Error()
}

// Replacement is printed for a character no embedded font has.
const Replacement = '\uFFFD'

// glyphs decides which font prints each character, and collects the
// characters that no font has.
type glyphs struct {
	buf     sfnt.Buffer
	cache   map[string]map[rune]bool
	missing map[rune]bool
}

func newGlyphs() *glyphs {
	return &glyphs{cache: map[string]map[rune]bool{}, missing: map[rune]bool{}}
}

// has reports whether the font key has a glyph for r.
func (g *glyphs) has(key string, r rune) bool {
	m := g.cache[key]
	if m == nil {
		m = map[rune]bool{}
		g.cache[key] = m
	}
	if v, ok := m[r]; ok {
		return v
	}
	v := false
	if r <= 0xFFFF { // fpdf cannot print characters beyond the BMP
		if fd, ok := fontsByID[key]; ok {
			i, err := fd.font.GlyphIndex(&g.buf, r)
			v = err == nil && i != 0
		}
	}
	m[r] = v
	return v
}

// segment is text in one style.
type segment struct {
	text string
	st   style
}

// split cuts text into segments, each in a font that has all its
// characters: st's font, else DejaVu Sans, else the character is replaced
// by Replacement and remembered for a warning. Invisible format characters
// are dropped; tabs and line breaks become spaces.
func (g *glyphs) split(text string, st style) []segment {
	var out []segment
	var cur strings.Builder
	curSt := st
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, segment{cur.String(), curSt})
			cur.Reset()
		}
	}
	key := st.family + st.style
	fallback := style{family: "sans", style: strings.ReplaceAll(st.style, "I", ""), size: st.size, color: st.color}
	fbKey := fallback.family + fallback.style
	for _, r := range text {
		switch r {
		case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
			continue // no visible form
		case '\t', '\n', '\r', '\v', '\f':
			r = ' '
		case '\u2009', '\u202F':
			if !g.has(key, r) {
				r = '\u00A0'
			}
		}
		want := st
		switch {
		case g.has(key, r):
		case g.has(fbKey, r):
			want = fallback
		default:
			g.missing[r] = true
			r = Replacement
			if !g.has(key, r) {
				want = fallback
			}
		}
		if want != curSt {
			flush()
			curSt = want
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

// warnings describes each missing character once, in code order.
func (g *glyphs) warnings() []string {
	var rs []rune
	for r := range g.missing {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var out []string
	for _, r := range rs {
		shown := string(r)
		if !unicode.IsPrint(r) {
			shown = ""
		}
		out = append(out, fmt.Sprintf("character U+%04X %q has no glyph in the PDF fonts and prints as %q", r, shown, string(Replacement)))
	}
	return out
}
