package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"attache/index/corpus"
)

// ErrSeed is wrapped by the errors of changes to the documents Attaché
// ships with, which cannot be removed or edited.
var ErrSeed = errors.New("a document Attaché ships with")

// ensureWritable checks, before a change to the library's documents, that
// no other process holds the index (which the change must rebuild), so
// that a change refused is a change not made. It closes and reopens l.idx
// to test the lock; the caller holds l.mu for writing.
func (l *Local) ensureWritable() error {
	path := filepath.Join(l.dir, indexDir)
	if l.idx != nil {
		l.idx.Close()
		l.idx = nil
	}
	err := l.checkNotInUse(path)
	idx, oerr := openBleve(path, true)
	if oerr != nil {
		return fmt.Errorf("reopening the index in %s: %v", l.dir, oneLine(oerr))
	}
	l.idx = idx
	return err
}

// remove takes a document and its passages out of the store.
func (s *store) remove(id string) {
	d, ok := s.byID[id]
	if !ok {
		return
	}
	for i := range d.Passages {
		delete(s.passages, d.Passages[i].ID)
	}
	for i, o := range s.docs {
		if o.ID == id {
			s.docs = append(s.docs[:i:i], s.docs[i+1:]...)
			break
		}
	}
	delete(s.byID, id)
	delete(s.seed, id)
	delete(s.hash, id)
}

// userDoc returns an imported document of the store, or an error when
// there is none with that ID or it is a seed. The caller holds l.mu.
func (l *Local) userDoc(id string) (*corpus.Document, error) {
	if l.idx == nil {
		return nil, ErrClosed
	}
	d, ok := l.store.byID[id]
	if !ok {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if l.store.seed[id] {
		return nil, fmt.Errorf("document %q is %w and cannot be changed", id, ErrSeed)
	}
	return d, nil
}

// Remove takes an imported document out of the library, with its copy of
// the original. Seed documents cannot be removed.
func (l *Local) Remove(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	d, err := l.userDoc(id)
	if err != nil {
		return err
	}
	if err := l.ensureWritable(); err != nil {
		return err
	}
	// The stored document goes first: once it is gone, the next Open
	// rebuilds the index without it whatever happens after.
	if err := os.Remove(filepath.Join(l.dir, docsDir, id+".json")); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("remove document %q: %w", id, err)
	}
	syncDir(filepath.Join(l.dir, docsDir))
	os.Remove(editsFile(l.dir, id))
	if old, _ := filepath.Glob(filepath.Join(l.dir, originalsDir, id+".*")); len(old) > 0 {
		for _, o := range old {
			os.Remove(o)
		}
	}
	l.store.remove(id)
	gone := make([]string, 0, len(d.Passages))
	for i := range d.Passages {
		gone = append(gone, d.Passages[i].ID)
	}
	return l.update(gone, nil)
}

// DocEdit lists the fields of a document to change; nil fields are left
// as they are.
type DocEdit struct {
	Title     *string `json:"title,omitempty"`
	Issuer    *string `json:"issuer,omitempty"`
	Date      *string `json:"date,omitempty"`
	Reference *string `json:"reference,omitempty"`
	Lang      *string `json:"lang,omitempty"`
}

// normalized returns e with its values trimmed and the language in lower
// case, as they are stored.
func (e DocEdit) normalized() DocEdit {
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

// Edit changes the metadata of an imported document and reindexes it; a
// new language moves its passages to that language's analyzer. Seed
// documents cannot be edited.
func (l *Local) Edit(id string, e DocEdit) (*corpus.Document, error) {
	if e.Title != nil && strings.TrimSpace(*e.Title) == "" {
		return nil, fmt.Errorf("edit document %q: the title cannot be empty", id)
	}
	if e.Lang != nil && !validLang(*e.Lang) {
		return nil, fmt.Errorf("edit document %q: language %q is not a two-letter ISO 639-1 code", id, *e.Lang)
	}
	if e.Date != nil && *e.Date != "" && !validDate(*e.Date) {
		return nil, fmt.Errorf("edit document %q: date %q is not YYYY, YYYY-MM or YYYY-MM-DD", id, *e.Date)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	old, err := l.userDoc(id)
	if err != nil {
		return nil, err
	}
	if err := l.ensureWritable(); err != nil {
		return nil, err
	}
	e = e.normalized()
	d := *old
	d.Passages = append([]corpus.Passage(nil), old.Passages...)
	applyEdits(&d.Meta, e)
	if e.Lang != nil {
		for i := range d.Passages {
			d.Passages[i].Lang = d.Lang
		}
	}
	l.taxonomy.TagWith(l.stats, []*corpus.Document{&d})
	b, err := encodeStored(&d, l.tagger)
	if err != nil {
		return nil, err
	}
	// The edits are saved before the document: a crash between the two
	// leaves them to be applied when the file is next imported, where the
	// other order would lose them then.
	if err := saveEdits(l.dir, id, e); err != nil {
		return nil, fmt.Errorf("edit document %q: %w", id, err)
	}
	if err := writeFileAtomic(filepath.Join(l.dir, docsDir, id+".json"), b); err != nil {
		return nil, fmt.Errorf("edit document %q: %w", id, err)
	}
	if err := l.store.addHashed(&d, false, contentHash(b)); err != nil {
		return nil, err
	}
	gone := make([]string, 0, len(old.Passages))
	for i := range old.Passages {
		gone = append(gone, old.Passages[i].ID)
	}
	return &d, l.update(gone, []*corpus.Document{&d})
}

// editsFile holds the fields of an imported document the user edited, so
// that importing a changed version of the file keeps them.
func editsFile(dir, id string) string {
	return filepath.Join(dir, docsDir, id+".edits")
}

// loadEdits reads the user's edits of a document; none is a zero DocEdit.
func loadEdits(dir, id string) DocEdit {
	var e DocEdit
	if b, err := os.ReadFile(editsFile(dir, id)); err == nil {
		json.Unmarshal(b, &e)
	}
	return e
}

// saveEdits adds the fields of e (normalized) to the document's saved edits.
func saveEdits(dir, id string, e DocEdit) error {
	all := loadEdits(dir, id)
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
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	return writeFileAtomic(editsFile(dir, id), b)
}

// applyEdits sets the edited fields on a document's metadata.
func applyEdits(m *corpus.Meta, e DocEdit) {
	for _, f := range []struct {
		dst *string
		v   *string
	}{{&m.Title, e.Title}, {&m.Issuer, e.Issuer}, {&m.Date, e.Date}, {&m.Reference, e.Reference}, {&m.Lang, e.Lang}} {
		if f.v != nil {
			*f.dst = *f.v
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
