package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// The documents and passages of the store, read and written inside a
// bbolt transaction. Every change keeps the library's fingerprint and
// passage count up to date, so that nothing ever needs to read every
// document to know what the library holds.

// passageKey is a passage's key in bucketPassages: its document's ID, a
// zero byte, and its position in the document.
func passageKey(docID string, i int) []byte {
	k := make([]byte, 0, len(docID)+5)
	k = append(k, docID...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint32(k, uint32(i))
}

// passagePrefix starts the keys of a document's passages.
func passagePrefix(docID string) []byte { return append([]byte(docID), 0) }

// getDocRecord reads a document's record.
func getDocRecord(tx *bolt.Tx, id string, sections bool) (*docRecord, error) {
	return docRecordThrough(tx.Bucket(bucketDocs).Cursor(), id, sections)
}

// docRecordThrough reads a document's record through a cursor on the
// documents' bucket (a search reads every hit's through one).
func docRecordThrough(docs *bolt.Cursor, id string, sections bool) (*docRecord, error) {
	b := seekExact(docs, []byte(id))
	if b == nil {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	return decodeDoc(b, sections)
}

// getDocument reads a whole document: its record and its passages.
func getDocument(tx *bolt.Tx, id string) (*corpus.Document, *docRecord, error) {
	rec, err := getDocRecord(tx, id, true)
	if err != nil {
		return nil, nil, err
	}
	d := &corpus.Document{Meta: rec.Meta, Sections: rec.Sections, Passages: make([]corpus.Passage, 0, rec.Passages)}
	prefix := passagePrefix(id)
	c := tx.Bucket(bucketPassages).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		p, err := decodePassage(v)
		if err != nil {
			return nil, nil, fmt.Errorf("document %q: %w", id, err)
		}
		d.Passages = append(d.Passages, *p)
	}
	return d, rec, nil
}

// getPassage reads one passage by its ID.
func getPassage(tx *bolt.Tx, id string) (*corpus.Passage, error) {
	return passageThrough(tx.Bucket(bucketPassageIDs).Cursor(), tx.Bucket(bucketPassages).Cursor(), id)
}

// passageThrough reads one passage by its ID through cursors on the
// passage IDs' and the passages' buckets (a search reads every hit's
// through the same two).
func passageThrough(ids, passages *bolt.Cursor, id string) (*corpus.Passage, error) {
	k := seekExact(ids, []byte(id))
	if k == nil {
		return nil, fmt.Errorf("passage %q: %w", id, ErrNotFound)
	}
	v := seekExact(passages, k)
	if v == nil {
		return nil, fmt.Errorf("passage %q: %w", id, ErrNotFound)
	}
	return decodePassage(v)
}

// seekExact returns the value of key through cursor c, or nil when the
// bucket does not hold it (or holds a bucket there): a bucket's Get.
func seekExact(c *bolt.Cursor, key []byte) []byte {
	k, v := c.Seek(key)
	if k == nil || v == nil || !bytes.Equal(k, key) {
		return nil
	}
	return v
}

// passageIDs lists the IDs of a document's passages, in order.
func passageIDs(tx *bolt.Tx, docID string) ([]string, error) {
	var ids []string
	prefix := passagePrefix(docID)
	c := tx.Bucket(bucketPassages).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r := newRecordReader(v)
		id := r.str()
		if r.err != nil {
			return nil, fmt.Errorf("document %q: %w", docID, r.err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// listDocs lists the documents in catalogue order.
func listDocs(tx *bolt.Tx) ([]DocInfo, error) {
	out := []DocInfo{}
	err := forEachDocHead(tx, func(rec *docRecord) error {
		out = append(out, DocInfo{Meta: rec.Meta, Passages: rec.Passages, Seed: rec.Seed})
		return nil
	})
	return out, err
}

// forEachDocRecord calls f with every document's record, without its
// sections, in catalogue order, reading each document's record (see
// forEachDocHead, which reads the document list instead).
func forEachDocRecord(tx *bolt.Tx, f func(rec *docRecord) error) error {
	docs := tx.Bucket(bucketDocs)
	return tx.Bucket(bucketCatalogue).ForEach(func(_, id []byte) error {
		rec, err := decodeDoc(docs.Get(id), false)
		if err != nil {
			return fmt.Errorf("document %q: %w", id, err)
		}
		return f(rec)
	})
}

// storeFingerprint is the fingerprint of the documents in the store and
// their number of passages: what the index's stamp must say for the
// index to hold them.
func storeFingerprint(tx *bolt.Tx) (string, int) {
	meta := tx.Bucket(bucketMeta)
	fp := meta.Get(metaFingerprint)
	if len(fp) != sha256.Size {
		fp = make([]byte, sha256.Size)
	}
	n, _ := strconv.Atoi(string(meta.Get(metaPassages)))
	return hex.EncodeToString(fp), n
}

// adjustFingerprint folds a document's term in or out of the library's
// fingerprint (the XOR of every document's term, so that adding and
// removing are the same step) and adds delta to the passage count.
func adjustFingerprint(tx *bolt.Tx, id, hash string, delta int) error {
	meta := tx.Bucket(bucketMeta)
	fp := make([]byte, sha256.Size)
	copy(fp, meta.Get(metaFingerprint))
	term := sha256.Sum256([]byte(id + "\x00" + hash))
	for i := range fp {
		fp[i] ^= term[i]
	}
	if err := meta.Put(metaFingerprint, fp); err != nil {
		return err
	}
	n, _ := strconv.Atoi(string(meta.Get(metaPassages)))
	return meta.Put(metaPassages, []byte(strconv.Itoa(n+delta)))
}

// catalogueOrder is the catalogue key of a document: the seeds in their
// catalogue order (seq), then the others by ID.
func catalogueOrder(id string, seed bool, seq int) string {
	if seed {
		return fmt.Sprintf("0%06d", seq)
	}
	return "1" + id
}

// putDocument puts a document and its passages in the store, replacing
// the document with the same ID, and returns the IDs of the replaced
// version's passages that the new one does not have. It fails when a
// passage ID is already used by another document. Passages without a
// document or language get the document's.
func putDocument(tx *bolt.Tx, d *corpus.Document, seed bool, tagger, order string) (gone []string, err error) {
	e, err := encodeDocument(d, seed, tagger, order)
	if err != nil {
		return nil, err
	}
	return e.put(tx)
}

// encodedDocument is a document as the store keeps it, encoded ahead of
// the transaction that puts it (putDocument in two steps): an import
// encodes each document as soon as it is indexed and lets the document
// go, which holds a few bytes a passage until the store's transaction
// instead of every document whole.
type encodedDocument struct {
	id       string
	order    string
	ids      []string // the passages' IDs, in order
	passages [][]byte // the passages' records, in order
	doc      []byte   // the document's record
	head     []byte   // the document's head, for the document list
	hash     string
}

// encodeDocument encodes a document for the store (see putDocument). It
// fails when the document has no ID or a passage ID twice.
func encodeDocument(d *corpus.Document, seed bool, tagger, order string) (*encodedDocument, error) {
	if d.ID == "" {
		return nil, fmt.Errorf("document %q has no ID", d.Title)
	}
	e := &encodedDocument{id: d.ID, order: order, ids: make([]string, len(d.Passages)), passages: make([][]byte, len(d.Passages))}
	seen := make(map[string]bool, len(d.Passages))
	h := sha256.New()
	for i := range d.Passages {
		p := &d.Passages[i]
		if p.DocID == "" {
			p.DocID = d.ID
		}
		if p.Lang == "" {
			p.Lang = d.Lang
		}
		if seen[p.ID] {
			return nil, fmt.Errorf("document %s: passage ID %s is used twice", d.ID, p.ID)
		}
		seen[p.ID] = true
		e.ids[i] = p.ID
		e.passages[i] = encodePassage(p)
		h.Write(e.passages[i])
	}
	rec := &docRecord{Meta: d.Meta, Seed: seed, Passages: len(d.Passages), Tagger: tagger, Order: order, Sections: d.Sections}
	h.Write(encodeDoc(rec))
	rec.Hash = hex.EncodeToString(h.Sum(nil))
	e.hash = rec.Hash
	e.doc = encodeDoc(rec)
	e.head = encodeDocHead(rec)
	return e, nil
}

// put puts an encoded document in the store (see putDocument).
func (e *encodedDocument) put(tx *bolt.Tx) (gone []string, err error) {
	pids := tx.Bucket(bucketPassageIDs)
	prefix := passagePrefix(e.id)
	for _, id := range e.ids {
		if k := pids.Get([]byte(id)); k != nil && !bytes.HasPrefix(k, prefix) {
			return nil, fmt.Errorf("document %s: passage ID %s is already used by %s", e.id, id, k[:bytes.IndexByte(k, 0)])
		}
	}
	if tx.Bucket(bucketDocs).Get([]byte(e.id)) != nil {
		old, err := deleteDocument(tx, e.id)
		if err != nil {
			return nil, err
		}
		seen := make(map[string]bool, len(e.ids))
		for _, id := range e.ids {
			seen[id] = true
		}
		for _, id := range old {
			if !seen[id] {
				gone = append(gone, id)
			}
		}
	}
	passages := tx.Bucket(bucketPassages)
	// A document's passages are put in key order: pages filled to 90%
	// instead of bbolt's half suit that, and halve the store.
	passages.FillPercent = 0.9
	for i, v := range e.passages {
		k := passageKey(e.id, i)
		if err := passages.Put(k, v); err != nil {
			return nil, err
		}
		if err := pids.Put([]byte(e.ids[i]), k); err != nil {
			return nil, err
		}
	}
	if err := tx.Bucket(bucketDocs).Put([]byte(e.id), e.doc); err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketCatalogue).Put([]byte(e.order), []byte(e.id)); err != nil {
		return nil, err
	}
	noteDocHead(tx, e.id, e.head)
	return gone, adjustFingerprint(tx, e.id, e.hash, len(e.passages))
}

// deleteDocument takes a document and its passages out of the store (not
// its edits) and returns its passages' IDs.
func deleteDocument(tx *bolt.Tx, id string) ([]string, error) {
	rec, err := getDocRecord(tx, id, false)
	if err != nil {
		return nil, err
	}
	ids, err := passageIDs(tx, id)
	if err != nil {
		return nil, err
	}
	pids := tx.Bucket(bucketPassageIDs)
	for _, pid := range ids {
		if err := pids.Delete([]byte(pid)); err != nil {
			return nil, err
		}
	}
	prefix := passagePrefix(id)
	c := tx.Bucket(bucketPassages).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return nil, err
		}
	}
	if err := tx.Bucket(bucketCatalogue).Delete([]byte(rec.Order)); err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketDocs).Delete([]byte(id)); err != nil {
		return nil, err
	}
	noteDocHead(tx, id, nil)
	return ids, adjustFingerprint(tx, id, rec.Hash, -rec.Passages)
}
