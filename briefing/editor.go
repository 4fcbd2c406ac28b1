package briefing

// Editor wraps a brief with undo and redo. Every change goes through one of
// its methods; each successful change is one undo step (or merges into the
// previous one, for repeated edits of the same text). Failed changes leave
// the brief and the history untouched.
//
// An Editor is not safe for concurrent use; the window calls it from its
// own goroutine.
type Editor struct {
	brief   *Brief
	undo    []step
	redo    []step
	lastKey string
	// version counts changes, undos and redos; saved is its value when the
	// brief was last saved or loaded.
	version, saved int
	// stamps give each history state a version so Dirty is right after
	// undoing back to the saved state.
	stamp int
	next  int

	// OnChange, when set, is called after every change, undo and redo.
	OnChange func()
}

// step is one undo (or redo) entry: the brief before (or after) a change.
type step struct {
	label string
	brief *Brief
	stamp int
}

// NewEditor returns an editor on b, which it now owns; the history is empty
// and the brief counts as saved.
func NewEditor(b *Brief) *Editor {
	if b == nil {
		b = &Brief{}
	}
	return &Editor{brief: b}
}

// Brief returns the brief being edited. Read it freely, but change it only
// through the editor's methods, or the history goes wrong.
func (e *Editor) Brief() *Brief { return e.brief }

// Replace swaps in another brief (e.g. one loaded from disk), clearing the
// history and marking it saved.
func (e *Editor) Replace(b *Brief) {
	e.brief = b
	e.undo, e.redo, e.lastKey = nil, nil, ""
	e.next++
	e.stamp = e.next
	e.saved = e.stamp
	e.version++
	e.changed()
}

// Dirty reports whether the brief differs from when it was last saved.
func (e *Editor) Dirty() bool { return e.stamp != e.saved }

// MarkSaved records that the brief as it is now has been saved.
func (e *Editor) MarkSaved() {
	e.saved = e.stamp
	e.lastKey = ""
}

// MarkDirty records that the brief as it is now is not saved (a copy
// restored from an autosave, say), without adding an undo step; Dirty stays
// true until MarkSaved, even after undoing and redoing.
func (e *Editor) MarkDirty() {
	e.next++
	e.stamp = e.next
	e.lastKey = ""
	e.version++
	e.changed()
}

// Version counts the changes, undos and redos so far; a view can compare it
// to know whether to redraw.
func (e *Editor) Version() int { return e.version }

// CanUndo reports whether there is a change to undo.
func (e *Editor) CanUndo() bool { return len(e.undo) > 0 }

// CanRedo reports whether there is an undone change to redo.
func (e *Editor) CanRedo() bool { return len(e.redo) > 0 }

// UndoLabel names the change Undo would undo ("Add section"), or "".
func (e *Editor) UndoLabel() string {
	if len(e.undo) == 0 {
		return ""
	}
	return e.undo[len(e.undo)-1].label
}

// RedoLabel names the change Redo would redo, or "".
func (e *Editor) RedoLabel() string {
	if len(e.redo) == 0 {
		return ""
	}
	return e.redo[len(e.redo)-1].label
}

// Undo undoes the last change and reports whether there was one.
func (e *Editor) Undo() bool { return e.travel(&e.undo, &e.redo) }

// Redo redoes the last undone change and reports whether there was one.
func (e *Editor) Redo() bool { return e.travel(&e.redo, &e.undo) }

// travel takes the last step off from, keeps the present brief on to under
// the same label, and makes the step's brief the present: Undo and Redo are
// the same move between their two stacks.
func (e *Editor) travel(from, to *[]step) bool {
	if len(*from) == 0 {
		return false
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{label: s.label, brief: e.brief, stamp: e.stamp})
	e.brief, e.stamp = s.brief, s.stamp
	e.lastKey = ""
	e.version++
	e.changed()
	return true
}

// Seal ends the merging of repeated text edits: the next edit starts a new
// undo step. Call it when an entry loses focus.
func (e *Editor) Seal() { e.lastKey = "" }

// do applies f to a copy of the brief and, when f succeeds, makes the copy
// current and records an undo step. Consecutive changes with the same
// non-empty merge key make a single step.
func (e *Editor) do(label, key string, f func(b *Brief) error) error {
	c := e.brief.Clone()
	if err := f(c); err != nil {
		return err
	}
	if key == "" || key != e.lastKey || len(e.undo) == 0 {
		e.undo = append(e.undo, step{label: label, brief: e.brief, stamp: e.stamp})
	}
	e.redo = nil
	e.lastKey = key
	e.brief = c
	e.next++
	e.stamp = e.next
	e.version++
	e.changed()
	return nil
}

