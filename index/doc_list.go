package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"sort"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// The document list keeps every document's head (its record without its
// headings or content hash) in a few large values of the store, so that
// listing the library, as the window does when it opens, reads a few runs
// of contiguous pages instead of one small record per document scattered
// through the file. Each record read through the store's memory map
// brings its neighbourhood with it: 8,224 scattered records made 50 MB of
// the store resident in the window. The list's pages are let go once read
// (releaseRead): the window lists the library when it opens and after a
// change, and would otherwise keep them resident in between.
//
// Every write transaction through docStore.update keeps the list up to
// date, once per transaction. The list is only used while metaDocList
// equals the library's fingerprint: a store changed another way (an
// earlier Attaché, which does not know the list) is listed from its
// records instead, and the next open for writing lists it again.

var (
	// bucketDocList maps a chunk number (docListChunk) to the heads of
	// the documents whose ID falls in it.
	bucketDocList = []byte("doc-list")
	// metaDocList is the library's fingerprint when the list was last
	// complete.
	metaDocList = []byte("doc-list")
)

// docListChunks is how many values the list is cut into: a change to one
// document writes one of them again, and listing touches each one.
const docListChunks = 16

// docListChunk is the key of the list's value that holds document id.
func docListChunk(id string) []byte {
	h := fnv.New32a()
	h.Write([]byte(id))
	return binary.BigEndian.AppendUint16(nil, uint16(h.Sum32()%docListChunks))
}

// encodeDocHead is a document's head: its record without its headings and
// content hash, which lists do not need.
func encodeDocHead(rec *docRecord) []byte {
	head := *rec
	head.Sections, head.Hash = nil, ""
	return encodeDoc(&head)
}

// forEachHeadIn calls f with the ID and the encoded head of each document
// in a value of the list: a format byte, then each head after its length.
func forEachHeadIn(chunk []byte, f func(id string, head []byte) error) error {
	if len(chunk) == 0 {
		return nil
	}
	if chunk[0] != recordFormat {
		return errBadRecord
	}
	b := chunk[1:]
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return errBadRecord
		}
		head := b[k : k+int(n)]
		b = b[k+int(n):]
		r := newRecordReader(head)
		id := r.str()
		if r.err != nil {
			return r.err
		}
		if err := f(id, head); err != nil {
			return err
		}
	}
	return nil
}

// appendHead appends an encoded head to a value of the list.
func appendHead(chunk, head []byte) []byte {
	if len(chunk) == 0 {
		chunk = append(chunk, recordFormat)
	}
	chunk = binary.AppendUvarint(chunk, uint64(len(head)))
	return append(chunk, head...)
}

// fingerprintBytes is the library's fingerprint as stored, 32 zero bytes
// for a store that never held a document.
func fingerprintBytes(meta *bolt.Bucket) []byte {
	fp := meta.Get(metaFingerprint)
	if len(fp) != sha256.Size {
		return make([]byte, sha256.Size)
	}
	return fp
}

// docListValid reports whether the list holds exactly the store's
// documents.
func docListValid(tx *bolt.Tx) bool {
	if tx.Bucket(bucketDocList) == nil {
		return false
	}
	meta := tx.Bucket(bucketMeta)
	return bytes.Equal(meta.Get(metaDocList), fingerprintBytes(meta))
}

// forEachDocHead calls f with every document's head, in catalogue order:
// from the list when it is complete and whole, else from the documents'
// records. A head has no Sections and no Hash.
func forEachDocHead(tx *bolt.Tx, f func(rec *docRecord) error) error {
	if !docListValid(tx) {
		return forEachDocRecord(tx, f)
	}
	heads, err := readDocList(tx)
	if err != nil {
		// damaged: the records say the same (and the next change that
		// touches the damaged value makes the list again, see flush)
		return forEachDocRecord(tx, f)
	}
	for _, rec := range heads {
		if err := f(rec); err != nil {
			return err
		}
	}
	return nil
}

