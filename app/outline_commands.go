package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// commandBar makes the buttons that change the outline: add, rename,
// delete, move up, down and to another section.
func (o *outline) commandBar() fyne.CanvasObject {
	o.addBtn = widget.NewButtonWithIcon(lang.L("Section"), theme.ContentAddIcon(), o.addSection)
	o.renameBtn = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), o.rename)
	o.deleteBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), o.remove)
	o.upBtn = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { o.move(-1) })
	o.downBtn = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { o.move(1) })
	o.moveBtn = widget.NewButtonWithIcon(lang.L("Move to…"), theme.NavigateNextIcon(), o.moveToSection)
	return newCollapsingBar(o.addBtn, o.renameBtn, o.deleteBtn, o.upBtn, o.downBtn, o.moveBtn)
}

// enable turns the commands on or off for the selection.
func (o *outline) enable() {
	on := func(b *widget.Button, ok bool) {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	isSec := strings.HasPrefix(o.sel, secNode)
	isEx := strings.HasPrefix(o.sel, exNode)
	on(o.addBtn, o.u.ed != nil)
	on(o.renameBtn, isSec)
	on(o.deleteBtn, isSec || isEx)
	on(o.upBtn, isSec || isEx)
	on(o.downBtn, isSec || isEx)
	on(o.moveBtn, isEx)
}

// selectedSection returns the ID of the selected section, or of the
// section of the selected excerpt, and the place after the selected
// excerpt (-1 for the end).
func (o *outline) selectedSection() (string, int) {
	if o.u.ed == nil {
		return "", -1
	}
	b := o.u.ed.Brief()
	switch {
	case strings.HasPrefix(o.sel, secNode):
		return strings.TrimPrefix(o.sel, secNode), -1
	case strings.HasPrefix(o.sel, exNode):
		_, i, j := b.Excerpt(strings.TrimPrefix(o.sel, exNode))
		if i >= 0 {
			return b.Sections[i].ID, j + 1
		}
	}
	return "", -1
}

// addSection asks for a heading and adds a section after the selected one.
func (o *outline) addSection() {
	o.askText(lang.L("Add section"), lang.L("Heading"), "", func(h string) {
		at := -1
		if id, _ := o.selectedSection(); id != "" {
			_, i := o.u.ed.Brief().Section(id)
			at = i + 1
		}
		o.addSectionNamed(h, at)
	})
}

// addSectionNamed adds a section and selects it.
func (o *outline) addSectionNamed(heading string, at int) string {
	var id string
	o.u.edit(func(ed *briefing.Editor) (err error) {
		id, err = ed.AddSection(heading, at)
		return err
	})
	if id != "" {
		o.selectNode(secNode + id)
	}
	return id
}

// rename asks for the selected section's new heading.
func (o *outline) rename() {
	if !strings.HasPrefix(o.sel, secNode) {
		return
	}
	id := strings.TrimPrefix(o.sel, secNode)
	s, _ := o.u.ed.Brief().Section(id)
	if s == nil {
		return
	}
	o.askText(lang.L("Rename section"), lang.L("Heading"), s.Heading, func(h string) {
		o.u.edit(func(ed *briefing.Editor) error { return ed.RenameSection(id, h) })
	})
}

// remove deletes the selected section (asking first if it has content) or
// excerpt.
func (o *outline) remove() {
	switch {
	case strings.HasPrefix(o.sel, secNode):
		id := strings.TrimPrefix(o.sel, secNode)
		s, _ := o.u.ed.Brief().Section(id)
		if s == nil {
			return
		}
		del := func() { o.u.edit(func(ed *briefing.Editor) error { return ed.RemoveSection(id) }) }
		if len(s.Excerpts) == 0 && len(s.Text) == 0 {
			del()
			return
		}
		msg := fmt.Sprintf(lang.L("Delete section “%s” with its %d excerpts and text? Undo (Ctrl+Z) brings it back."), s.Heading, len(s.Excerpts))
		o.u.askQuestion(lang.L("Delete section"), msg, lang.L("Delete"), lang.L("Cancel"), func(ok bool) {
			if ok {
				del()
			}
		}, nil)
	case strings.HasPrefix(o.sel, exNode):
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.edit(func(ed *briefing.Editor) error { return ed.RemoveExcerpt(id) })
	}
}

// move moves the selected section or excerpt up (-1) or down (+1); an
// excerpt at the edge of its section moves into the next section.
func (o *outline) move(delta int) {
	b := o.u.ed.Brief()
	switch {
	case strings.HasPrefix(o.sel, secNode):
		id := strings.TrimPrefix(o.sel, secNode)
		_, i := b.Section(id)
		to := i + delta
		if i < 0 || to < 0 || to >= len(b.Sections) {
			return
		}
		o.u.edit(func(ed *briefing.Editor) error { return ed.MoveSection(id, to) })
	case strings.HasPrefix(o.sel, exNode):
		id := strings.TrimPrefix(o.sel, exNode)
		_, i, j := b.Excerpt(id)
		if i < 0 {
			return
		}
		to := j + delta
		switch {
		case to >= 0 && to < len(b.Sections[i].Excerpts):
			sec := b.Sections[i].ID
			o.u.edit(func(ed *briefing.Editor) error { return ed.MoveExcerpt(id, sec, to) })
		case to < 0 && i > 0:
			sec := b.Sections[i-1].ID
			o.u.edit(func(ed *briefing.Editor) error { return ed.MoveExcerpt(id, sec, -1) })
		case to >= len(b.Sections[i].Excerpts) && i+1 < len(b.Sections):
			sec := b.Sections[i+1].ID
			o.u.edit(func(ed *briefing.Editor) error { return ed.MoveExcerpt(id, sec, 0) })
		}
	}
	o.tree.ScrollTo(o.sel)
}

// moveToSection asks which section the selected excerpt goes to.
func (o *outline) moveToSection() {
	if !strings.HasPrefix(o.sel, exNode) {
		return
	}
	id := strings.TrimPrefix(o.sel, exNode)
	b := o.u.ed.Brief()
	var names []string
	ids := map[string]string{}
	for i, s := range b.Sections {
		n := fmt.Sprintf("%d. %s", i+1, s.Heading)
		names = append(names, n)
		ids[n] = s.ID
	}
	sel := widget.NewSelect(names, nil)
	o.u.showDialog(dialog.NewForm(lang.L("Move excerpt to section"), lang.L("Move"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Section"), sel)}, func(ok bool) {
			if ok && sel.Selected != "" {
				o.moveExcerptTo(id, ids[sel.Selected])
			}
		}, o.u.win))
}

// moveExcerptTo moves excerpt id to the end of section sec.
func (o *outline) moveExcerptTo(id, sec string) {
	o.u.edit(func(ed *briefing.Editor) error { return ed.MoveExcerpt(id, sec, -1) })
	o.selectNode(exNode + id)
}

// trim opens the trim dialog on the selected excerpt.
func (o *outline) trim() {
	if !strings.HasPrefix(o.sel, exNode) {
		return
	}
	x, _, _ := o.u.ed.Brief().Excerpt(strings.TrimPrefix(o.sel, exNode))
	if x != nil {
		showTrimDialog(o.u, x)
	}
}

// askText asks for one line of text in a dialog.
func (o *outline) askText(title, label, value string, done func(string)) {
	e := newEscEntry(o.u, false)
	e.SetText(value)
	d := dialog.NewForm(title, lang.L("OK"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(label, e)}, func(ok bool) {
		if ok && strings.TrimSpace(e.Text) != "" {
			done(strings.TrimSpace(e.Text))
		}
	}, o.u.win)
	// Enter in the field answers OK.
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	o.u.showDialog(d)
	o.u.win.Canvas().Focus(e)
}
