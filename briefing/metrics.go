package briefing

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Font metrics for the typesetter, the same numbers fpdf uses: each
// character's advance in thousandths of an em, as fpdf reads them from the
// embedded fonts, summed as integers and scaled exactly as
// fpdf.GetStringWidth does. Laying out needs no PDF document, so the page
// preview lays out without one and still breaks every line where the PDF
// does.

// fontWidths asks one shared fpdf instance for advances the caches lack.
var fontWidths struct {
	once sync.Once
	mu   sync.Mutex
	pdf  *fpdf.Fpdf
	err  error
}

// metrics measures text; each export or preview has its own cache.
type metrics struct {
	cw map[string]map[rune]int // font key → rune → advance (1/1000 em)
}

func newMetrics() (*metrics, error) {
	fontWidths.once.Do(func() {
		pdf := fpdf.New("P", "mm", "A4", "")
		fontWidths.err = addFonts(pdf)
		fontWidths.pdf = pdf
	})
	if fontWidths.err != nil {
		return nil, fontWidths.err
	}
	return &metrics{cw: map[string]map[rune]int{}}, nil
}

// advance is the advance of r in the font st names, in 1/1000 em.
func (m *metrics) advance(st style, r rune) int {
	key := st.family + st.style
	c := m.cw[key]
	if c == nil {
		c = map[rune]int{}
		m.cw[key] = c
	}
	if w, ok := c[r]; ok {
		return w
	}
	fontWidths.mu.Lock()
	fontWidths.pdf.SetFont(pdfFamily[st.family], st.style, 10)
	w := fontWidths.pdf.GetStringSymbolWidth(string(r))
	fontWidths.mu.Unlock()
	c[r] = w
	return w
}

// width is the width of text in st, in millimetres, as fpdf measures it.
func (m *metrics) width(text string, st style) float64 {
	w := 0
	for _, r := range text {
		w += m.advance(st, r)
	}
	return scaled(w, st)
}

// scaled turns a sum of advances into millimetres at st's size, with
// fpdf's arithmetic (its font size in user units is size / k, k = 72/25.4).
func scaled(w int, st style) float64 {
	return float64(w) * (st.size / (72.0 / 25.4)) / 1000
}
