package extract

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// PDFTimeout bounds the time spent on one PDF; a PDF that takes longer
// (a content stream that never ends, a reference loop the reader follows)
// fails with ErrBroken.
var PDFTimeout = 30 * time.Second

// Limits of the PDF reader's walk over a file's objects.
const (
	maxPDFPages    = 20000
	maxTreeDepth   = 64
	maxPageGlyphs  = 200000
	maxFormDepth   = 8
	maxPageForms   = 10000
	opsPerDeadline = 4096
)

// errPDFTimeout is raised inside the content interpreter when the deadline
// passes; errPDFTooMuch when a page holds more text than any real page.
var (
	errPDFTimeout = errors.New("pdf took too long")
	errPDFTooMuch = errors.New("pdf page holds too much text")
)

// run is a piece of text shown in one text-showing operation, placed on the
// page in default user space (points, y upwards).
type run struct {
	x, y, xEnd float64
	size       float64
	text       string
	font       *pdfFont
}

// ptrKey identifies an indirect PDF object, for loop guards and caches;
// 0 means the value is direct.
func ptrKey(v pdf.Value) uint64 {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() {
		return 0
	}
	return f.FieldByName("id").Uint()<<16 | f.FieldByName("gen").Uint()
}

// pdfPages lists a document's pages by walking its page tree with guards
// against loops, instead of the reader's own walk, which loops forever on a
// tree that contains itself.
func pdfPages(r *pdf.Reader) ([]pdf.Page, error) {
	var pages []pdf.Page
	seen := map[uint64]bool{}
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if depth > maxTreeDepth {
			return fmt.Errorf("%w: the page tree is nested %d deep", ErrBroken, depth)
		}
		if k := ptrKey(v); k != 0 {
			if seen[k] {
				return fmt.Errorf("%w: the page tree has a reference loop", ErrBroken)
			}
			seen[k] = true
		}
		switch v.Key("Type").Name() {
		case "Page":
			if len(pages) >= maxPDFPages {
				return fmt.Errorf("%w: more than %d pages", ErrTooLarge, maxPDFPages)
			}
			pages = append(pages, pdf.Page{V: v})
		default: // "Pages", or a missing /Type on an intermediate node
			kids := v.Key("Kids")
			if kids.Kind() != pdf.Array {
				if v.Key("Contents").Kind() != pdf.Null {
					pages = append(pages, pdf.Page{V: v})
				}
				return nil
			}
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	err := walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return pages, err
}

// inherited looks a key up on a page and its ancestors, guarding against
// loops in the Parent chain.
func inherited(page pdf.Value, key string) (pdf.Value, error) {
	seen := map[uint64]bool{}
	for v, depth := page, 0; !v.IsNull(); v, depth = v.Key("Parent"), depth+1 {
		if k := ptrKey(v); k != 0 {
			if seen[k] {
				return pdf.Value{}, fmt.Errorf("%w: a page's parents form a reference loop", ErrBroken)
			}
			seen[k] = true
		}
		if depth > maxTreeDepth {
			return pdf.Value{}, fmt.Errorf("%w: a page's parents are nested too deep", ErrBroken)
		}
		if r := v.Key(key); !r.IsNull() {
			return r, nil
		}
	}
	return pdf.Value{}, nil
}

// pdfFont is what the interpreter needs of a font, read once per font.
type pdfFont struct {
	// bold and mono say what the font's name says of its face.
	bold, mono bool
	enc        pdf.TextEncoding
	first      int
	widths     []float64
	cid        map[int]float64
	dw         float64
	twoByte    bool
}

// width returns the advance of a character code in thousandths of an em.
func (f *pdfFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i]
	}
	return 500
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(s string) []int {
	var out []int
	if f.twoByte {
		for i := 0; i+1 < len(s); i += 2 {
			out = append(out, int(s[i])<<8|int(s[i+1]))
		}
		return out
	}
	for i := 0; i < len(s); i++ {
		out = append(out, int(s[i]))
	}
	return out
}

