package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/bridge"
	"attache/briefing"
)

func TestExportPDFWordAndMarkdown(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	addHit(t, u, 0)
	addHit(t, u, 1)
	for _, c := range []struct{ format, name, magic string }{
		{briefing.PDF, "brief.pdf", "%PDF"},
		{briefing.Markdown, "brief.md", "# "},
		{briefing.DOCX, "brief.docx", "PK\x03\x04"},
	} {
		path := tempPath(t, c.name)
		var res exportResult
		u.export(exportRequest{path: path, format: c.format, opt: briefing.Options{Paper: "a4"}}, func(r exportResult) { res = r })
		if res.err != nil {
			t.Fatalf("%s: %v", c.format, res.err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), c.magic) {
			t.Errorf("%s starts with %q", c.name, string(data[:min(len(data), 10)]))
		}
		u.showExportResult(res)
	}
}

func TestExportDialogEnterExports(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	addHit(t, u, 0)
	u.showExport()
	e, ok := u.win.Canvas().Focused().(*escEntry)
	if !ok {
		t.Fatalf("the export dialog focuses %T, not the path", u.win.Canvas().Focused())
	}
	path := tempPath(t, "enter.pdf")
	e.SetText(path)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("Enter in the export dialog: %v", err)
	}
}

func TestOpenErrorSaysTheFileIsSaved(t *testing.T) {
	_, err := exec.LookPath("no-such-opener-attache")
	got := openError("/tmp/b.pdf", err).Error()
	if !strings.Contains(got, "xdg-open") || !strings.Contains(got, `"/tmp/b.pdf"`) || strings.Contains(got, "$PATH") {
		t.Errorf("message %q", got)
	}
	if got := openError("/tmp/b.pdf", os.ErrPermission).Error(); !strings.HasPrefix(got, `open "/tmp/b.pdf": `) {
		t.Errorf("other errors: %q", got)
	}
}

func TestExportErrorIsReported(t *testing.T) {
	u := newTestUI(t)
	var res exportResult
	u.export(exportRequest{path: "/nonexistent-dir/x/brief.pdf", format: briefing.PDF}, func(r exportResult) { res = r })
	if res.err == nil {
		t.Fatal("export into a missing folder succeeded")
	}
}

func TestMetadataMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`ID = "` + metadata.ID + `"`, `Name = "` + metadata.Name + `"`, `Version = "` + metadata.Version + `"`} {
		if !strings.Contains(s, want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
}

func TestEscapeClosesTheTopDialog(t *testing.T) {
	u := newTestUI(t)
	u.showExport()
	if len(u.dialogs) != 1 {
		t.Fatalf("%d dialogs open after Ctrl+E, want 1", len(u.dialogs))
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(u.dialogs) != 0 {
		t.Errorf("%d dialogs open after Escape", len(u.dialogs))
	}
}

func TestQuitWithUnsavedChangesAsks(t *testing.T) {
	u := newTestUI(t)
	u.brief.title.SetText("Changed")
	u.quit()
	if len(u.dialogs) != 1 {
		t.Fatalf("quitting with unsaved changes opened %d dialogs, want 1", len(u.dialogs))
	}
	if !strings.Contains(test.RenderToMarkup(u.win.Canvas()), "Don&#39;t save") && !strings.Contains(test.RenderToMarkup(u.win.Canvas()), "Don't save") {
		t.Error("the question has no Don't save button")
	}
}

func TestExportWarnsOfChangedQuotations(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	u.search.list.Select(0)
	ps, meta, _ := u.reader.passage()
	x := bridge.Snapshot(ps, meta)
	// A brief quoting an older wording of the passage.
	x.Full = "An older wording. " + x.Full
	x.Text = x.Full
	sec := u.ed.Brief().Sections[0].ID
	if _, err := u.ed.AddExcerpt(sec, x, -1); err != nil {
		t.Fatal(err)
	}
	var res exportResult
	u.export(exportRequest{path: tempPath(t, "b.pdf"), format: briefing.PDF}, func(r exportResult) { res = r })
	if res.err != nil {
		t.Fatal(res.err)
	}
	found := false
	for _, w := range res.warnings {
		if strings.Contains(w, ps.ID) && strings.Contains(w, "changed") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no warning that passage %s changed: %q", ps.ID, res.warnings)
	}
	u.showExportResult(res)
	if m := test.RenderToMarkup(u.win.Canvas()); !strings.Contains(m, "warning") {
		t.Error("the export dialog does not show the warnings")
	}
	// The warnings get room to be read, not a one-line sliver.
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if sc, ok := obj.(*container.Scroll); ok {
				if l, ok := sc.Content.(*widget.Label); ok && strings.Contains(l.Text, "warnings:") {
					if line := l.MinSize().Height / float32(strings.Count(l.Text, "\n")+1); sc.Size().Height < 3*line {
						t.Errorf("the warnings' scroll is %.0f high, less than three lines of %.0f", sc.Size().Height, line)
					}
					return
				}
			}
		}
	}
	t.Error("no scrolling list of warnings in the export dialog")
}

