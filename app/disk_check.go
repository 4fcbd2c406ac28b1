package app

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// fileSum is the SHA-256 of the file at path.
func fileSum(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return bytesSum(data), nil
}

// bytesSum is the SHA-256 of data.
func bytesSum(data []byte) []byte {
	s := sha256.Sum256(data)
	return s[:]
}

// changedOnDisk reports whether the brief's file is no longer as this
// window last read or wrote it: another window, `attache brief add` or a
// sync tool wrote to it since. A file that is gone has nothing to lose.
func (u *ui) changedOnDisk() bool {
	known := u.files().known
	if u.path == "" || known == nil {
		return false
	}
	sum, err := fileSum(u.path)
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	// A file that cannot be read cannot be told unchanged.
	return err != nil || !bytes.Equal(sum, known)
}

// askOverwrite asks what to do when the brief's file was changed on disk
// by someone else: write over it, save the window's brief as another
// file, or not save. The window's own changes stay in any case; then (if
// not nil) runs once the brief is saved.
func (u *ui) askOverwrite(then func()) {
	path := u.path
	var d *dialog.CustomDialog
	msg := widget.NewLabel(lang.L("{{.Name}} was changed on disk since you opened it.\nOverwrite it with this window's brief, or save this brief as another file?", map[string]any{"Name": u.briefName()}))
	overwrite := newEnterButton(lang.L("Overwrite"), func() {
		d.Hide()
		if err := u.saveTo(path); err != nil {
			u.saveFailed(path, err, then)
			return
		}
		if then != nil {
			then()
		}
	})
	saveAs := newEnterButton(lang.L("Save as…"), func() {
		d.Hide()
		u.saveAs(then)
	})
	saveAs.Importance = widget.HighImportance
	cancel := newEnterButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Brief changed on disk"), msg, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, overwrite, saveAs})
	u.showDialog(d)
}
