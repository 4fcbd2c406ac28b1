package briefing

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestRenderPages draws every page of the two-page brief and checks that
// ink lands where the layout put its lines, and nowhere in the margins but
// for the marking and the page foot.
func TestRenderPages(t *testing.T) {
	l, err := LayOut(cablesBrief(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewPageRenderer()
	if err != nil {
		t.Fatal(err)
	}
	const scale = 4.0
	for i, p := range l.Pages {
		img, err := r.Render(l, i, scale)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 840 || b.Dy() != 1188 {
			t.Fatalf("page %d is %v, want A4 at 4 px/mm", i+1, b)
		}
		for _, ln := range p.Lines {
			if inked(img, image.Rect(int(marginSide*scale), int(ln.Y*scale), int((l.PageW-marginSide)*scale), int((ln.Y+ln.H)*scale))) < 20 {
				t.Errorf("page %d: no ink for line %q", i+1, ln.Text)
			}
		}
		// the side margins stay white between the marking and the foot
		if n := inked(img, image.Rect(0, int(marginTop*scale), int(marginSide*scale)-8, int((l.PageH-marginBottom)*scale))); n > 0 {
			t.Errorf("page %d: %d inked pixels in the left margin", i+1, n)
		}
		if dir := os.Getenv("ATTACHE_PREVIEW_PNG"); dir != "" {
			f, _ := os.Create(filepath.Join(dir, "page-"+string(rune('1'+i))+".png"))
			png.Encode(f, img)
			f.Close()
		}
	}
	if _, err := r.Render(l, 2, scale); err == nil {
		t.Error("page 3 of 2 rendered")
	}
}

// inked counts the pixels of a rectangle that are not white.
func inked(img *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			if c.R < 200 || c.G < 200 || c.B < 200 {
				n++
			}
		}
	}
	return n
}

// BenchmarkRenderPage draws one page of the two-page brief at the
// preview's scale (about 1.5 pixels per mm; 3 on a HiDPI screen).
func BenchmarkRenderPage(bm *testing.B) {
	l, err := LayOut(cablesBrief(bm), Options{})
	if err != nil {
		bm.Fatal(err)
	}
	r, _ := NewPageRenderer()
	for bm.Loop() {
		if _, err := r.Render(l, 0, 3); err != nil {
			bm.Fatal(err)
		}
	}
}

// BenchmarkLayOut lays out the two-page brief, as the preview does after
// each change.
func BenchmarkLayOut(bm *testing.B) {
	b := cablesBrief(bm)
	for bm.Loop() {
		if _, err := LayOut(b, Options{}); err != nil {
			bm.Fatal(err)
		}
	}
}
