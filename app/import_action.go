package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"attache/index"
	"attache/index/corpus"
)

// Adding, editing and removing the user's own documents. Wiring (done by
// the window's owner): a File menu item "Add documents…" calling
// u.showAddDocuments, u.win.SetOnDropped(u.onDropped), and, where a
// document is shown, actions calling u.showEditDocument(id) and
// u.confirmRemoveDocument(id).

// documentImporter is what the window needs of a library to add documents
// to it; index.Local has it.
type documentImporter interface {
	Import(ctx context.Context, paths []string, progress func(index.Progress)) (*index.ImportReport, error)
}

// documentEditor is what the window needs of a library to edit and remove
// imported documents; index.Local has it.
type documentEditor interface {
	Edit(id string, e index.DocEdit) (*corpus.Document, error)
	Remove(id string) error
}

// showAddDocuments asks for files or a folder to add to the library.
func (u *ui) showAddDocuments() {
	if _, ok := u.lib.(documentImporter); !ok {
		u.showInfo(lang.L("Add documents"), lang.L("The library is not open yet, or it cannot take new documents."))
		return
	}
	var choose dialog.Dialog
	files := widget.NewButton(lang.L("Choose a file…"), func() {
		choose.Hide()
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			u.importPaths([]string{r.URI().Path()})
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".docx", ".odt", ".html", ".htm", ".md", ".txt"}))
		d.Resize(fyne.NewSize(900, 600))
		u.showDialog(d)
	})
	folder := widget.NewButton(lang.L("Choose a folder…"), func() {
		choose.Hide()
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil || l == nil {
				return
			}
			u.importPaths([]string{l.Path()})
		}, u.win)
		d.Resize(fyne.NewSize(900, 600))
		u.showDialog(d)
	})
	help := widget.NewLabel(lang.L("PDF (with a text layer), Word (DOCX), OpenDocument (ODT), web pages (HTML),\nMarkdown and plain text. A folder is read with all its subfolders.\nYou can also drop files and folders on the window."))
	choose = dialog.NewCustom(lang.L("Add documents"), lang.L("Cancel"), container.NewVBox(help, container.NewHBox(files, folder)), u.win)
	u.showDialog(choose)
}

// onDropped imports the files and folders dropped on the window; give it
// to the window's SetOnDropped.
func (u *ui) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.importPaths(paths)
	}
}

