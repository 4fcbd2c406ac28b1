package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	secText    *wrapEntry
	secTheme   *widget.Select
	secBox     fyne.CanvasObject
	// The editor of an excerpt.
	exQuote  *widget.Label
	exSource *widget.Label
	exThemes *widget.RichText
	// exTranslation is the analyst's own translation (translation_editor.go).
	exTranslation *wrapEntry
	exComment     *wrapEntry
	exBox         fyne.CanvasObject
	empty         *widget.Label
	detail        *fyne.Container

	content fyne.CanvasObject
	loading bool
	// rows are the tree's row widgets, to find the one under a drop.
	rows []*nodeRow
	// lines is how many lines the rows have (see rowsLines); treeWidth
	// is the tree's width when last laid out.
	lines     int
	treeWidth float32
}

func newOutline(u *ui) *outline {
	o := &outline{u: u}
	o.tree = widget.NewTree(o.children, o.isBranch,
		func(bool) fyne.CanvasObject { return newNodeRow(o) },
		func(uid widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
			r := obj.(*nodeRow)
			if r.uid == "" {
				// Only rows the tree shows are kept: it makes others, on
				// every refresh, to measure a row.
				o.rows = append(o.rows, r)
			}
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

	bar := o.commandBar()
	o.buildDetail()

	split := container.NewVSplit(container.New(&widthWatch{changed: o.fitRows}, o.tree), o.detail)
	// The tree gets the larger part: its rows are two lines tall.
	split.Offset = 0.6
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
	return fmt.Sprintf("“%s” — %s, %s", shortText(x.Text, 90), src, briefing.FormatLocator(x.Locator, uiLang()))
}

// nodeCaption is the dim text at the end of a tree row: for a section, a
// mark when it has text of one's own, and its theme.
func (o *outline) nodeCaption(uid string) string {
	if o.u.ed == nil || !strings.HasPrefix(uid, secNode) {
		return ""
	}
	s, _ := o.u.ed.Brief().Section(strings.TrimPrefix(uid, secNode))
	if s == nil {
		return ""
	}
	var parts []string
	if hasOwnText(s) {
		parts = append(parts, lang.L("✎ text"))
	}
	if s.Theme != "" {
		parts = append(parts, themeLabel(s.Theme))
	}
	return strings.Join(parts, " · ")
}

// hasOwnText reports whether a section has text of one's own.
func hasOwnText(s *briefing.Section) bool {
	for _, p := range s.Text {
		if strings.TrimSpace(p) != "" {
			return true
		}
	}
	return false
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
	o.lines = o.neededLines(o.treeWidth)
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
