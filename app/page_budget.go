package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// budgetForm is the page budget in the title block: the page limit (empty
// for the template's), and the levers: contents list automatic, always or
// never, and the Sources list on or off.
type budgetForm struct {
	p        *briefPane
	limit    *widget.Entry
	contents *widget.Select
	sources  *widget.Check
	content  fyne.CanvasObject
}

// contentsModes are the contents list's settings, in the menu's order.
var contentsModes = []string{briefing.ContentsAuto, briefing.ContentsOn, briefing.ContentsOff}

func contentsLabels() []string {
	return []string{lang.L("Automatic (over the page limit)"), lang.L("Always"), lang.L("Never")}
}

func newBudgetForm(p *briefPane, labelW float32) *budgetForm {
	f := &budgetForm{p: p}
	f.limit = widget.NewEntry()
	f.limit.OnChanged = func(string) { f.commit() }
	f.contents = widget.NewSelect(contentsLabels(), func(string) { f.commit() })
	f.sources = widget.NewCheck(lang.L("Sources list"), func(bool) { f.commit() })
	// One field a row: side by side, with the contents' long choices
	// ("Automatic (over the page limit)"), they made the brief pane 440
	// wide at least, and on a 1024x600 screen the search pane beside it
	// was squeezed under its filters' width.
	f.content = container.NewVBox(
		labelled(lang.L("Page limit"), labelW, f.limit),
		labelled(lang.L("Contents"), labelW, f.contents),
		f.sources)
	return f
}

// commit writes the budget into the brief's title block.
func (f *budgetForm) commit() {
	p := f.p
	if p.loading || p.u.ed == nil {
		return
	}
	h := p.u.ed.Brief().Header
	h.PageLimit = 0
	if t := strings.TrimSpace(f.limit.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			p.headerMsg.SetText(lang.L("The page limit is a number of pages; leave it empty for the template's."))
			p.headerMsg.Show()
			return
		}
		h.PageLimit = n
	}
	if i := f.contents.SelectedIndex(); i >= 0 {
		h.Contents = contentsModes[i]
	}
	h.Sources = briefing.SourcesOn
	if !f.sources.Checked {
		h.Sources = briefing.SourcesOff
	}
	if err := p.u.editing(func(ed *briefing.Editor) error { return ed.SetHeader(h) }); err != nil {
		p.headerMsg.SetText(oneLine(err.Error()))
		p.headerMsg.Show()
		return
	}
	p.headerMsg.Hide()
}

// load shows the brief's budget; the limit's hint is the template's.
func (f *budgetForm) load(b *briefing.Brief) {
	limit := ""
	if b.PageLimit > 0 {
		limit = fmt.Sprint(b.PageLimit)
	}
	setText(f.limit, limit)
	hint := lang.L("none")
	if t, ok := briefing.TemplateByID(b.Template); ok && t.PageLimit > 0 {
		hint = lang.L("template's: {{.N}}", map[string]any{"N": t.PageLimit})
	}
	f.limit.SetPlaceHolder(hint)
	for i, m := range contentsModes {
		if m == b.ContentsMode() && f.contents.SelectedIndex() != i {
			f.contents.SetSelectedIndex(i)
		}
	}
	if f.sources.Checked != b.SourcesList() {
		f.sources.SetChecked(b.SourcesList())
	}
}
