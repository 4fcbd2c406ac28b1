package app

import (
	"image"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// The page preview: the brief's pages as its PDF prints them, drawn from
// the PDF's own layout (briefing.LayOut and briefing.PageRenderer) off the
// UI goroutine, a moment after the last change, and the page count against
// the page limit, shown in the brief pane ("3 of 2 pages" in red when
// over). A click on a page selects that part of the outline.

// previewDelay is how long the brief must rest before the pages are drawn
// again.
const previewDelay = 400 * time.Millisecond

// previewScale is the pixels per millimetre of the drawn pages (an A4
// page is 630 × 891 pixels), sharp when shown at about 300 units wide.
const previewScale = 3.0

// previewWidth is the width of a page on screen, in Fyne units.
const previewWidth = 300

// previewPane shows the pages and keeps the page count.
type previewPane struct {
	u *ui

	// count is the page count line the brief pane shows.
	count   *widget.Label
	pages   *fyne.Container
	message *widget.Label
	scroll  *container.Scroll
	content fyne.CanvasObject

	// layout is the last layout drawn, nil before the first.
	layout *briefing.Layout
	// gen counts the requests; a result of an older one is dropped.
	gen int
	// timer is the pending debounce, nil when none.
	timer *time.Timer
	// shown is true while the preview is in the window.
	shown bool

	mu       sync.Mutex // guards renderer, used by one job at a time
	renderer *briefing.PageRenderer
}

func newPreviewPane(u *ui) *previewPane {
	p := &previewPane{u: u}
	p.count = widget.NewLabel("")
	p.count.Hide()
	p.message = wrappingLabel(lang.L("The pages appear here as they will print."), fyne.TextStyle{Italic: true})
	p.pages = container.NewVBox()
	p.scroll = container.NewVScroll(container.NewVBox(p.message, container.NewCenter(p.pages)))
	p.content = p.scroll
	return p
}

// schedule lays the brief out again after previewDelay (at once in tests,
// whose delay is zero). Only the page count is kept while the preview is
// not shown. A blank brief, as a template or New makes it, is not laid out
// until it is changed or shown: laying out loads the PDF's fonts (5 MB
// kept for the rest of the run) to count the one page of nothing.
func (p *previewPane) schedule() {
	if p.u.ed == nil {
		return
	}
	p.gen++
	gen := p.gen
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	if !p.shown && p.layout == nil && !p.u.ed.CanUndo() && blankBrief(p.u.ed.Brief()) {
		p.count.Hide()
		return
	}
	// the brief is copied on the UI goroutine; the copy is the job's own
	b := p.u.ed.Brief().Clone()
	opt := briefing.Options{Paper: strings.ToLower(p.u.app.Preferences().StringWithFallback(prefExportPaper, "A4"))}
	draw := p.shown
	job := func() { p.run(gen, b, opt, draw) }
	if p.u.delay <= 0 {
		p.u.background(job)
		return
	}
	p.timer = time.AfterFunc(previewDelay, job)
}

// blankBrief reports whether b has nothing of its author's yet: no key
// message, no section text and no quotation (headings and a title block
// it may have).
func blankBrief(b *briefing.Brief) bool {
	if len(b.KeyMessages) > 0 {
		return false
	}
	for _, s := range b.Sections {
		if len(s.Text) > 0 || len(s.Excerpts) > 0 {
			return false
		}
	}
	return true
}

// run lays out and draws the pages off the UI goroutine, then shows them.
func (p *previewPane) run(gen int, b *briefing.Brief, opt briefing.Options, draw bool) {
	l, err := briefing.LayOut(b, opt)
	var imgs []image.Image
	if err == nil && draw {
		p.mu.Lock()
		if p.renderer == nil {
			p.renderer, err = briefing.NewPageRenderer()
		}
		for i := range l.Pages {
			if err != nil {
				break
			}
			var img image.Image
			img, err = p.renderer.Render(l, i, previewScale)
			imgs = append(imgs, img)
		}
		p.mu.Unlock()
	}
	fyne.Do(func() {
		if gen != p.gen {
			return // a newer change is on its way
		}
		p.show(l, imgs, err, draw)
	})
}

// show puts a finished layout in the window.
func (p *previewPane) show(l *briefing.Layout, imgs []image.Image, err error, drawn bool) {
	if err != nil {
		p.layout = nil
		p.count.Hide()
		p.message.SetText(lang.L("The pages cannot be drawn: {{.Err}}", map[string]any{"Err": oneLine(err.Error())}))
		p.message.Show()
		p.pages.Objects = nil
		p.pages.Refresh()
		return
	}
	p.layout = l
	p.count.SetText(pageCountText(l))
	p.count.Importance = widget.MediumImportance
	if l.Over() {
		p.count.Importance = widget.DangerImportance
	}
	p.count.Show()
	p.count.Refresh()
	if !drawn || !p.shown {
		return // (a drawing that finished after the preview was hidden)
	}
	p.message.Hide()
	objs := make([]fyne.CanvasObject, len(imgs))
	for i, img := range imgs {
		objs[i] = newPageView(p, i, img, l.PageW, l.PageH)
	}
	p.pages.Objects = objs
	p.pages.Refresh()
}

// pageCountText is "2 of 2 pages", "3 of 2 pages" or "5 pages".
func pageCountText(l *briefing.Layout) string {
	n := len(l.Pages)
	if l.Limit == 0 {
		return lang.L("{{.N}} pages", map[string]any{"N": n})
	}
	return lang.L("{{.N}} of {{.Limit}} pages", map[string]any{"N": n, "Limit": l.Limit})
}

// exportNote says in the Export dialog how the brief fits its page limit,
// or returns nil before the first layout.
func (p *previewPane) exportNote() *widget.Label {
	if p.layout == nil {
		return nil
	}
	l := widget.NewLabel(pageCountText(p.layout))
	if p.layout.Over() {
		l.SetText(lang.L("{{.N}} of {{.Limit}} pages: over the brief's page limit", map[string]any{"N": len(p.layout.Pages), "Limit": p.layout.Limit}))
		l.Importance = widget.DangerImportance
	}
	return l
}

// toggle shows the pages in place of the reader, or the reader again
// (View › Page Preview).
func (p *previewPane) toggle() {
	if p.u.rsplit == nil {
		return
	}
	p.shown = !p.shown
	if p.shown {
		p.u.rsplit.Leading = p.content
		p.schedule()
	} else {
		p.u.rsplit.Leading = p.u.reader.content
		p.dropPages()
	}
	p.u.rsplit.Refresh()
	p.u.app.Preferences().SetBool(prefPreview, p.shown)
	if p.u.previewItem != nil {
		p.u.previewItem.Checked = p.shown
		p.u.menu.Refresh()
	}
}

// dropPages lets go of the drawn pages (about 2 MB of pixels each, and
// their textures) and the page renderer's fonts while the preview is
// hidden; showing it again draws them anew. The layout, which gives the
// page count, is kept.
func (p *previewPane) dropPages() {
	p.pages.Objects = nil
	p.pages.Refresh()
	p.message.Show()
	go func() { // a drawing under way holds the renderer a moment
		p.mu.Lock()
		p.renderer = nil
		p.mu.Unlock()
		releaseMemory()
	}()
}

// goTo selects the part of the outline a point of a page shows: the
// excerpt or section of the line there, else the title block.
func (p *previewPane) goTo(page int, yMM float64) {
	if p.layout == nil || page >= len(p.layout.Pages) {
		return
	}
	ln, ok := p.layout.Pages[page].At(yMM)
	o := p.u.brief.outline
	switch {
	case ok && ln.Excerpt != "" && o.exists(exNode+ln.Excerpt):
		o.selectNode(exNode + ln.Excerpt)
	case ok && ln.Section != "" && o.exists(secNode+ln.Section):
		o.selectNode(secNode + ln.Section)
	default:
		p.u.brief.accordion.Open(0) // the title block
	}
}

// pageView is one drawn page; a tap goes to the outline.
type pageView struct {
	widget.BaseWidget
	p            *previewPane
	index        int
	img          *canvas.Image
	pageW, pageH float64
}

func newPageView(p *previewPane, index int, img image.Image, w, h float64) *pageView {
	v := &pageView{p: p, index: index, pageW: w, pageH: h}
	v.img = canvas.NewImageFromImage(img)
	v.img.FillMode = canvas.ImageFillContain
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.img.SetMinSize(fyne.NewSize(previewWidth, float32(previewWidth*h/w)))
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer draws the page with a thin frame.
func (v *pageView) CreateRenderer() fyne.WidgetRenderer {
	frame := canvas.NewRectangle(nil)
	frame.StrokeWidth = 1
	frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	return widget.NewSimpleRenderer(container.NewStack(v.img, frame))
}

// Tapped goes to the part of the outline under the tap.
func (v *pageView) Tapped(e *fyne.PointEvent) {
	size := v.Size()
	scale := min(float64(size.Width)/v.pageW, float64(size.Height)/v.pageH)
	top := (float64(size.Height) - v.pageH*scale) / 2
	v.p.goTo(v.index, (float64(e.Position.Y)-top)/scale)
}
