package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownLabel finds the label whose text has part in the canvas's dialogs.
func shownLabel(t *testing.T, c fyne.Canvas, part string) *widget.Label {
	t.Helper()
	for _, o := range c.Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if l, ok := obj.(*widget.Label); ok && strings.Contains(l.Text, part) {
				return l
			}
		}
	}
	t.Fatalf("no label with %q in a dialog", part)
	return nil
}

// line is the height of one line of text in a label.
func line() float32 { return widget.NewLabel("x").MinSize().Height }

func TestTheExportDoneDialogFitsAFewWarnings(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.showExportResult(exportResult{path: tempPath(t, "brief.pdf"), warnings: []string{`section "Background" is empty`, "the brief has 3 pages, over its limit of 2"}})
	l := shownLabel(t, u.win.Canvas(), "warnings:")
	var sc *container.Scroll
	for _, obj := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if s, ok := obj.(*container.Scroll); ok && s.Content == l {
			sc = s
		}
	}
	if sc == nil {
		t.Fatal("the warnings are not in a scroll")
	}
	if sc.Size().Height < l.MinSize().Height {
		t.Errorf("two warnings are cut: scroll %.0f high for %.0f of text", sc.Size().Height, l.MinSize().Height)
	}
	if blank := sc.Size().Height - l.MinSize().Height; blank > line() {
		t.Errorf("two warnings leave %.0f of blank space below them (the text is %.0f high)", blank, l.MinSize().Height)
	}
	msg := shownLabel(t, u.win.Canvas(), "Written to")
	if msg.Size().Height > msg.MinSize().Height+line() {
		t.Errorf("the message is %.0f high for %.0f of text", msg.Size().Height, msg.MinSize().Height)
	}
}

func TestTheExportDoneDialogScrollsManyWarnings(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	var ws []string
	for i := range 80 {
		ws = append(ws, fmt.Sprintf(`section "Part %d" is empty`, i))
	}
	u.showExportResult(exportResult{path: tempPath(t, "brief.pdf"), warnings: ws})
	l := shownLabel(t, u.win.Canvas(), "warnings:")
	var sc *container.Scroll
	for _, obj := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if s, ok := obj.(*container.Scroll); ok && s.Content == l {
			sc = s
		}
	}
	if sc == nil {
		t.Fatal("the warnings are not in a scroll")
	}
	if sc.Size().Height >= l.MinSize().Height {
		t.Errorf("eighty warnings do not scroll: scroll %.0f high for %.0f of text", sc.Size().Height, l.MinSize().Height)
	}
	if sc.Size().Height < 3*line() {
		t.Errorf("the warnings' scroll is %.0f high, less than three lines", sc.Size().Height)
	}
}

func TestTheQuestionAndLinkWarningHaveNoBlankSpace(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	msg := strings.Repeat("This brief has an address that is not http, https or mailto. ", 4)
	u.askQuestion("Title", msg, "Yes", "No", func(bool) {}, nil)
	l := shownLabel(t, u.win.Canvas(), "This brief")
	if l.Size().Height < l.MinSize().Height {
		t.Errorf("the question is cut: %.0f high for %.0f of text", l.Size().Height, l.MinSize().Height)
	}
	if blank := l.Size().Height - l.MinSize().Height; blank > line() {
		t.Errorf("the question has %.0f of blank space (text %.0f high)", blank, l.MinSize().Height)
	}
}