func (e *Editor) changed() {
	if e.OnChange != nil {
		e.OnChange()
	}
}

// Apply runs f on a copy of the brief as one undoable change named label;
// if f fails, nothing changes. It is for changes the methods below do not
// cover (several operations as one step, for instance).
func (e *Editor) Apply(label string, f func(b *Brief) error) error {
	return e.do(label, "", f)
}

// AddSection inserts a section (see Brief.AddSection) and returns its ID.
func (e *Editor) AddSection(heading string, at int) (string, error) {
	var id string
	err := e.do("Add section", "", func(b *Brief) (err error) {
		id, err = b.AddSection(heading, at)
		return err
	})
	return id, err
}

// RenameSection changes a section's heading.
func (e *Editor) RenameSection(id, heading string) error {
	return e.do("Rename section", "heading:"+id, func(b *Brief) error { return b.RenameSection(id, heading) })
}

// RemoveSection removes a section and its excerpts.
func (e *Editor) RemoveSection(id string) error {
	return e.do("Remove section", "", func(b *Brief) error { return b.RemoveSection(id) })
}

// MoveSection moves a section to index to.
func (e *Editor) MoveSection(id string, to int) error {
	return e.do("Move section", "", func(b *Brief) error { return b.MoveSection(id, to) })
}

// SetSectionText replaces a section's text; repeated edits of the same
// section's text merge into one undo step until Seal.
func (e *Editor) SetSectionText(id, text string) error {
	return e.do("Edit text", "text:"+id, func(b *Brief) error { return b.SetSectionText(id, text) })
}

// SetSectionTheme sets a section's theme ID.
func (e *Editor) SetSectionTheme(id, theme string) error {
	return e.do("Set theme", "", func(b *Brief) error { return b.SetSectionTheme(id, theme) })
}

// AddExcerpt inserts an excerpt into a section and returns its ID.
func (e *Editor) AddExcerpt(sectionID string, x Excerpt, at int) (string, error) {
	var id string
	err := e.do("Add excerpt", "", func(b *Brief) (err error) {
		id, err = b.AddExcerpt(sectionID, x, at)
		return err
	})
	return id, err
}

// RemoveExcerpt removes an excerpt.
func (e *Editor) RemoveExcerpt(id string) error {
	return e.do("Remove excerpt", "", func(b *Brief) error { return b.RemoveExcerpt(id) })
}

// MoveExcerpt moves an excerpt within its section or to another one.
func (e *Editor) MoveExcerpt(id, sectionID string, to int) error {
	return e.do("Move excerpt", "", func(b *Brief) error { return b.MoveExcerpt(id, sectionID, to) })
}

// TrimExcerpt keeps characters start to end of a quotation's full text.
func (e *Editor) TrimExcerpt(id string, start, end int) error {
	return e.do("Trim quotation", "", func(b *Brief) error { return b.TrimExcerpt(id, start, end) })
}

// TrimExcerptRanges keeps the given parts of a quotation's full text.
func (e *Editor) TrimExcerptRanges(id string, ranges []Range) error {
	return e.do("Trim quotation", "", func(b *Brief) error { return b.TrimExcerptRanges(id, ranges) })
}

// TrimExcerptTo keeps only the part of a quotation that reads keep.
func (e *Editor) TrimExcerptTo(id, keep string) error {
	return e.do("Trim quotation", "", func(b *Brief) error { return b.TrimExcerptTo(id, keep) })
}

// RestoreExcerpt makes a quotation the whole passage again.
func (e *Editor) RestoreExcerpt(id string) error {
	return e.do("Restore quotation", "", func(b *Brief) error { return b.RestoreExcerpt(id) })
}

// SetExcerptComment sets the comment after a quotation; repeated edits of
// the same comment merge into one undo step until Seal.
func (e *Editor) SetExcerptComment(id, comment string) error {
	return e.do("Edit comment", "comment:"+id, func(b *Brief) error { return b.SetExcerptComment(id, comment) })
}

// SetHeader replaces the title block; repeated edits merge until Seal.
func (e *Editor) SetHeader(h Header) error {
	return e.do("Edit title block", "header", func(b *Brief) error { return b.SetHeader(h) })
}

// SetKeyMessages replaces the key messages; repeated edits merge until Seal.
func (e *Editor) SetKeyMessages(msgs []string) error {
	return e.do("Edit key messages", "keys", func(b *Brief) error { return b.SetKeyMessages(msgs) })
}

// SetTranslation sets an excerpt's own translation; repeated edits of the
// same translation merge into one undo step until Seal.
func (e *Editor) SetTranslation(id, text string) error {
	return e.do("Edit translation", "translation:"+id, func(b *Brief) error { return b.SetTranslation(id, text) })
}