// loadFont reads a font dictionary.
func loadFont(v pdf.Value) *pdfFont {
	font := pdf.Font{V: v}
	f := &pdfFont{enc: font.Encoder(), dw: 1000}
	name := strings.ToLower(v.Key("BaseFont").Name())
	f.bold = strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy") ||
		strings.Contains(name, "semibold") || strings.HasSuffix(name, ",b") || strings.Contains(name, "-b")
	f.mono = strings.Contains(name, "mono") || strings.Contains(name, "courier") || strings.Contains(name, "typewriter") ||
		strings.Contains(name, "consol") || strings.HasPrefix(name, "cmtt") || strings.Contains(name, "+cmtt") || strings.Contains(name, "code")
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		if dw := desc.Key("DW"); dw.Kind() != pdf.Null {
			f.dw = dw.Float64()
		}
		f.cid = map[int]float64{}
		w := desc.Key("W")
		for i := 0; i < w.Len() && i < 1<<16; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && j < 1<<16; j++ {
					f.cid[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wd := w.Index(i + 2).Float64()
			for c2 := c; c2 <= last && c2-c < 1<<16; c2++ {
				f.cid[c2] = wd
			}
			i += 3
		}
	} else {
		f.first = int(v.Key("FirstChar").Int64())
		ws := v.Key("Widths")
		for i := 0; i < ws.Len() && i < 1<<16; i++ {
			f.widths = append(f.widths, ws.Index(i).Float64())
		}
	}
	if f.enc == nil {
		f.enc = nopDecoder{}
	}
	return f
}

// nopDecoder reads codes as Latin-1, for fonts without a usable encoding.
type nopDecoder struct{}

func (nopDecoder) Decode(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		b.WriteRune(rune(raw[i]))
	}
	return b.String()
}

type matrix [3][3]float64

var identity = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x matrix) mul(y matrix) matrix {
	var z matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

// gstate is the part of the graphics and text state text placement needs.
type gstate struct {
	Tc, Tw, Th, Tl, Tfs, Trise float64
	font                       *pdfFont
	Tm, Tlm, CTM               matrix
}

// pageReader interprets the content streams of one document's pages,
// caching fonts across pages.
type pageReader struct {
	fonts    map[uint64]*pdfFont
	named    map[fontKey]*pdfFont
	active   map[uint64]bool // forms being drawn
	forms    int             // forms drawn on this page
	deadline time.Time
	ops      int
}

// pageRuns returns the text runs of a page in content-stream order.
func (pr *pageReader) pageRuns(page pdf.Page) (runs []run, err error) {
	res, err := inherited(page.V, "Resources")
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok && (errors.Is(e, errPDFTimeout) || errors.Is(e, errPDFTooMuch)) {
				err = e
				return
			}
			err = fmt.Errorf("%w: %v", ErrBroken, p)
		}
	}()
	if pr.named == nil || ptrKey(res) == 0 {
		// Direct resources dictionaries have no identity to cache under
		// across pages; cache their fonts for this page only.
		pr.named = map[fontKey]*pdfFont{}
	}
	pr.active, pr.forms = map[uint64]bool{}, 0
	g := gstate{Th: 1, CTM: identity, Tm: identity, Tlm: identity}
	pr.interpret(page.V.Key("Contents"), res, &g, &runs, 0)
	return runs, nil
}

// font returns the font named in a resources dictionary. The reader
// parses an object each time it is looked up (decompressing its object
// stream), so fonts are cached by resources dictionary and name, and by the
// font object itself across pages.
func (pr *pageReader) font(res pdf.Value, name string) *pdfFont {
	rk := fontKey{ptrKey(res), name}
	if f, ok := pr.named[rk]; ok {
		return f
	}
	v := res.Key("Font").Key(name)
	k := ptrKey(v)
	f, ok := pr.fonts[k]
	if !ok || k == 0 {
		f = loadFont(v)
		if k != 0 {
			pr.fonts[k] = f
		}
	}
	pr.named[rk] = f
	return f
}

// fontKey names a font within one resources dictionary.
type fontKey struct {
	res  uint64
	name string
}

