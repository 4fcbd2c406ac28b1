package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The library keeps a copy of every imported file, its original, in the
// document store: content-addressed, so identical files (the same manual
// imported from two folders) are kept once, and written with the same
// all-or-nothing discipline as the documents. An import writes the
// originals it reads in transactions of their own while it reads, each
// marked pending (bucketOriginalsPending); the transaction that commits
// the import's documents names each document's original and deletes the
// pending marks and every original no document names. An import that
// fails, is cancelled or is killed leaves pending originals no document
// names, which the next import or Open deletes: they are never visible.

// The originals' buckets.
var (
	// bucketOriginals maps an original's SHA-256, in hex (as the
	// document's Checksum says it), to its key in bucketOriginalData.
	bucketOriginals = []byte("originals")
	// bucketOriginalData maps a number, given in the order originals are
	// kept (the bucket's sequence, 8 bytes big-endian), to a file's bytes.
	// Numbered, an import's originals are appended at the end of the
	// B+tree: a transaction rewrites its last page, not pages all over it
	// (with their neighbours' bytes), as keys by hash would.
	bucketOriginalData = []byte("original-data")
	// bucketOriginalOf maps an imported document's ID to its original's
	// hash.
	bucketOriginalOf = []byte("original-of")
	// bucketOriginalUsers holds a key hash, zero byte, document ID for
	// every document whose original that is: an original no key starts
	// with is used by no document.
	bucketOriginalUsers = []byte("original-users")
	// bucketOriginalsPending lists (as keys) the originals an import
	// wrote and has not committed yet.
	bucketOriginalsPending = []byte("originals-pending")
)

// originalBuckets are the buckets openDocStore makes for the originals.
var originalBuckets = [][]byte{bucketOriginals, bucketOriginalData, bucketOriginalOf, bucketOriginalUsers, bucketOriginalsPending}

// Original is the copy the library keeps of an imported file.
type Original struct {
	// Name is the file's name when it was imported (the document's
	// Source), such as "report.pdf".
	Name string
	// Data are the file's bytes.
	Data []byte
}

// OriginalSource is implemented by the libraries that keep a copy of
// every imported file (Local does): Original returns an imported
// document's, or an error wrapping ErrNotFound when there is no such
// document or it is a seed (which has no file).
type OriginalSource interface {
	Original(id string) (*Original, error)
}

// SeedOriginalError is the error of asking for the original of a seed,
// which was not imported from a file; it wraps ErrSeed and ErrNotFound.
type SeedOriginalError struct{ ID string }

func (e SeedOriginalError) Error() string {
	return fmt.Sprintf("document %q is %s: it was not imported from a file", e.ID, ErrSeed)
}

// Is makes the error ErrSeed and ErrNotFound.
func (e SeedOriginalError) Is(target error) bool { return target == ErrSeed || target == ErrNotFound }

// Original returns the copy of the file an imported document was read
// from, as it was imported.
func (l *Local) Original(id string) (*Original, error) {
	var o *Original
	err := l.read(func(tx *bolt.Tx) error {
		rec, err := getDocRecord(tx, id, false)
		if err != nil {
			return err
		}
		if rec.Seed {
			return SeedOriginalError{id}
		}
		data, err := getOriginal(tx, id)
		if errors.Is(err, ErrNotFound) {
			// a copy not moved into the store yet (convert_originals.go)
			if b, ferr := oldOriginal(l.dir, id); ferr == nil {
				data, err = b, nil
			}
		}
		if err != nil {
			return err
		}
		o = &Original{Name: rec.Source, Data: data}
		return nil
	})
	return o, err
}

// getOriginal reads a copy of the original of the imported document id.
func getOriginal(tx *bolt.Tx, id string) ([]byte, error) {
	of := tx.Bucket(bucketOriginalOf)
	var hash []byte
	if of != nil {
		hash = of.Get([]byte(id))
	}
	if hash == nil {
		return nil, fmt.Errorf("the original of document %q: %w", id, ErrNotFound)
	}
	data := originalData(tx, string(hash))
	if data == nil {
		return nil, fmt.Errorf("the original of document %q is missing from the library's store: %w", id, ErrNotFound)
	}
	return append([]byte(nil), data...), nil
}

// originalData returns the bytes of the original hash, or nil.
func originalData(tx *bolt.Tx, hash string) []byte {
	k := tx.Bucket(bucketOriginals).Get([]byte(hash))
	if k == nil {
		return nil
	}
	return tx.Bucket(bucketOriginalData).Get(k)
}

