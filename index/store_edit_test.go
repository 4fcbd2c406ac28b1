package index

import "testing"

func TestDocEditNormalized(t *testing.T) {
	title, lang, blank := "  Nota  ", " IT ", ""
	e := DocEdit{Title: &title, Lang: &lang, Reference: &blank}.normalized()
	if *e.Title != "Nota" || *e.Lang != "it" || *e.Reference != "" || e.Issuer != nil || e.Date != nil {
		t.Errorf("normalized edit: title %q, lang %q, reference %q, issuer %v, date %v", *e.Title, *e.Lang, *e.Reference, e.Issuer, e.Date)
	}
	if title != "  Nota  " || lang != " IT " {
		t.Errorf("normalized changed the caller's strings: %q %q", title, lang)
	}
}