// importPaths imports files and folders in the background behind a
// progress dialog with a Cancel button, then shows the report and refreshes
// the panes.
func (u *ui) importPaths(paths []string) {
	imp, ok := u.lib.(documentImporter)
	if !ok {
		u.showInfo(lang.L("Add documents"), lang.L("The library is not open yet, or it cannot take new documents."))
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	label := widget.NewLabel(lang.L("Looking for documents…"))
	label.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButton(lang.L("Cancel"), func() {
		cancel()
		label.SetText(lang.L("Cancelling; the library stays as it was…"))
	})
	content := container.NewVBox(label, bar, container.NewCenter(stop))
	d := dialog.NewCustomWithoutButtons(lang.L("Adding documents"), content, u.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	u.showDialog(d)
	u.setStatus(lang.L("Adding documents…"), true)
	u.background(func() {
		rep, err := imp.Import(ctx, paths, func(p index.Progress) {
			fyne.Do(func() {
				if p.Total > 0 {
					bar.SetValue(float64(p.Done) / float64(p.Total))
				}
				if p.Stage == "indexing" {
					label.SetText(lang.L("Indexing…"))
					stop.Disable()
				} else {
					label.SetText(fmt.Sprintf(lang.L("%d of %d: %s"), p.Done, p.Total, p.Path))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			d.Hide()
			u.refreshLibrary()
			u.showImportReport(rep, err)
		})
	})
}

// refreshLibrary reads the library's document list again after a change.
func (u *ui) refreshLibrary() {
	lib := u.lib
	if lib == nil {
		return
	}
	u.background(func() {
		docs, err := readDocTable(lib)
		fyne.Do(func() {
			if u.lib != lib {
				return // the window moved to another library meanwhile
			}
			if err != nil {
				u.setStatus(lang.L("The library could not be read: {{.Err}}", map[string]any{"Err": oneLine(err.Error())}), false)
				return
			}
			u.setLibrary(lib, docs)
			u.setStatus(u.libraryStatus(), false)
		})
	})
}

// importSummary says what an import did, in a few lines for a dialog.
func importSummary(rep *index.ImportReport, err error) (string, string) {
	if rep != nil && rep.Cancelled || errors.Is(err, context.Canceled) {
		return lang.L("Import cancelled"), lang.L("Nothing was added: the library is as it was.")
	}
	if err != nil {
		return lang.L("Import failed"), lang.L("The documents could not be added: {{.Err}}", map[string]any{"Err": oneLine(err.Error())})
	}
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("%d added, %d updated, %d unchanged, %d skipped."), len(rep.Added), len(rep.Updated), len(rep.Unchanged), len(rep.Skipped))
	for i, d := range append(append([]index.ImportedDoc(nil), rep.Added...), rep.Updated...) {
		if i == 10 {
			b.WriteString("\n…")
			break
		}
		fmt.Fprintf(&b, lang.L("\n+ %s (%s, %d passages)"), d.Title, langName(d.Lang), d.Passages)
	}
	others := 0
	listed := 0
	for _, s := range rep.Skipped {
		if strings.HasPrefix(s.Reason, lang.L("not a document")) {
			others++
			continue
		}
		if listed == 10 {
			b.WriteString("\n…")
			break
		}
		listed++
		fmt.Fprintf(&b, lang.L("\n− %s: %s"), s.Path, s.Reason)
	}
	if others > 0 {
		fmt.Fprintf(&b, lang.L("\n%d files that are not documents (images, styles…) were left out."), others)
	}
	return lang.L("Documents added"), b.String()
}

// showImportReport shows what an import did.
func (u *ui) showImportReport(rep *index.ImportReport, err error) {
	title, msg := importSummary(rep, err)
	u.showInfo(title, msg)
}

// showEditDocument shows a form to correct an imported document's title,
// issuer, date, reference and language.
func (u *ui) showEditDocument(id string) {
	ed, ok := u.lib.(documentEditor)
	info, known := u.docs.get(id)
	if !ok || !known {
		return
	}
	if info.Seed {
		u.showInfo(lang.L("Edit document"), lang.L("The documents Attaché ships with cannot be edited."))
		return
	}
	title, issuer, date, ref, langE := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(info.Title)
	issuer.SetText(info.Issuer)
	date.SetText(info.Date)
	date.SetPlaceHolder(lang.L("YYYY-MM-DD, YYYY-MM or YYYY"))
	ref.SetText(info.Reference)
	langE.SetText(info.Lang)
	langE.SetPlaceHolder("en, it, fr…")
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Issuer"), issuer),
		widget.NewFormItem(lang.L("Date"), date), widget.NewFormItem(lang.L("Reference"), ref),
		widget.NewFormItem(lang.L("Language"), langE),
	}
	d := dialog.NewForm(lang.L("Edit document"), lang.L("Save"), lang.L("Cancel"), items, func(save bool) {
		if !save {
			return
		}
		e := index.DocEdit{Title: &title.Text, Issuer: &issuer.Text, Date: &date.Text, Reference: &ref.Text}
		if langE.Text != info.Lang {
			e.Lang = &langE.Text
		}
		u.editDocument(ed, id, e)
	}, u.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	u.showDialog(d)
}

// editDocument saves an edit in the background and refreshes the panes.
func (u *ui) editDocument(ed documentEditor, id string, e index.DocEdit) {
	u.setStatus(lang.L("Saving the document…"), true)
	u.background(func() {
		_, err := ed.Edit(id, e)
		fyne.Do(func() {
			u.refreshLibrary()
			if err != nil {
				u.showError(err)
			}
		})
	})
}

// confirmRemoveDocument asks before taking an imported document out of the
// library.
func (u *ui) confirmRemoveDocument(id string) {
	ed, ok := u.lib.(documentEditor)
	info, known := u.docs.get(id)
	if !ok || !known {
		return
	}
	if info.Seed {
		u.showInfo(lang.L("Remove document"), lang.L("The documents Attaché ships with cannot be removed."))
		return
	}
	u.askQuestion(lang.L("Remove document"), fmt.Sprintf(lang.L("Remove “%s” from the library? Briefs keep their quotations from it."), info.Title),
		lang.L("Remove"), lang.L("Cancel"), func(ok bool) {
			if !ok {
				return
			}
			u.setStatus(lang.L("Removing the document…"), true)
			u.background(func() {
				err := ed.Remove(id)
				fyne.Do(func() {
					u.refreshLibrary()
					if err != nil {
						u.showError(err)
					}
				})
			})
		}, nil)
}
