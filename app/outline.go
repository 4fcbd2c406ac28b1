package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// Tree node IDs: a section is "s/" + its ID, an excerpt "x/" + its ID.
const (
	secNode = "s/"
	exNode  = "x/"
)

// outline is the brief's sections and excerpts as a tree, the commands that
// change it, and an editor for the selected node.
type outline struct {
	u *ui

	tree *widget.Tree
	// sel is the selected node ID, or "".
	sel string

	addBtn, renameBtn, deleteBtn, upBtn, downBtn, moveBtn *widget.Button

	// The editor of a section.
	secHeading *widget.Entry
	secText    *widget.Entry
	secTheme   *widget.Select
	secBox     fyne.CanvasObject
	// The editor of an excerpt.
	exQuote   *widget.Label
	exSource  *widget.Label
	exThemes  *widget.RichText
	exComment *widget.Entry
	exBox     fyne.CanvasObject
	empty     *widget.Label
	detail    *fyne.Container

	content fyne.CanvasObject
	loading bool
	// rows are the tree's row widgets, to find the one under a drop.
	rows []*nodeRow
}

func newOutline(u *ui) *outline {
	o := &outline{u: u}
	o.tree = widget.NewTree(o.children, o.isBranch,
		func(bool) fyne.CanvasObject { return newNodeRow(o) },
		func(uid widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
			r := obj.(*nodeRow)
			r.uid = uid
			r.label.TextStyle = fyne.TextStyle{Bold: strings.HasPrefix(uid, secNode)}
			r.label.SetText(o.nodeLabel(uid))
			r.setCaption(o.nodeCaption(uid))
		})
	o.tree.OnSelected = func(uid widget.TreeNodeID) {
		if o.u.ed != nil {
			o.u.ed.Seal()
		}
		o.sel = uid
		o.showDetail()
		o.enable()
		if strings.HasPrefix(uid, exNode) {
			if x, _, _ := o.u.ed.Brief().Excerpt(strings.TrimPrefix(uid, exNode)); x != nil {
				o.u.reader.showPassage(x.Source.DocID, x.PassageID)
			}
		}
	}
	o.tree.OnUnselected = func(widget.TreeNodeID) {
		o.sel = ""
		o.showDetail()
		o.enable()
	}

	o.addBtn = widget.NewButtonWithIcon("Section", theme.ContentAddIcon(), o.addSection)
	o.renameBtn = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), o.rename)
	o.deleteBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), o.remove)
	o.upBtn = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { o.move(-1) })
	o.downBtn = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { o.move(1) })
	o.moveBtn = widget.NewButtonWithIcon("Move to…", theme.NavigateNextIcon(), o.moveToSection)
	bar := container.NewHBox(o.addBtn, o.renameBtn, o.deleteBtn, o.upBtn, o.downBtn, o.moveBtn)

	o.secHeading = widget.NewEntry()
	o.secHeading.SetPlaceHolder("Section heading")
	o.secHeading.OnChanged = func(s string) {
		if o.loading || strings.TrimSpace(s) == "" {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.RenameSection(id, s) })
	}
	o.secText = widget.NewMultiLineEntry()
	o.secText.Wrapping = fyne.TextWrapWord
	o.secText.SetPlaceHolder("Your text for this section; a blank line starts a new paragraph.")
	o.secText.OnChanged = func(s string) {
		if o.loading {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.SetSectionText(id, s) })
	}
	o.secTheme = widget.NewSelect(themeOptions(), func(label string) {
		if o.loading || !strings.HasPrefix(o.sel, secNode) {
			return
		}
		id := strings.TrimPrefix(o.sel, secNode)
		th := themeByLabel(label)
		if s, _ := o.u.ed.Brief().Section(id); s == nil || s.Theme == th {
			return
		}
		o.u.edit(func(ed *briefing.Editor) error { return ed.SetSectionTheme(id, th) })
	})
	o.secTheme.PlaceHolder = noTheme
	o.secBox = container.NewBorder(
		container.NewVBox(o.secHeading, labelled("Theme", labelWidth("Theme"), o.secTheme)),
		nil, nil, nil, o.secText)

	o.exQuote = wrappingLabel("", fyne.TextStyle{})
	o.exSource = wrappingLabel("", fyne.TextStyle{Italic: true})
	o.exThemes = wrappingRichText()
	o.exComment = widget.NewMultiLineEntry()
	o.exComment.Wrapping = fyne.TextWrapWord
	o.exComment.SetMinRowsVisible(3)
	o.exComment.SetPlaceHolder("Your comment after the quotation")
	o.exComment.OnChanged = func(s string) {
		if o.loading {
			return
		}
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.editing(func(ed *briefing.Editor) error { return ed.SetExcerptComment(id, s) })
	}
	trim := widget.NewButtonWithIcon("Trim quote…", theme.ContentCutIcon(), o.trim)
	whole := widget.NewButtonWithIcon("Whole passage", theme.ContentUndoIcon(), func() {
		id := strings.TrimPrefix(o.sel, exNode)
		o.u.edit(func(ed *briefing.Editor) error { return ed.RestoreExcerpt(id) })
	})
	// The themes head the excerpt, in view however long its quotation.
	o.exBox = container.NewBorder(o.exThemes, container.NewVBox(o.exComment, container.NewHBox(trim, whole)), nil, nil,
		container.NewVScroll(container.NewVBox(o.exQuote, o.exSource)))

	o.empty = wrappingLabel("Select a section to write its text, or an excerpt to comment on it or trim it. Add passages with Add to brief (Ctrl+Enter).", fyne.TextStyle{})
	o.detail = container.NewStack(o.empty)

	split := container.NewVSplit(o.tree, o.detail)
	split.Offset = 0.5
	o.content = container.NewBorder(bar, nil, nil, nil, split)
	o.enable()
	return o
}

