package app

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"attache/atomicfile"
)

// saveFailed shows why saving the brief failed. A read-only file gets a
// question instead of an error: save the brief as another file (then runs
// once it is saved) or cancel; the window's changes stay either way.
func (u *ui) saveFailed(path string, err error, then func()) {
	if !errors.Is(err, atomicfile.ErrReadOnly) {
		u.showError(err)
		return
	}
	u.askQuestion(lang.L("File is read-only"),
		lang.L("{{.Name}} is read-only and was not changed. Save the brief as another file?", map[string]any{"Name": filepath.Base(path)}),
		lang.L("Save as…"), lang.L("Cancel"), func(ok bool) {
			if ok {
				u.saveAs(then)
			}
		}, nil)
}

// exportFailed shows why an export failed. A read-only file gets a
// question instead of an error: export to another file or cancel.
func (u *ui) exportFailed(res exportResult) {
	if !errors.Is(res.err, atomicfile.ErrReadOnly) {
		u.showError(res.err)
		return
	}
	u.askQuestion(lang.L("File is read-only"),
		lang.L("{{.Name}} is read-only and was not changed. Export to another file?", map[string]any{"Name": filepath.Base(res.req.path)}),
		lang.L("Export as…"), lang.L("Cancel"), func(ok bool) {
			if ok {
				u.exportAs(res.req)
			}
		}, nil)
}

// exportAs asks for another file to export req to, then exports there.
func (u *ui) exportAs(req exportRequest) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		w.Close()
		req.path = w.URI().Path()
		u.export(req, u.showExportResult)
	}, u.win)
	d.SetFileName(filepath.Base(req.path))
	// The save dialog empties the file picked: list only exports.
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".docx", ".odt", ".md"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(req.path))); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	u.showDialog(d)
}
