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
}

func newStore() *store {
	return &store{
		byID:     map[string]*corpus.Document{},
		passages: map[string]*corpus.Passage{},
		seed:     map[string]bool{},
	}
}

// add puts a document in the store, replacing one with the same ID. It
// fails when a passage ID is already used by another document.
func (s *store) add(d *corpus.Document, seed bool) error {
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

// fingerprint identifies the content the index is built from: every
// document as it would be indexed, in ID order. Any change in the texts, in
// how they are parsed or tagged, changes it.
func (s *store) fingerprint() (string, error) {
	docs := append([]*corpus.Document(nil), s.docs...)
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return "", fmt.Errorf("fingerprint of %s: %w", d.ID, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
