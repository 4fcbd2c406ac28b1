package team

import (
	"attache/index/themes"
)

// Expander finds the equivalents of a query word in another language (the
// bilingual glossary of package themes is one).
type Expander interface {
	Expand(term, lang string) []string
}

// defaultExpander is the shipped bilingual glossary, as the local library
// uses it.
func defaultExpander() Expander { return themes.DefaultGlossary() }
