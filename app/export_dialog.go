package app

import (
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"attache/bridge"
	"attache/briefing"
)

// Preference keys of the export dialog's choices.
const (
	prefExportFormat = "export.format"
	prefExportPaper  = "export.paper"
	prefExportNotes  = "export.notes"
)

// exportRequest is what the export dialog asks for.
type exportRequest struct {
	path   string
	format string // briefing.PDF, briefing.DOCX, briefing.ODT or briefing.Markdown
	opt    briefing.Options
}

// exportResult is what an export gave.
type exportResult struct {
	req      exportRequest
	path     string
	warnings []string
	err      error
}

// showExport opens the export dialog.
func (u *ui) showExport() {
	if u.ed == nil {
		return
	}
	prefs := u.app.Preferences()
	format := widget.NewRadioGroup([]string{"PDF", lang.L("Word (DOCX)"), lang.L("OpenDocument (ODT)"), lang.L("Markdown")}, nil)
	format.Horizontal = true
	format.SetSelected(prefs.StringWithFallback(prefExportFormat, "PDF"))
	paper := widget.NewRadioGroup([]string{"A4", lang.L("Letter")}, nil)
	paper.Horizontal = true
	paper.SetSelected(prefs.StringWithFallback(prefExportPaper, "A4"))
	notes := widget.NewRadioGroup([]string{lang.L("Footnotes"), lang.L("Endnotes")}, nil)
	notes.Horizontal = true
	notes.SetSelected(prefs.StringWithFallback(prefExportNotes, lang.L("Footnotes")))

	path := newEscEntry(u, false)
	path.SetText(u.defaultExportPath(format.Selected))
	format.OnChanged = func(f string) {
		ext := exportExt(f)
		p := path.Text
		for _, e := range []string{".pdf", ".docx", ".odt", ".md"} {
			p = strings.TrimSuffix(p, e)
		}
		path.SetText(p + ext)
		if exportFormatOf(f) == briefing.Markdown {
			paper.Disable()
			notes.Disable()
		} else {
			paper.Enable()
			notes.Enable()
		}
	}
	format.OnChanged(format.Selected)
	browse := widget.NewButton(lang.L("Browse…"), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			w.Close()
			path.SetText(w.URI().Path())
		}, u.win)
		d.SetFileName(filepath.Base(path.Text))
		// The save dialog empties an existing file it is given at once,
		// before the export runs (or is cancelled): list only exports,
		// so that a click cannot pick the brief or another document.
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".docx", ".odt", ".md"}))
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path.Text))); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(900, 600))
		u.showDialog(d)
	})
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Format"), format),
		widget.NewFormItem(lang.L("Paper"), paper),
		widget.NewFormItem(lang.L("Notes"), notes),
		widget.NewFormItem(lang.L("File"), container.NewBorder(nil, nil, nil, browse, path)),
	}
	if note := u.preview.exportNote(); note != nil {
		items = append(items, widget.NewFormItem(lang.L("Pages"), note))
	}
	d := dialog.NewForm(lang.L("Export brief"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		prefs.SetString(prefExportFormat, format.Selected)
		prefs.SetString(prefExportPaper, paper.Selected)
		prefs.SetString(prefExportNotes, notes.Selected)
		req := exportRequest{path: strings.TrimSpace(path.Text), format: exportFormatOf(format.Selected)}
		req.opt.Paper = strings.ToLower(paper.Selected)
		req.opt.Endnotes = notes.Selected == lang.L("Endnotes")
		u.export(req, u.showExportResult)
	}, u.win)
	// The path has the focus, so that Enter exports at once.
	path.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	u.showDialog(d)
	u.win.Canvas().Focus(path)
}

// exportFormatOf is the export format of a format choice's label.
func exportFormatOf(label string) string {
	switch label {
	case lang.L("Word (DOCX)"):
		return briefing.DOCX
	case lang.L("OpenDocument (ODT)"):
		return briefing.ODT
	case lang.L("Markdown"):
		return briefing.Markdown
	}
	return briefing.PDF
}

