// Package bridge joins the library (package index) and briefs (package
// briefing), which know nothing of each other: it snapshots a passage as an
// excerpt and checks a brief's excerpts against the library.
package bridge

import (
	"errors"
	"fmt"

	"attache/briefing"
	"attache/index"
	"attache/index/corpus"
)

// Snapshot returns an excerpt quoting the whole passage p of the document
// described by d, with a copy of everything a citation needs, so the brief
// stays valid when the library changes. The excerpt has no ID yet: adding
// it to a brief gives it one.
func Snapshot(p *corpus.Passage, d corpus.Meta) briefing.Excerpt {
	x := briefing.Excerpt{
		PassageID: p.ID,
		Source: briefing.Source{
			DocID:      d.ID,
			Title:      d.Title,
			ShortTitle: d.ShortTitle,
			Issuer:     d.Issuer,
			Date:       d.Date,
			Place:      d.Place,
			Lang:       d.Lang,
			Kind:       d.Kind,
			Reference:  d.Reference,
			URL:        d.URL,
		},
		Locator:     p.Locator,
		Page:        p.Page,
		SectionPath: append([]string(nil), p.Section...),
		Text:        p.Text,
		Full:        p.Text,
		Themes:      append([]string(nil), p.Themes...),
	}
	if p.Lang != "" && p.Lang != d.Lang {
		x.Lang = p.Lang
	}
	if x.Source.DocID == "" {
		x.Source.DocID = p.DocID
	}
	for _, n := range p.Notes {
		x.Notes = append(x.Notes, briefing.Note{Number: n.Number, Text: n.Text, URLs: append([]string(nil), n.URLs...), Mark: n.Mark})
	}
	return x
}

// Excerpt looks a passage up in the library and snapshots it.
func Excerpt(lib index.Library, passageID string) (briefing.Excerpt, error) {
	p, err := lib.Passage(passageID)
	if errors.Is(err, index.ErrNotFound) {
		return briefing.Excerpt{}, fmt.Errorf("no passage %q in the library", passageID)
	}
	if err != nil {
		return briefing.Excerpt{}, err
	}
	d, err := lib.Document(p.DocID)
	if err != nil {
		return briefing.Excerpt{}, fmt.Errorf("document of passage %q: %w", passageID, err)
	}
	return Snapshot(p, d.Meta), nil
}

// Lookup adapts a library to briefing.Checker: a passage the library does
// not have is reported as not found, other failures as errors.
func Lookup(lib index.Library) briefing.Checker {
	return briefing.CheckerFunc(func(id string) (string, bool, error) {
		p, err := lib.Passage(id)
		if errors.Is(err, index.ErrNotFound) {
			return "", false, nil
		}
		if err != nil {
			return "", false, err
		}
		return p.Text, true, nil
	})
}

// Check compares a brief's excerpts with the library (see briefing.Check).
func Check(lib index.Library, b *briefing.Brief) ([]briefing.Finding, error) {
	return briefing.Check(b, Lookup(lib))
}
