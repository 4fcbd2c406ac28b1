package index

import (
	"fmt"
	"strings"

	"attache/index/corpus"
)

// DocEdit lists the fields of a document to change; nil fields are left
// as they are. Every backend checks, normalises and applies an edit with
// the methods below, so an edit means the same on each.
type DocEdit struct {
	Title     *string `json:"title,omitempty"`
	Issuer    *string `json:"issuer,omitempty"`
	Date      *string `json:"date,omitempty"`
	Reference *string `json:"reference,omitempty"`
	Lang      *string `json:"lang,omitempty"`
}

// Check returns a one-line error naming document id when the edit cannot
// be made as it is (an empty title, a language that is not a two-letter
// code, a date that is not YYYY, YYYY-MM or YYYY-MM-DD), or nil.
func (e DocEdit) Check(id string) error {
	if e.Title != nil && strings.TrimSpace(*e.Title) == "" {
		return fmt.Errorf("edit document %q: the title cannot be empty", id)
	}
	if e.Lang != nil && !validLang(*e.Lang) {
		return fmt.Errorf("edit document %q: language %q is not a two-letter ISO 639-1 code", id, *e.Lang)
	}
	if e.Date != nil && strings.TrimSpace(*e.Date) != "" && !validDate(strings.TrimSpace(*e.Date)) {
		return fmt.Errorf("edit document %q: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", id, *e.Date)
	}
	return nil
}

// Normalized returns e with its values trimmed and the language in lower
// case, as they are stored.
func (e DocEdit) Normalized() DocEdit {
	for _, f := range []**string{&e.Title, &e.Issuer, &e.Date, &e.Reference, &e.Lang} {
		if *f != nil {
			v := strings.TrimSpace(**f)
			if f == &e.Lang {
				v = strings.ToLower(v)
			}
			*f = &v
		}
	}
	return e
}

// ApplyTo sets the edited fields on a document's metadata.
func (e DocEdit) ApplyTo(m *corpus.Meta) {
	for _, f := range []struct {
		dst *string
		v   *string
	}{{&m.Title, e.Title}, {&m.Issuer, e.Issuer}, {&m.Date, e.Date}, {&m.Reference, e.Reference}, {&m.Lang, e.Lang}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
}

// Add sets the fields of e on the edits kept so far, leaving the others.
func (all *DocEdit) Add(e DocEdit) {
	for _, f := range []struct {
		dst **string
		v   *string
	}{
		{&all.Title, e.Title}, {&all.Issuer, e.Issuer}, {&all.Date, e.Date},
		{&all.Reference, e.Reference}, {&all.Lang, e.Lang},
	} {
		if f.v != nil {
			*f.dst = f.v
		}
	}
}

// validLang accepts two lower-case letters.
func validLang(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// validDate accepts YYYY, YYYY-MM and YYYY-MM-DD.
func validDate(s string) bool {
	for i, c := range s {
		switch {
		case i == 4 || i == 7:
			if c != '-' {
				return false
			}
		case c < '0' || c > '9':
			return false
		}
	}
	return len(s) == 4 || len(s) == 7 || len(s) == 10
}
