package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// Preference keys.
const (
	prefRecent  = "recent"
	prefLastDir = "dir.last"
)

// maxRecent is how many briefs Open Recent lists.
const maxRecent = 8

// setBrief makes b the brief being edited, read from path ("" for a new
// brief), with a fresh history. What the file on disk held is not known
// until the caller says (files().known).
func (u *ui) setBrief(b *briefing.Brief, path string) {
	u.files().known = nil
	if u.ed == nil {
		u.ed = briefing.NewEditor(b)
		u.ed.OnChange = u.briefChanged
		u.path = path
		u.briefChanged()
	} else {
		u.path = path
		u.ed.Replace(b)
	}
	u.brief.outline.sel = ""
	u.brief.outline.tree.UnselectAll()
	u.brief.outline.refresh(true)
	if path != "" {
		u.addRecent(path)
	}
}

// briefChanged redraws what shows the brief after any change, undo or
// redo, and starts the autosave timer.
func (u *ui) briefChanged() {
	b := u.ed.Brief()
	if !u.selfEdit {
		u.brief.load(b)
	} else {
		u.brief.showHeading(b)
	}
	u.brief.outline.refresh(!u.selfEdit)
	u.search.refreshMarks()
	u.preview.schedule()
	u.updateTitle()
	u.updateMenus()
	if u.ed.Dirty() {
		u.scheduleAutosave()
	}
}

// edit runs a change of the brief and shows its error, if any, in a dialog.
func (u *ui) edit(f func(ed *briefing.Editor) error) error {
	if u.ed == nil {
		return errors.New(lang.L("no brief is open"))
	}
	u.ed.Seal()
	err := f(u.ed)
	if err != nil {
		u.showError(err)
	}
	return err
}

// editing runs a change typed in a field: the field already shows it, so it
// is not filled again, and an error is the caller's to show.
func (u *ui) editing(f func(ed *briefing.Editor) error) error {
	if u.ed == nil {
		return errors.New(lang.L("no brief is open"))
	}
	u.selfEdit = true
	defer func() { u.selfEdit = false }()
	return f(u.ed)
}

// briefName is the brief's file name; for a brief never saved, the file
// name Save As would propose from its title ("Untitled.brief" without one).
func (u *ui) briefName() string {
	if u.path != "" {
		return filepath.Base(u.path)
	}
	if u.ed != nil {
		return fileNameFor(u.ed.Brief().Title, briefing.Extension)
	}
	return lang.L("Untitled") + briefing.Extension
}

// windowTitle is "name.brief — Attaché", with "• " in front when there are
// unsaved changes.
func (u *ui) windowTitle() string {
	t := u.briefName() + " — Attaché"
	if u.ed != nil && u.ed.Dirty() {
		t = "• " + t
	}
	return t
}

// updateTitle shows the brief's name and state in the window title.
func (u *ui) updateTitle() { u.win.SetTitle(u.windowTitle()) }

// newBriefFrom makes a brief from a template with a title.
func newBriefFrom(templateID, title string) (*briefing.Brief, error) {
	if strings.TrimSpace(title) == "" {
		title = lang.L("Untitled brief")
	}
	return briefing.New(briefing.Header{Title: title, Lang: uiLang(), Date: time.Now().Format("2006-01-02")}, templateID)
}

// askNew asks for a template and title, then starts a new brief (after
// asking about unsaved changes).
func (u *ui) askNew() {
	u.confirmDiscard(lang.L("New brief"), func() {
		var names []string
		ids := map[string]string{}
		for _, t := range briefing.Templates() {
			names = append(names, t.Name[uiLang()])
			ids[t.Name[uiLang()]] = t.ID
		}
		tmpl := widget.NewRadioGroup(names, nil)
		tmpl.SetSelected(names[0])
		title := newEscEntry(u, false)
		title.SetPlaceHolder(lang.L("Untitled brief"))
		d := dialog.NewForm(lang.L("New brief"), lang.L("Create"), lang.L("Cancel"), []*widget.FormItem{
			widget.NewFormItem(lang.L("Title"), title),
			widget.NewFormItem(lang.L("Template"), tmpl),
		}, func(ok bool) {
			if !ok {
				return
			}
			b, err := newBriefFrom(ids[tmpl.Selected], title.Text)
			if err != nil {
				u.showError(err)
				return
			}
			u.setBrief(b, "")
		}, u.win)
		// Enter in the title creates the brief.
		title.OnSubmitted = func(string) { d.Submit() }
		d.Resize(fyne.NewSize(420, d.MinSize().Height))
		u.showDialog(d)
		u.win.Canvas().Focus(title)
	})
}

// unsaved reports whether the brief on show holds work that discarding it
// would lose: changes since it was opened or saved, whatever made them (an
// edit, an undo, a draft, a restored copy), or, for a brief never saved,
// any text or excerpt of one's own.
func (u *ui) unsaved() bool {
	if u.ed == nil {
		return false
	}
	if u.ed.Dirty() {
		return true
	}
	if u.path != "" {
		return false
	}
	b := u.ed.Brief()
	if len(b.KeyMessages) > 0 {
		for _, k := range b.KeyMessages {
			if strings.TrimSpace(k) != "" {
				return true
			}
		}
	}
	for _, s := range b.Sections {
		if len(s.Excerpts) > 0 || len(s.Text) > 0 {
			return true
		}
	}
	return false
}