// interpret runs one content stream (or array of streams) with the given
// resources, appending the text it shows to runs.
func (pr *pageReader) interpret(strm, res pdf.Value, g *gstate, runs *[]run, depth int) {
	var stack []gstate
	show := func(s string) {
		if g.font == nil {
			g.font = &pdfFont{enc: nopDecoder{}, dw: 1000}
		}
		trm := matrix{{g.Tfs * g.Th, 0, 0}, {0, g.Tfs, 0}, {0, g.Trise, 1}}.mul(g.Tm).mul(g.CTM)
		x0, y0 := trm[2][0], trm[2][1]
		size := math.Hypot(trm[1][0], trm[1][1])
		for _, code := range g.font.codes(s) {
			tx := g.font.width(code)/1000*g.Tfs + g.Tc
			if code == 32 && !g.font.twoByte {
				tx += g.Tw
			}
			g.Tm = matrix{{1, 0, 0}, {0, 1, 0}, {tx * g.Th, 0, 1}}.mul(g.Tm)
		}
		end := matrix{{g.Tfs * g.Th, 0, 0}, {0, g.Tfs, 0}, {0, g.Trise, 1}}.mul(g.Tm).mul(g.CTM)
		text := g.font.enc.Decode(s)
		if text == "" {
			return
		}
		if len(*runs) >= maxPageGlyphs {
			panic(errPDFTooMuch)
		}
		*runs = append(*runs, run{x: x0, y: y0, xEnd: end[2][0], size: size, text: text, font: g.font})
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		pr.ops++
		if pr.ops%opsPerDeadline == 0 && time.Now().After(pr.deadline) {
			panic(errPDFTimeout)
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "cm":
			if len(args) == 6 {
				m := matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				g.CTM = m.mul(g.CTM)
			}
		case "q":
			if len(stack) < 1024 {
				stack = append(stack, *g)
			}
		case "Q":
			if len(stack) > 0 {
				*g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "BT":
			g.Tm, g.Tlm = identity, identity
		case "T*":
			g.Tlm = matrix{{1, 0, 0}, {0, 1, 0}, {0, -g.Tl, 1}}.mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tc":
			g.Tc = num(0)
		case "Tw":
			g.Tw = num(0)
		case "Tz":
			g.Th = num(0) / 100
		case "TL":
			g.Tl = num(0)
		case "Ts":
			g.Trise = num(0)
		case "TD":
			g.Tl = -num(1)
			fallthrough
		case "Td":
			g.Tlm = matrix{{1, 0, 0}, {0, 1, 0}, {num(0), num(1), 1}}.mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tm":
			if len(args) == 6 {
				g.Tm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				g.Tlm = g.Tm
			}
		case "Tf":
			if len(args) == 2 {
				g.font = pr.font(res, args[0].Name())
				g.Tfs = num(1)
			}
		case "\"":
			if len(args) == 3 {
				g.Tw, g.Tc = num(0), num(1)
				args = args[2:]
			}
			fallthrough
		case "'":
			g.Tlm = matrix{{1, 0, 0}, {0, 1, 0}, {0, -g.Tl, 1}}.mul(g.Tlm)
			g.Tm = g.Tlm
			fallthrough
		case "Tj":
			if len(args) >= 1 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					if x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tx := -x.Float64() / 1000 * g.Tfs * g.Th
						g.Tm = matrix{{1, 0, 0}, {0, 1, 0}, {tx, 0, 1}}.mul(g.Tm)
					}
				}
			}
		case "Do":
			if len(args) == 1 && depth < maxFormDepth && pr.forms < maxPageForms {
				xo := res.Key("XObject").Key(args[0].Name())
				k := ptrKey(xo)
				if xo.Key("Subtype").Name() == "Form" && !pr.active[k] {
					// A form is not entered again from inside itself, and a
					// page draws at most maxPageForms forms.
					pr.forms++
					pr.active[k] = true
					defer delete(pr.active, k)
					saved := *g
					if m := xo.Key("Matrix"); m.Len() == 6 {
						f := func(i int) float64 { return m.Index(i).Float64() }
						g.CTM = matrix{{f(0), f(1), 0}, {f(2), f(3), 0}, {f(4), f(5), 1}}.mul(g.CTM)
					}
					sub := xo.Key("Resources")
					if sub.IsNull() {
						sub = res
					}
					pr.interpret(xo, sub, g, runs, depth+1)
					*g = saved
				}
			}
		}
	})
}
