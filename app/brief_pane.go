package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// markings are the handling markings offered; any other can be typed.
var markings = []string{"", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "LIMITE"}

// briefPane is the brief: its title block, key messages and outline.
type briefPane struct {
	u *ui

	title, subtitle, addressee, author, org, date *widget.Entry
	marking                                       *widget.SelectEntry
	purpose                                       *widget.SelectEntry
	labels                                        *widget.Select
	keys                                          *wrapEntry
	headerMsg                                     *widget.Label
	heading, marking2                             *widget.Label
	accordion                                     *widget.Accordion
	budget                                        *budgetForm

	outline *outline
	content fyne.CanvasObject

	// loading is true while the fields are filled from the model, so that
	// their change callbacks do not edit it back.
	loading bool
}

func newBriefPane(u *ui) *briefPane {
	p := &briefPane{u: u}
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { p.commitHeader() }
		return e
	}
	p.title = entry(lang.L("e.g. Undersea cables: state of play"))
	p.subtitle = entry(lang.L("optional"))
	p.addressee = entry(lang.L("e.g. the Minister"))
	p.author = entry(lang.L("e.g. A. Rossi, policy officer"))
	p.org = entry(lang.L("e.g. Digital Affairs Unit"))
	p.date = entry(lang.L("YYYY-MM-DD"))
	p.marking = widget.NewSelectEntry(markings[1:])
	p.marking.SetPlaceHolder(lang.L("none"))
	p.marking.OnChanged = func(string) { p.commitHeader() }
	var purposes []string
	for _, pu := range briefing.Purposes() {
		purposes = append(purposes, pu.Name[uiLang()])
	}
	p.purpose = widget.NewSelectEntry(purposes)
	p.purpose.SetPlaceHolder(lang.L("e.g. For decision"))
	p.purpose.OnChanged = func(string) { p.commitHeader() }
	p.labels = widget.NewSelect([]string{lang.L("English labels"), lang.L("Italian labels")}, func(string) { p.commitHeader() })
	p.headerMsg = widget.NewLabel("")
	p.headerMsg.Importance = widget.DangerImportance
	p.headerMsg.Hide()

	p.keys = newWrapEntry()
	p.keys.SetPlaceHolder(lang.L("One key message per line"))
	p.keys.SetMinRowsVisible(4)
	p.keys.OnChanged = func(s string) {
		if p.loading {
			return
		}
		p.u.editing(func(ed *briefing.Editor) error { return ed.SetKeyMessages(strings.Split(s, "\n")) })
	}

	// Every field has a label, so that a filled-in field still says what
	// it is; labels of a column share one width so the fields line up.
	left := labelWidth(lang.L("Subtitle"), lang.L("For"), lang.L("Author"), lang.L("Marking"), lang.L("Labels"))
	right := labelWidth(lang.L("Date"), lang.L("Office"), lang.L("Purpose"))
	p.budget = newBudgetForm(p, left)
	form := container.NewVBox(
		labelled(lang.L("Title"), left, p.title), labelled(lang.L("Subtitle"), left, p.subtitle),
		container.NewGridWithColumns(2,
			labelled(lang.L("For"), left, p.addressee), labelled(lang.L("Date"), right, p.date),
			labelled(lang.L("Author"), left, p.author), labelled(lang.L("Office"), right, p.org),
			labelled(lang.L("Marking"), left, p.marking), labelled(lang.L("Purpose"), right, p.purpose)),
		labelled(lang.L("Labels"), left, p.labels), p.budget.content, p.headerMsg,
	)
	p.accordion = widget.NewAccordion(
		widget.NewAccordionItem(lang.L("Title block and marking"), form),
		widget.NewAccordionItem(lang.L("Key messages"), p.keys),
	)
	p.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.heading.SizeName = theme.SizeNameSubHeadingText
	p.heading.Truncation = fyne.TextTruncateEllipsis
	p.marking2 = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	p.marking2.Importance = widget.DangerImportance
	p.outline = newOutline(u)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(u.preview.count, p.marking2), p.heading), p.accordion)
	p.content = container.NewBorder(top, nil, nil, nil, p.outline.content)
	return p
}

// labelWidth is the width of the widest of the labels.
func labelWidth(labels ...string) float32 {
	var w float32
	for _, l := range labels {
		w = max(w, widget.NewLabel(l).MinSize().Width)
	}
	return w
}

// labelled puts a label of width w before a field.
func labelled(label string, w float32, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	space := canvas.NewRectangle(nil)
	space.SetMinSize(fyne.NewSize(w, 1))
	return container.NewBorder(nil, nil, container.NewStack(space, l), nil, field)
}

// commitHeader writes the title block fields into the brief.
func (p *briefPane) commitHeader() {
	if p.loading || p.u.ed == nil {
		return
	}
	h := p.u.ed.Brief().Header
	h.Title = p.title.Text
	h.Subtitle = strings.TrimSpace(p.subtitle.Text)
	h.For = strings.TrimSpace(p.addressee.Text)
	h.Author = strings.TrimSpace(p.author.Text)
	h.Organisation = strings.TrimSpace(p.org.Text)
	h.Date = strings.TrimSpace(p.date.Text)
	h.Classification = strings.TrimSpace(p.marking.Text)
	h.Purpose = briefing.PurposeID(p.purpose.Text)
	h.Lang = "en"
	if p.labels.SelectedIndex() == 1 {
		h.Lang = "it"
	}
	err := p.u.editing(func(ed *briefing.Editor) error { return ed.SetHeader(h) })
	if err != nil {
		p.headerMsg.SetText(oneLine(err.Error()))
		p.headerMsg.Show()
	} else {
		p.headerMsg.Hide()
	}
}

// load fills the fields from the brief.
func (p *briefPane) load(b *briefing.Brief) {
	p.loading = true
	defer func() { p.loading = false }()
	setText(p.title, b.Title)
	setText(p.subtitle, b.Subtitle)
	setText(p.addressee, b.For)
	setText(p.author, b.Author)
	setText(p.org, b.Organisation)
	setText(p.date, b.Date)
	if p.marking.Text != b.Classification {
		p.marking.SetText(b.Classification)
	}
	purpose := briefing.PurposeLabel(b.Purpose, uiLang())
	if p.purpose.Text != purpose {
		p.purpose.SetText(purpose)
	}
	if b.Labels() == "it" {
		p.labels.SetSelectedIndex(1)
	} else {
		p.labels.SetSelectedIndex(0)
	}
	setText(&p.keys.Entry, strings.Join(b.KeyMessages, "\n"))
	p.budget.load(b)
	p.headerMsg.Hide()
	p.showHeading(b)
}

// showHeading shows the brief's title and marking above its fields.
func (p *briefPane) showHeading(b *briefing.Brief) {
	p.heading.SetText(b.Title)
	p.marking2.SetText(b.Classification)
}

// setText changes an entry's text only when it differs, so that the cursor
// of the entry being typed in stays put.
func setText(e *widget.Entry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}

// contains reports whether the brief quotes the passage id.
func (p *briefPane) contains(id string) bool {
	if p.u.ed == nil {
		return false
	}
	for _, x := range p.u.ed.Brief().Excerpts() {
		if x.PassageID == id {
			return true
		}
	}
	return false
}
