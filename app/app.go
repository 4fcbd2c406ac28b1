// Package app is Attaché's window: search, reader and brief side by side.
//
// It holds no domain logic: searching is package index's, briefs are
// package briefing's, and package bridge joins the two.
package app

import "errors"

// Run opens the window on the library folder (empty for the default) and
// returns when it is closed. args may name a brief to open.
func Run(library string, args []string) error {
	return errors.New("the window is not built yet")
}
