package index

import (
	"attache/index/corpus"
)

// Cite returns the reference to a passage that a reader can follow: the
// document's official reference if it has one (as "JOIN(2025) 140 final"),
// else its short title, else its title; then the passage's locator, e.g.
// `JOIN(2025) 140 final, § 4, "Tecnologie emergenti"`.
func Cite(m corpus.Meta, p corpus.Passage) string {
	head := m.Reference
	if head == "" {
		head = m.ShortTitle
	}
	if head == "" {
		head = m.Title
	}
	if head == "" {
		head = m.ID
	}
	if p.Locator == "" {
		return head
	}
	if head == "" {
		return p.Locator
	}
	return head + ", " + p.Locator
}
