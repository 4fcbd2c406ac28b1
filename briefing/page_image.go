package briefing

import (
	"fmt"
	"image"
	imgcolor "image/color"
	"image/draw"
	"math"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The page preview: a page of a Layout drawn to an image with the same
// embedded DejaVu fonts the PDF embeds. Every character stands where the
// PDF puts it: atoms at the layout's positions, characters advanced by
// fpdf's own widths (no kerning, which the PDF does not apply either).

// PageRenderer draws pages of a layout to images. It keeps its font faces
// between pages; it is not safe for use by several goroutines at once.
type PageRenderer struct {
	m     *metrics
	faces map[faceKey]xfont.Face
}

type faceKey struct {
	font string
	px   float64
}

// NewPageRenderer returns a renderer with the embedded fonts.
func NewPageRenderer() (*PageRenderer, error) {
	m, err := newMetrics()
	if err != nil {
		return nil, err
	}
	return &PageRenderer{m: m, faces: map[faceKey]xfont.Face{}}, nil
}

// Render draws page i (from 0) of l at scale pixels per millimetre on a
// white image of the page's size.
func (r *PageRenderer) Render(l *Layout, i int, scale float64) (*image.RGBA, error) {
	if i < 0 || i >= len(l.Pages) {
		return nil, fmt.Errorf("no page %d: the brief has %d", i+1, len(l.Pages))
	}
	if scale <= 0 || scale > 40 {
		return nil, fmt.Errorf("scale %.2f pixels per mm is out of range", scale)
	}
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(l.PageW*scale)), int(math.Ceil(l.PageH*scale))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for _, o := range l.Pages[i].ops {
		switch o.kind {
		case opText:
			if err := r.text(img, o, scale); err != nil {
				return nil, err
			}
		case opRule:
			w := max(o.st.size*scale, 1)
			x0, y0, x1, y1 := o.x*scale, o.y*scale, o.w*scale, o.h*scale
			if x0 == x1 { // vertical
				fill(img, x0-w/2, y0, x0+w/2, y1, o.st.color)
			} else {
				fill(img, x0, y0-w/2, x1, y0+w/2, o.st.color)
			}
		case opRect:
			x0, y0, x1, y1 := o.x*scale, o.y*scale, (o.x+o.w)*scale, (o.y+o.h)*scale
			if o.fill {
				fill(img, x0, y0, x1, y1, o.st.color)
				continue
			}
			w := max(o.st.size*scale, 1)
			fill(img, x0, y0, x1, y0+w, o.st.color)
			fill(img, x0, y1-w, x1, y1, o.st.color)
			fill(img, x0, y0, x0+w, y1, o.st.color)
			fill(img, x1-w, y0, x1, y1, o.st.color)
		}
	}
	return img, nil
}

// text draws one atom character by character.
func (r *PageRenderer) text(img *image.RGBA, o op, scale float64) error {
	key := o.st.family + o.st.style
	px := o.st.size * ptmm * scale
	face, err := r.face(key, px)
	if err != nil {
		return err
	}
	src := image.NewUniform(imgcolor.RGBA{uint8(o.st.color[0]), uint8(o.st.color[1]), uint8(o.st.color[2]), 255})
	x := o.x * scale
	y := fixed.I(0) + fixed.Int26_6(o.y*scale*64)
	for _, c := range o.text {
		dot := fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: y}
		if dr, mask, mp, _, ok := face.Glyph(dot, c); ok {
			draw.DrawMask(img, dr, src, image.Point{}, mask, mp, draw.Over)
		}
		x += scaled(r.m.advance(o.st, c), o.st) * scale
	}
	return nil
}

func (r *PageRenderer) face(key string, px float64) (xfont.Face, error) {
	px = math.Round(px*4) / 4 // a few sizes, shared
	k := faceKey{key, px}
	if f, ok := r.faces[k]; ok {
		return f, nil
	}
	fd, ok := fontsByID[key]
	if !ok {
		return nil, fmt.Errorf("no font %q", key)
	}
	f, err := opentype.NewFace(fd.font, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: xfont.HintingNone})
	if err != nil {
		return nil, err
	}
	r.faces[k] = f
	return f, nil
}

// fill paints the rectangle x0,y0–x1,y1 (pixels) in c.
func fill(img *image.RGBA, x0, y0, x1, y1 float64, c [3]int) {
	rect := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
	draw.Draw(img, rect, image.NewUniform(imgcolor.RGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 255}), image.Point{}, draw.Src)
}