// children lists a node's children: the sections at the root, a section's
// excerpts under it.
func (o *outline) children(uid widget.TreeNodeID) []widget.TreeNodeID {
	if o.u.ed == nil {
		return nil
	}
	b := o.u.ed.Brief()
	var ids []string
	if uid == "" {
		for _, s := range b.Sections {
			ids = append(ids, secNode+s.ID)
		}
		return ids
	}
	if s, _ := b.Section(strings.TrimPrefix(uid, secNode)); s != nil && strings.HasPrefix(uid, secNode) {
		for _, x := range s.Excerpts {
			ids = append(ids, exNode+x.ID)
		}
	}
	return ids
}

func (o *outline) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || strings.HasPrefix(uid, secNode)
}

// nodeLabel is the text of a tree row.
func (o *outline) nodeLabel(uid string) string {
	if o.u.ed == nil {
		return ""
	}
	b := o.u.ed.Brief()
	if strings.HasPrefix(uid, secNode) {
		s, i := b.Section(strings.TrimPrefix(uid, secNode))
		if s == nil {
			return ""
		}
		return fmt.Sprintf("%d. %s", i+1, s.Heading)
	}
	x, _, _ := b.Excerpt(strings.TrimPrefix(uid, exNode))
	if x == nil {
		return ""
	}
	src := x.Source.ShortTitle
	if src == "" {
		src = x.Source.Title
	}
	return fmt.Sprintf("“%s” — %s, %s", shortText(x.Text, 60), src, x.Locator)
}

// nodeCaption is the dim text at the end of a tree row: a section's theme.
func (o *outline) nodeCaption(uid string) string {
	if o.u.ed == nil || !strings.HasPrefix(uid, secNode) {
		return ""
	}
	s, _ := o.u.ed.Brief().Section(strings.TrimPrefix(uid, secNode))
	if s == nil || s.Theme == "" {
		return ""
	}
	return themeLabel(s.Theme)
}