// readDocList reads the document list, in catalogue order, and lets go of
// its pages (releaseRead) once every value is read: the heads are copies,
// and reading a value maps the pages around it, some of the values before.
func readDocList(tx *bolt.Tx) ([]*docRecord, error) {
	var heads []*docRecord
	var read [][]byte
	defer func() {
		for _, v := range read {
			releaseRead(tx, v)
		}
	}()
	err := tx.Bucket(bucketDocList).ForEach(func(_, v []byte) error {
		read = append(read, v)
		return forEachHeadIn(v, func(id string, head []byte) error {
			rec, err := decodeDoc(head, false)
			if err != nil {
				return fmt.Errorf("document %q: %w", id, err)
			}
			heads = append(heads, rec)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("the store's document list: %w", err)
	}
	sort.Slice(heads, func(i, j int) bool { return heads[i].Order < heads[j].Order })
	return heads, nil
}

// rebuildDocList makes the list again from the documents' records.
func rebuildDocList(tx *bolt.Tx) error {
	if tx.Bucket(bucketDocList) != nil {
		if err := tx.DeleteBucket(bucketDocList); err != nil {
			return err
		}
	}
	b, err := tx.CreateBucket(bucketDocList)
	if err != nil {
		return err
	}
	chunks := map[string][]byte{}
	err = forEachDocRecord(tx, func(rec *docRecord) error {
		k := string(docListChunk(rec.ID))
		chunks[k] = appendHead(chunks[k], encodeDocHead(rec))
		return nil
	})
	if err != nil {
		return err
	}
	for k, v := range chunks {
		if err := b.Put([]byte(k), v); err != nil {
			return err
		}
	}
	if e := docListEditOf(tx); e != nil {
		e.valid, e.heads = true, map[string][]byte{}
	}
	meta := tx.Bucket(bucketMeta)
	return meta.Put(metaDocList, fingerprintBytes(meta))
}

// docListEdit is what a write transaction changed of the list: the heads
// of the documents it put, nil for those it took out.
type docListEdit struct {
	valid bool // the list was complete when the transaction began
	heads map[string][]byte
}

// docListEdits holds the edit of each write transaction under way (bbolt
// runs one at a time per store, but a process may have two stores open).
var docListEdits = struct {
	sync.Mutex
	m map[*bolt.Tx]*docListEdit
}{m: map[*bolt.Tx]*docListEdit{}}

// beginDocListEdit starts tracking the changes tx makes to the list.
func beginDocListEdit(tx *bolt.Tx) *docListEdit {
	e := &docListEdit{valid: docListValid(tx), heads: map[string][]byte{}}
	docListEdits.Lock()
	docListEdits.m[tx] = e
	docListEdits.Unlock()
	return e
}

// endDocListEdit stops tracking tx.
func endDocListEdit(tx *bolt.Tx) {
	docListEdits.Lock()
	delete(docListEdits.m, tx)
	docListEdits.Unlock()
}

// docListEditOf is the edit tx tracks, nil for a transaction not begun by
// docStore.update (whose changes then leave the list incomplete).
func docListEditOf(tx *bolt.Tx) *docListEdit {
	docListEdits.Lock()
	defer docListEdits.Unlock()
	return docListEdits.m[tx]
}

// noteDocHead records that tx put a document with this head (nil: took
// the document out).
func noteDocHead(tx *bolt.Tx, id string, head []byte) {
	if e := docListEditOf(tx); e != nil {
		e.heads[id] = head
	}
}

// flush writes the transaction's changes into the list, each value of the
// list it touches once, and marks the list complete again. A list that
// was not complete when the transaction began is left for the next open
// to make again; a damaged value is made again with the whole list.
func (e *docListEdit) flush(tx *bolt.Tx) error {
	if !e.valid || len(e.heads) == 0 {
		return nil
	}
	byChunk := map[string][]string{}
	for id := range e.heads {
		k := string(docListChunk(id))
		byChunk[k] = append(byChunk[k], id)
	}
	b := tx.Bucket(bucketDocList)
	for k, ids := range byChunk {
		old := b.Get([]byte(k))
		var chunk []byte
		err := forEachHeadIn(old, func(id string, head []byte) error {
			if _, changed := e.heads[id]; !changed {
				chunk = appendHead(chunk, head)
			}
			return nil
		})
		if err != nil {
			// a damaged value: make the whole list again from the
			// records, which this transaction's changes are in
			return rebuildDocList(tx)
		}
		for _, id := range ids {
			if head := e.heads[id]; head != nil {
				chunk = appendHead(chunk, head)
			}
		}
		if chunk == nil {
			err = b.Delete([]byte(k))
		} else {
			err = b.Put([]byte(k), chunk)
		}
		if err != nil {
			return err
		}
	}
	e.heads = map[string][]byte{}
	meta := tx.Bucket(bucketMeta)
	return meta.Put(metaDocList, fingerprintBytes(meta))
}

// listDocuments makes the document list of the store, open for writing,
// when it has none or an outdated one (made or changed by an earlier
// Attaché).
func (s *docStore) listDocuments() error {
	valid := false
	s.view(func(tx *bolt.Tx) error { valid = docListValid(tx); return nil })
	if valid {
		return nil
	}
	return s.update(rebuildDocList)
}

// repairDocList, on a store opened for writing, makes the document list
// again when one of its values is damaged (Documents meanwhile lists the
// records): a change made while the list is damaged then finds it whole.
func (s *docStore) repairDocList() error {
	damaged := false
	s.view(func(tx *bolt.Tx) error {
		if !docListValid(tx) {
			return nil
		}
		var read [][]byte
		defer func() {
			for _, v := range read {
				releaseRead(tx, v)
			}
		}()
		return tx.Bucket(bucketDocList).ForEach(func(_, v []byte) error {
			read = append(read, v)
			if forEachHeadIn(v, func(string, []byte) error { return nil }) != nil {
				damaged = true
			}
			return nil
		})
	})
	if !damaged {
		return nil
	}
	return s.update(rebuildDocList)
}
