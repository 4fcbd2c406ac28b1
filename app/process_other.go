//go:build !unix

package app

// processStart returns "": the start of a process is not read here.
func processStart(pid int) string { return "" }

// processAlive reports false: on this system whether another run is still
// going is not checked, and every autosave copy left by another run is
// offered back, as before copies were kept per run.
func processAlive(pid int, start string) bool { return false }