// originalHash is the key of an original: the hex SHA-256 of its bytes.
func originalHash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// originalUser is the key in bucketOriginalUsers saying that document id
// uses the original hash.
func originalUser(hash, id string) []byte {
	k := make([]byte, 0, len(hash)+1+len(id))
	k = append(k, hash...)
	k = append(k, 0)
	return append(k, id...)
}

// putOriginal keeps data as an original, unless the store has it already.
// pending marks it as an import's not committed yet. It reports whether
// it wrote the bytes.
func putOriginal(tx *bolt.Tx, hash string, data []byte, pending bool) (bool, error) {
	b := tx.Bucket(bucketOriginals)
	if b.Get([]byte(hash)) != nil {
		return false, nil
	}
	d := tx.Bucket(bucketOriginalData)
	seq, err := d.NextSequence()
	if err != nil {
		return false, err
	}
	k := binary.BigEndian.AppendUint64(nil, seq)
	// appended: the pages filled whole, not halved for later inserts
	d.FillPercent = 1
	if err := d.Put(k, data); err != nil {
		return false, err
	}
	if err := b.Put([]byte(hash), k); err != nil {
		return false, err
	}
	if pending {
		return true, tx.Bucket(bucketOriginalsPending).Put([]byte(hash), nil)
	}
	return true, nil
}

// nameOriginal makes hash document id's original, and returns the hash of
// the original it had before (empty if none or the same), which may now be
// unused (see dropUnusedOriginals).
func nameOriginal(tx *bolt.Tx, id, hash string) (old string, err error) {
	of := tx.Bucket(bucketOriginalOf)
	if prev := of.Get([]byte(id)); prev != nil {
		if string(prev) == hash {
			return "", nil
		}
		old = string(prev)
		if err := tx.Bucket(bucketOriginalUsers).Delete(originalUser(old, id)); err != nil {
			return "", err
		}
	}
	if err := of.Put([]byte(id), []byte(hash)); err != nil {
		return "", err
	}
	return old, tx.Bucket(bucketOriginalUsers).Put(originalUser(hash, id), nil)
}

// unnameOriginal takes the removed document id's original from it, and
// deletes the original if no other document uses it.
func unnameOriginal(tx *bolt.Tx, id string) error {
	of := tx.Bucket(bucketOriginalOf)
	if of == nil {
		return nil
	}
	prev := of.Get([]byte(id))
	if prev == nil {
		return nil
	}
	hash := string(prev)
	if err := of.Delete([]byte(id)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketOriginalUsers).Delete(originalUser(hash, id)); err != nil {
		return err
	}
	return dropUnusedOriginals(tx, []string{hash})
}

// originalUsed reports whether a document uses the original hash.
func originalUsed(tx *bolt.Tx, hash string) bool {
	prefix := originalUser(hash, "")
	k, _ := tx.Bucket(bucketOriginalUsers).Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// dropUnusedOriginals deletes those of the originals hashes that no
// document uses.
func dropUnusedOriginals(tx *bolt.Tx, hashes []string) error {
	b := tx.Bucket(bucketOriginals)
	for _, h := range hashes {
		if h == "" || originalUsed(tx, h) {
			continue
		}
		k := b.Get([]byte(h))
		if k == nil {
			continue
		}
		if err := tx.Bucket(bucketOriginalData).Delete(k); err != nil {
			return err
		}
		if err := b.Delete([]byte(h)); err != nil {
			return err
		}
	}
	return nil
}

// hasPendingOriginals reports whether an import left originals it never
// committed (it failed, or was killed).
func hasPendingOriginals(tx *bolt.Tx) bool {
	b := tx.Bucket(bucketOriginalsPending)
	if b == nil {
		return false
	}
	k, _ := b.Cursor().First()
	return k != nil
}

// settlePendingOriginals clears the pending marks, deleting the originals
// they mark that no document uses: in the commit of the import that wrote
// them, or after an import that failed or was killed.
func settlePendingOriginals(tx *bolt.Tx) error {
	b := tx.Bucket(bucketOriginalsPending)
	var hashes []string
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		hashes = append(hashes, string(k))
	}
	if err := dropUnusedOriginals(tx, hashes); err != nil {
		return err
	}
	for _, h := range hashes {
		if err := b.Delete([]byte(h)); err != nil {
			return err
		}
	}
	return nil
}