// exportExt is the file extension of a format choice's label: the
// format's name (".pdf", ".docx", ".odt", ".md").
func exportExt(label string) string { return "." + exportFormatOf(label) }

// defaultExportPath is the brief's file with the format's extension, or a
// file named after its title in the last folder used.
func (u *ui) defaultExportPath(format string) string {
	ext := exportExt(format)
	if u.path != "" {
		return strings.TrimSuffix(u.path, briefing.Extension) + ext
	}
	dir := u.app.Preferences().String(prefLastDir)
	if dir == "" {
		dir = homeDir()
	}
	return filepath.Join(dir, fileNameFor(u.ed.Brief().Title, ext))
}

// export checks the brief's quotations against the library and writes the
// export off the UI goroutine, with a progress dialog; done gets the result
// on the UI goroutine.
func (u *ui) export(req exportRequest, done func(exportResult)) {
	if req.path == "" {
		u.showError(errors.New(lang.L("export: choose a file to write")))
		return
	}
	if !filepath.IsAbs(req.path) {
		req.path = filepath.Join(homeDir(), req.path)
	}
	b := u.ed.Brief().Clone()
	lib := u.lib
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("Exporting {{.Name}}…", map[string]any{"Name": filepath.Base(req.path)}), bar, u.win)
	prog.Show()
	u.background(func() {
		var res exportResult
		res.path = req.path
		res.req = req
		if lib != nil {
			findings, err := bridge.Check(lib, b)
			if err != nil {
				res.warnings = append(res.warnings, lang.L("the quotations could not be checked against the library: {{.Err}}", map[string]any{"Err": oneLine(err.Error())}))
			}
			req.opt.Findings = findings
		}
		w, err := briefing.Export(req.path, b, req.format, req.opt)
		res.warnings = append(res.warnings, w...)
		res.err = err
		fyne.Do(func() {
			bar.Stop()
			prog.Hide()
			done(res)
		})
	})
}

// showExportResult says how the export went, with an Open action.
func (u *ui) showExportResult(res exportResult) {
	if res.err != nil {
		u.exportFailed(res)
		return
	}
	u.setStatus(lang.L("Exported {{.Path}}", map[string]any{"Path": res.path}), false)
	msg := wrappingLabel(lang.L("Written to {{.Path}}", map[string]any{"Path": res.path}), fyne.TextStyle{})
	var content fyne.CanvasObject = msg
	var scrolls []*container.Scroll
	if len(res.warnings) > 0 {
		w := wrappingLabel(fmt.Sprintf(lang.L("%d warnings:\n• %s"), len(res.warnings), strings.Join(localWarnings(res.warnings), "\n• ")), fyne.TextStyle{})
		w.Importance = widget.WarningImportance
		// In a border layout the scroll takes all the dialog's height
		// below the message; fitDialog makes that the warnings' height,
		// up to the dialog's maximum.
		sc := container.NewVScroll(w)
		scrolls = append(scrolls, sc)
		content = container.NewBorder(msg, nil, nil, nil, sc)
	}
	var d *dialog.CustomDialog
	open := newEnterButton(lang.L("Open"), func() {
		d.Hide()
		if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: res.path}); err != nil {
			u.showError(openError(res.path, err))
		}
	})
	open.Importance = widget.HighImportance
	closeBtn := newEnterButton(lang.L("Close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Export done"), content, u.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, open})
	fitDialog(d, 600, 440, scrolls...)
	u.showDialog(d)
}

// openError says why the system viewer could not open path: when there is
// no opener program at all (xdg-open on a bare Linux), that the file is
// written anyway and where.
func openError(path string, err error) error {
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf(lang.L("no program to open files is installed (xdg-open); the export is saved as %q"), path)
	}
	return fmt.Errorf(lang.L("open %q: %v"), path, err)
}
