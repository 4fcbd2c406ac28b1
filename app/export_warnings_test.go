package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"attache/briefing"
)

// TestExportWarningsInItalian exports a new briefing note, whose sections
// are all empty, under the Italian interface: the done dialog's warnings
// are Italian, not briefing's English.
func TestExportWarningsInItalian(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	b, err := newBriefFrom("briefing-note", "Cavi sottomarini")
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	u.export(exportRequest{path: tempPath(t, "cavi.pdf"), format: briefing.PDF}, u.showExportResult)
	m := test.RenderToMarkup(u.win.Canvas())
	if !strings.Contains(m, `la sezione "Sintesi" è vuota`) || strings.Contains(m, "is empty") {
		t.Errorf("the warnings are not in Italian:\n%s", m)
	}
}

// TestLocalWarningsLeaveOthersAlone checks that warnings the window does
// not know show as briefing words them, and known ones keep their figures.
func TestLocalWarningsLeaveOthersAlone(t *testing.T) {
	in := []string{"the brief has 3 pages, over its limit of 2", "some new warning"}
	got := localWarnings(in)
	if got[0] != "the brief has 3 pages, over its limit of 2" || got[1] != "some new warning" {
		t.Errorf("got %q", got)
	}
}
