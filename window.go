//go:build !(lean && linux)

package main

import "attache/app"

// openWindow opens the window, linked into this program: the plain build
// (go build .). Every process of it, a search too, then runs the window
// toolkit's package initialisation (Fyne parsing its translations, 3 ms)
// before main; `make build` makes the lean build instead (window_lean.go).
var openWindow = app.Run