// confirmDiscard runs then, first offering to save unsaved changes.
func (u *ui) confirmDiscard(action string, then func()) {
	if !u.unsaved() {
		then()
		return
	}
	var d *dialog.CustomDialog
	msg := widget.NewLabel(lang.L("Save the changes to {{.Name}} first?", map[string]any{"Name": u.briefName()}))
	save := newEnterButton(lang.L("Save"), func() {
		d.Hide()
		u.save(then)
	})
	save.Importance = widget.HighImportance
	discard := newEnterButton(lang.L("Don't save"), func() {
		d.Hide()
		u.removeAutosave()
		then()
	})
	cancel := newEnterButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(action, msg, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	u.showDialog(d)
}

// askOpen shows the open dialog for a .brief file.
func (u *ui) askOpen() {
	u.confirmDiscard(lang.L("Open brief"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				return
			}
			r.Close()
			u.openPath(r.URI().Path())
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{briefing.Extension}))
		u.setDialogDir(d)
		d.Resize(fyne.NewSize(900, 600))
		u.showDialog(d)
	})
}

// openPath reads a brief off the UI goroutine and shows it.
func (u *ui) openPath(path string) { u.openPathThen(path, nil) }

// openPathThen opens a brief as openPath does, then runs then (if not nil)
// on the UI goroutine, whether the brief opened or not.
func (u *ui) openPathThen(path string, then func()) {
	u.background(func() {
		// The sum is taken before reading: if the file changes in
		// between, the next save asks rather than writing over it.
		sum, _ := fileSum(path)
		b, err := briefing.Load(path)
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				u.removeRecent(path)
			} else {
				u.setBrief(b, path)
				u.files().known = sum
				u.warnLinks(b)
				u.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
			}
			if then != nil {
				then()
			}
		})
	})
}

// save writes the brief to its file, asking for one if it has none, then
// runs then (if not nil) once saved.
func (u *ui) save(then func()) {
	if u.ed == nil {
		return
	}
	if u.path == "" {
		u.saveAs(then)
		return
	}
	if u.changedOnDisk() {
		// someone else wrote the file since: ask before writing over it
		u.askOverwrite(then)
		return
	}
	if err := u.saveTo(u.path); err != nil {
		u.saveFailed(u.path, err, then)
		return
	}
	if then != nil {
		then()
	}
}

// saveTo writes the brief to path and marks it saved.
func (u *ui) saveTo(path string) error {
	data, err := briefing.Marshal(u.ed.Brief())
	if err != nil {
		return err
	}
	if err := briefing.Save(path, u.ed.Brief()); err != nil {
		return err
	}
	u.path = path
	u.files().known = bytesSum(data)
	u.ed.MarkSaved()
	u.removeAutosave()
	u.addRecent(path)
	u.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
	u.updateTitle()
	u.updateMenus()
	u.setStatus(lang.L("Saved {{.Name}}", map[string]any{"Name": path}), false)
	return nil
}

// saveAs asks where to save the brief.
func (u *ui) saveAs(then func()) {
	if u.ed == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		u.savedAs(path, then)
	}, u.win)
	d.SetFileName(fileNameFor(u.ed.Brief().Title, briefing.Extension))
	// The save dialog empties the file picked at once: list only briefs,
	// so that a click cannot pick an export or another document.
	d.SetFilter(storage.NewExtensionFileFilter([]string{briefing.Extension}))
	u.setDialogDir(d)
	d.Resize(fyne.NewSize(900, 600))
	u.showDialog(d)
}

// savedAs saves the brief to the path chosen in the save dialog (which
// the dialog has already created or emptied), then runs then.
func (u *ui) savedAs(path string, then func()) {
	saveThere := func(path string) {
		if err := u.saveTo(path); err != nil {
			u.saveFailed(path, err, then)
			return
		}
		if then != nil {
			then()
		}
	}
	if strings.HasSuffix(path, briefing.Extension) {
		saveThere(path)
		return
	}
	// The brief goes to NAME.brief: the empty NAME the dialog made goes
	// (never a file with something in it), and an existing NAME.brief is
	// replaced only if the user says so, as the dialog asks for NAME.
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
	path += briefing.Extension
	if _, err := os.Stat(path); err != nil {
		saveThere(path)
		return
	}
	u.askQuestion(lang.L("Replace brief"), lang.L("{{.Name}} already exists. Replace it?", map[string]any{"Name": filepath.Base(path)}),
		lang.L("Replace"), lang.L("Cancel"), func(ok bool) {
			if ok {
				saveThere(path)
			}
		}, nil)
}

// fileNameFor makes a file name from a brief's title.
func fileNameFor(title, ext string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(title) {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	name := b.String()
	// A file name may have 255 bytes at most: a long title is cut, on a
	// character boundary, so that saving and exporting do not fail.
	for len(name)+len(ext) > maxFileName {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = lang.L("Untitled")
	}
	return name + ext
}

// maxFileName is the longest file name fileNameFor makes, in bytes: under
// the usual limit of 255, with room for a copy's " (2)".
const maxFileName = 240

// setDialogDir starts a file dialog in the last folder used.
func (u *ui) setDialogDir(d *dialog.FileDialog) {
	dir := u.app.Preferences().String(prefLastDir)
	if u.path != "" {
		dir = filepath.Dir(u.path)
	}
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// recent returns the recent briefs, newest first.
func (u *ui) recent() []string { return u.app.Preferences().StringList(prefRecent) }

// addRecent puts path first in the recent briefs.
func (u *ui) addRecent(path string) {
	list := []string{path}
	for _, p := range u.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	u.updateMenus()
}

// removeRecent drops path from the recent briefs.
func (u *ui) removeRecent(path string) {
	var list []string
	for _, p := range u.recent() {
		if p != path {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	u.updateMenus()
}
