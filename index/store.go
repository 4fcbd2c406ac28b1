package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"

	"attache/index/corpus"
)

// store holds a library's documents in memory, for reading passages in
// context and listing documents. It is not safe for concurrent use on its
// own: Local guards it.
type store struct {
	docs     []*corpus.Document // seeds in catalogue order, then the others by ID
	byID     map[string]*corpus.Document
	passages map[string]*corpus.Passage
	seed     map[string]bool
	// hash holds the content hash of the documents whose stored file's
	// hash is known (see contentHash); the others are hashed when the
	// fingerprint is taken.
	hash map[string]string
}

func newStore() *store {
	return &store{
		byID:     map[string]*corpus.Document{},
		passages: map[string]*corpus.Passage{},
		seed:     map[string]bool{},
		hash:     map[string]string{},
	}
}

// add puts a document in the store, replacing one with the same ID. It
// fails when a passage ID is already used by another document.
func (s *store) add(d *corpus.Document, seed bool) error {
	return s.addHashed(d, seed, "")
}

// addHashed is add for a document whose content hash is known: the hash of
// the file it is stored in, which must not change while it is in the store.
func (s *store) addHashed(d *corpus.Document, seed bool, hash string) error {
	if d.ID == "" {
		return fmt.Errorf("document %q has no ID", d.Title)
	}
	for i := range d.Passages {
		p := &d.Passages[i]
		if other, ok := s.passages[p.ID]; ok && other.DocID != d.ID {
			return fmt.Errorf("document %s: passage ID %s is already used by %s", d.ID, p.ID, other.DocID)
		}
	}
	if old, ok := s.byID[d.ID]; ok {
		for i := range old.Passages {
			delete(s.passages, old.Passages[i].ID)
		}
		for i, o := range s.docs {
			if o.ID == d.ID {
				s.docs[i] = d
			}
		}
	} else {
		s.docs = append(s.docs, d)
	}
	s.byID[d.ID] = d
	s.seed[d.ID] = seed
	if hash != "" {
		s.hash[d.ID] = hash
	} else {
		delete(s.hash, d.ID)
	}
	for i := range d.Passages {
		p := &d.Passages[i]
		if p.DocID == "" {
			p.DocID = d.ID
		}
		if p.Lang == "" {
			p.Lang = d.Lang
		}
		s.passages[p.ID] = p
	}
	return nil
}

// infos lists the documents with their passage counts, in store order.
func (s *store) infos() []DocInfo {
	out := make([]DocInfo, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, DocInfo{Meta: d.Meta, Passages: len(d.Passages), Seed: s.seed[d.ID]})
	}
	return out
}

// count is the number of passages in the store.
func (s *store) count() int { return len(s.passages) }

// fingerprint identifies the content the index is built from: each
// document's ID and content hash, in ID order. A document whose hash is not
// known (a seed, parsed on every open) is hashed as it would be indexed.
// Any change in the texts, in how they are parsed or tagged, changes it.
func (s *store) fingerprint() (string, error) {
	ids := make([]string, 0, len(s.docs))
	for _, d := range s.docs {
		ids = append(ids, d.ID)
	}
	sort.Strings(ids)
	h := sha256.New()
	for _, id := range ids {
		hash := s.hash[id]
		if hash == "" {
			b, err := json.Marshal(s.byID[id])
			if err != nil {
				return "", fmt.Errorf("fingerprint of %s: %w", id, err)
			}
			hash = contentHash(b)
		}
		fmt.Fprintf(h, "%s %s\n", id, hash)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
