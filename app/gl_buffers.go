package app

import "github.com/go-gl/glfw/v3.3/glfw"

// The window's GL surface. GLFW asks by default for a 24-bit depth buffer
// and an 8-bit stencil buffer beside the colour buffers; Fyne's painter
// uses neither (it draws in painter's order with depth testing off, and
// clips with the scissor box), yet the driver keeps them at the window's
// full size for its lifetime: 3.4 MB at 1229x691 under Mesa's software
// renderer, in the window's own memory. Asking for none leaves the colour
// buffers as they were.

// withoutDepthBuffers asks GLFW for no depth or stencil buffer in the
// windows created from now on. Call it on the main goroutine after the app
// is made (GLFW is initialised then) and before the first window is shown.
// GLFW reports a call it cannot take by panicking; that only means the
// window keeps GLFW's defaults, so it is recovered.
func withoutDepthBuffers() {
	defer func() { _ = recover() }()
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
}
