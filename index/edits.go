package index

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// ErrSeed is wrapped by the errors of changes to the documents Attaché
// ships with, which cannot be removed or edited.
var ErrSeed = errors.New("a document Attaché ships with")

// userDoc reads an imported document, or fails when there is none with
// that ID or it is a seed.
func userDoc(tx *bolt.Tx, id string) (*corpus.Document, *docRecord, error) {
	d, rec, err := getDocument(tx, id)
	if err != nil {
		return nil, nil, err
	}
	if rec.Seed {
		return nil, nil, fmt.Errorf("document %q is %w and cannot be changed", id, ErrSeed)
	}
	return d, rec, nil
}

// Remove takes an imported document out of the library, with its copy of
// the original (unless another document was imported from an identical
// file), in one transaction. Seed documents cannot be removed.
func (l *Local) Remove(id string) error {
	if err := l.checkUserDoc(id); err != nil {
		return err
	}
	err := l.change(func(tx *bolt.Tx) ([]string, []*corpus.Document, error) {
		if _, _, err := userDoc(tx, id); err != nil {
			return nil, nil, err
		}
		gone, err := deleteDocument(tx, id)
		if err != nil {
			return nil, nil, err
		}
		if err := unnameOriginal(tx, id); err != nil {
			return nil, nil, err
		}
		return gone, nil, tx.Bucket(bucketEdits).Delete([]byte(id))
	})
	if err == nil {
		dropOldOriginals(l.dir, []string{id})
	}
	return err
}

// checkUserDoc fails, without waiting for any lock, when id is not an
// imported document of the library.
func (l *Local) checkUserDoc(id string) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.store == nil {
		return ErrClosed
	}
	return l.store.view(func(tx *bolt.Tx) error {
		_, _, err := userDoc(tx, id)
		return err
	})
}

// Edit changes the metadata of an imported document and reindexes it; a
// new language moves its passages to that language's analyzer. The edits
// are kept with the document, in the same transaction, so that importing
// a changed version of its file keeps them. Seed documents cannot be
// edited.
func (l *Local) Edit(id string, e DocEdit) (*corpus.Document, error) {
	if err := e.Check(id); err != nil {
		return nil, err
	}
	if err := l.checkUserDoc(id); err != nil {
		return nil, err
	}
	e = e.Normalized()
	var d *corpus.Document
	err := l.change(func(tx *bolt.Tx) ([]string, []*corpus.Document, error) {
		var rec *docRecord
		var err error
		if d, rec, err = userDoc(tx, id); err != nil {
			return nil, nil, err
		}
		e.ApplyTo(&d.Meta)
		if e.Lang != nil {
			for i := range d.Passages {
				d.Passages[i].Lang = d.Lang
			}
		}
		tax, stats, tagger := l.tagger()
		tax.TagWith(stats, []*corpus.Document{d})
		all := getEdits(tx, id)
		all.Add(e)
		if err := putEdits(tx, id, all); err != nil {
			return nil, nil, err
		}
		old, err := passageIDs(tx, id)
		if err != nil {
			return nil, nil, err
		}
		if _, err := putDocument(tx, d, false, tagger, rec.Order); err != nil {
			return nil, nil, err
		}
		return old, []*corpus.Document{d}, nil
	})
	if err != nil {
		return nil, fmt.Errorf("edit document %q: %w", id, err)
	}
	return d, nil
}

// getEdits reads the user's edits of a document; none is a zero DocEdit.
func getEdits(tx *bolt.Tx, id string) DocEdit {
	var e DocEdit
	if b := tx.Bucket(bucketEdits).Get([]byte(id)); b != nil {
		json.Unmarshal(b, &e)
	}
	return e
}

// putEdits keeps the user's edits of a document.
func putEdits(tx *bolt.Tx, id string, e DocEdit) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketEdits).Put([]byte(id), b)
}
