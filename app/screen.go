package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenSize is the size of the primary screen in w's units, once the
// driver has started (call it on the UI goroutine, as Fyne's lifecycle
// hooks are). Fyne has no call for it; its desktop driver runs on GLFW,
// which is asked directly.
func screenSize(w fyne.Window) (size fyne.Size, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale), true
}