// TestExportBrowseListsOnlyExports checks that the export dialog's Browse
// lists the exports' files only (PDF, Word, ODT, Markdown): Fyne's save dialog empties the file
// picked at once, so a brief clicked there was lost even if the export was
// then cancelled.
func TestExportBrowseListsOnlyExports(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	for _, n := range []string{"note.brief", "old.pdf", "notes.rtf"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	u.path = filepath.Join(dir, "note.brief")
	u.showExport()
	test.Tap(findButton(t, u.win.Canvas(), "Browse…"))
	m := test.RenderToMarkup(u.win.Canvas())
	// The dialog shows a file as its name under an icon of its extension.
	if !strings.Contains(m, ">old<") || !strings.Contains(m, ">.pdf<") {
		t.Fatalf("the browse dialog does not list old.pdf:\n%s", m)
	}
	for _, ext := range []string{".brief", ".rtf"} {
		if strings.Contains(m, ">"+ext+"<") {
			t.Errorf("the browse dialog lists a %s file", ext)
		}
	}
}

// TestExportDialogWord picks Word in the export dialog: the file name
// takes .docx, paper and notes stay available, and Export writes a Word
// file (a zip whose main part is word/document.xml).
func TestExportDialogWord(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	addHit(t, u, 0)
	u.showExport()
	var format, paper *widget.RadioGroup
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if r, ok := obj.(*widget.RadioGroup); ok {
				switch {
				case len(r.Options) == 4:
					format = r
				case r.Options[0] == "A4":
					paper = r
				}
			}
		}
	}
	if format == nil || paper == nil || format.Options[1] != "Word (DOCX)" {
		t.Fatalf("no Word choice in the export dialog: %v", format)
	}
	e := u.win.Canvas().Focused().(*escEntry)
	e.SetText(tempPath(t, "word.pdf"))
	format.SetSelected("Word (DOCX)")
	if !strings.HasSuffix(e.Text, "word.docx") || paper.Disabled() {
		t.Errorf("after choosing Word: path %q, paper disabled %v", e.Text, paper.Disabled())
	}
	format.SetSelected("Markdown")
	if !strings.HasSuffix(e.Text, "word.md") || !paper.Disabled() {
		t.Errorf("after choosing Markdown: path %q, paper disabled %v", e.Text, paper.Disabled())
	}
	format.SetSelected("Word (DOCX)")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	data, err := os.ReadFile(e.Text)
	if err != nil || !strings.HasPrefix(string(data), "PK\x03\x04") || !strings.Contains(string(data), "word/document.xml") {
		t.Fatalf("Word export from the dialog: %v", err)
	}
}

// TestExportDialogODT picks OpenDocument in the export dialog: the file
// name takes .odt, paper and notes stay available, and Export writes an
// OpenDocument Text file (a zip whose first entry is its mimetype).
func TestExportDialogODT(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	addHit(t, u, 0)
	u.showExport()
	var format, paper *widget.RadioGroup
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if r, ok := obj.(*widget.RadioGroup); ok {
				switch {
				case len(r.Options) == 4:
					format = r
				case r.Options[0] == "A4":
					paper = r
				}
			}
		}
	}
	if format == nil || paper == nil || format.Options[2] != "OpenDocument (ODT)" {
		t.Fatalf("no OpenDocument choice in the export dialog: %v", format)
	}
	e := u.win.Canvas().Focused().(*escEntry)
	e.SetText(tempPath(t, "brief.docx"))
	format.SetSelected("OpenDocument (ODT)")
	if !strings.HasSuffix(e.Text, "brief.odt") || paper.Disabled() {
		t.Errorf("after choosing OpenDocument: path %q, paper disabled %v", e.Text, paper.Disabled())
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	data, err := os.ReadFile(e.Text)
	if err != nil || !strings.HasPrefix(string(data), "PK\x03\x04") || !strings.Contains(string(data[:80]), "mimetypeapplication/vnd.oasis.opendocument.text") {
		t.Fatalf("ODT export from the dialog: %v", err)
	}
}
