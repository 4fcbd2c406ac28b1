// Package locale makes the window start quietly under a C or POSIX locale.
//
// Fyne reads the user's language from LC_ALL, LC_MESSAGES and LANG when its
// lang package is initialised, and logs "Error parsing user locale C" when
// the value is C.UTF-8 or POSIX.UTF-8. This package's init runs before
// Fyne's (Go initialises ready packages in import-path order, and
// "attache/…" sorts before "fyne.io/…"): when the locale names no language
// it sets LANGUAGE=en, which the locale lookup then uses instead, so the
// window falls back to English without printing anything.
package locale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix sets LANGUAGE=en when the effective locale names no language (C,
// POSIX, with or without an encoding) and LANGUAGE is unset. It reports
// whether it changed the environment.
func Fix() bool {
	if os.Getenv("LANGUAGE") != "" {
		return false
	}
	if !NoLanguage(Effective()) {
		return false
	}
	return os.Setenv("LANGUAGE", "en") == nil
}

// Effective returns the locale that decides the language of messages: the
// first set of LC_ALL, LC_MESSAGES and LANG.
func Effective() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// NoLanguage reports whether a locale value names no language: empty, C or
// POSIX, optionally with an encoding or modifier ("C.UTF-8").
func NoLanguage(loc string) bool {
	base, _, _ := strings.Cut(loc, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "" || base == "C" || base == "POSIX"
}
