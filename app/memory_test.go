package app

import (
	"runtime/debug"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSettleMemoryPacesTheHeap checks the collector's pacing after
// start-up, and that a GOGC or GOMEMLIMIT the user set is kept.
func TestSettleMemoryPacesTheHeap(t *testing.T) {
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	defer func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) }()

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	settleMemory(testLib)
	if got := debug.SetGCPercent(100); got != restGCPercent {
		t.Errorf("GC percent %d after settling, want %d", got, restGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != restMemoryLimit {
		t.Errorf("memory limit %d after settling, want %d", got, restMemoryLimit)
	}

	debug.SetMemoryLimit(limit)
	t.Setenv("GOGC", "200")
	t.Setenv("GOMEMLIMIT", "1GiB")
	settleMemory(nil)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d with GOGC set, want it left alone (100)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d with GOMEMLIMIT set, want it left alone (%d)", got, limit)
	}
}

// TestHiddenPreviewLetsGoOfItsPages hides the preview: its page images
// are dropped and the page count stays; an edit while hidden draws
// nothing; showing it again draws the pages anew.
func TestHiddenPreviewLetsGoOfItsPages(t *testing.T) {
	u := newTestUI(t)
	b := openCables(t, u)
	test.Tap(u.previewItemButton(t))
	if n := len(u.preview.pages.Objects); n != 2 {
		t.Fatalf("%d pages drawn, want 2", n)
	}
	u.preview.toggle()
	if u.preview.shown || len(u.preview.pages.Objects) != 0 {
		t.Fatalf("hidden preview still holds %d pages", len(u.preview.pages.Objects))
	}
	if u.preview.count.Text != "2 of 2 pages" || !u.preview.count.Visible() {
		t.Errorf("page count %q (shown %v) after hiding the preview", u.preview.count.Text, u.preview.count.Visible())
	}
	u.brief.outline.selectNode(secNode + b.Sections[0].ID)
	u.brief.outline.secText.SetText(u.brief.outline.secText.Text + " One more sentence.")
	if len(u.preview.pages.Objects) != 0 {
		t.Errorf("an edit drew %d pages while the preview is hidden", len(u.preview.pages.Objects))
	}
	u.preview.toggle()
	if n := len(u.preview.pages.Objects); n != 2 {
		t.Errorf("%d pages drawn after showing the preview again, want 2", n)
	}
}