// shortText cuts s to n runes with an ellipsis.
func shortText(s string, n int) string {
	r := []rune(oneLine(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// refresh redraws the tree and the editor after the brief changed.
func (o *outline) refresh(reloadDetail bool) {
	if o.sel != "" && !o.exists(o.sel) {
		o.sel = ""
		o.tree.UnselectAll()
		reloadDetail = true
	}
	o.tree.Refresh()
	o.tree.OpenAllBranches()
	if reloadDetail {
		o.showDetail()
	}
	o.enable()
}

// exists reports whether node uid is in the brief.
func (o *outline) exists(uid string) bool {
	b := o.u.ed.Brief()
	if strings.HasPrefix(uid, secNode) {
		s, _ := b.Section(strings.TrimPrefix(uid, secNode))
		return s != nil
	}
	x, _, _ := b.Excerpt(strings.TrimPrefix(uid, exNode))
	return x != nil
}

// selectNode selects node uid in the tree.
func (o *outline) selectNode(uid string) {
	o.tree.OpenAllBranches()
	o.tree.Select(uid)
	o.tree.ScrollTo(uid)
}

// showDetail puts the selected node's editor under the tree.
func (o *outline) showDetail() {
	o.loading = true
	defer func() { o.loading = false }()
	var b *briefing.Brief
	if o.u.ed != nil {
		b = o.u.ed.Brief()
	}
	switch {
	case b != nil && strings.HasPrefix(o.sel, secNode):
		s, _ := b.Section(strings.TrimPrefix(o.sel, secNode))
		if s == nil {
			break
		}
		setText(o.secHeading, s.Heading)
		setText(o.secText, strings.Join(s.Text, "\n\n"))
		// Set directly: a theme the taxonomy no longer knows shows its ID.
		o.secTheme.Selected = themeLabel(s.Theme)
		o.secTheme.Refresh()
		o.detail.Objects = []fyne.CanvasObject{o.secBox}
		o.detail.Refresh()
		return
	case b != nil && strings.HasPrefix(o.sel, exNode):
		x, _, _ := b.Excerpt(strings.TrimPrefix(o.sel, exNode))
		if x == nil {
			break
		}
		o.exQuote.SetText("“" + x.Text + "”")
		o.exSource.SetText(excerptSource(x))
		o.exThemes.Segments = nil
		o.exThemes.Hide()
		if t := themeList(x.Themes); t != "" {
			o.exThemes.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: captionStyle, Text: "Themes: " + t}}
			o.exThemes.Show()
		}
		o.exThemes.Refresh()
		setText(o.exComment, x.Comment)
		o.detail.Objects = []fyne.CanvasObject{o.exBox}
		o.detail.Refresh()
		return
	}
	o.detail.Objects = []fyne.CanvasObject{o.empty}
	o.detail.Refresh()
}

// excerptSource says where an excerpt comes from.
func excerptSource(x *briefing.Excerpt) string {
	parts := []string{x.Source.Title}
	if len(x.SectionPath) > 0 {
		parts = append(parts, strings.Join(x.SectionPath, " › "))
	}
	loc := x.Locator
	if x.Page > 0 {
		loc += fmt.Sprintf(", p. %d", x.Page)
	}
	parts = append(parts, loc)
	return strings.Join(parts, " · ")
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
	o.askText("Add section", "Heading", "", func(h string) {
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
	o.askText("Rename section", "Heading", s.Heading, func(h string) {
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
		msg := fmt.Sprintf("Delete section “%s” with its %d excerpts and text? Undo (Ctrl+Z) brings it back.", s.Heading, len(s.Excerpts))
		o.u.showDialog(dialog.NewConfirm("Delete section", msg, func(ok bool) {
			if ok {
				del()
			}
		}, o.u.win))
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
	o.u.showDialog(dialog.NewForm("Move excerpt to section", "Move", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Section", sel)}, func(ok bool) {
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
	d := dialog.NewForm(title, "OK", "Cancel", []*widget.FormItem{widget.NewFormItem(label, e)}, func(ok bool) {
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
