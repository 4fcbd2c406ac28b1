package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// storeFile is the library's document store in the library folder: a bbolt
// database (the same embedded B+tree store Bleve keeps its own root in)
// holding every document's details, its passages in order, the user's
// edits and the copies of the imported files (originals.go), each read on
// its own without reading the rest. One write
// transaction is all or nothing, and survives a crash whole or not at all.
const storeFile = "library.db"

// The store's buckets.
var (
	// bucketMeta holds the store's own records (the meta* keys).
	bucketMeta = []byte("meta")
	// bucketDocs maps a document ID to its record (encodeDoc).
	bucketDocs = []byte("docs")
	// bucketCatalogue maps a document's Order to its ID: the documents in
	// the order Documents lists them.
	bucketCatalogue = []byte("catalogue")
	// bucketPassages maps passageKey(document ID, position) to a passage's
	// record (encodePassage): a document's passages are next to each
	// other, in reading order.
	bucketPassages = []byte("passages")
	// bucketPassageIDs maps a passage ID to its key in bucketPassages.
	bucketPassageIDs = []byte("passage-ids")
	// bucketEdits maps an imported document's ID to the fields the user
	// edited (DocEdit as JSON), kept when the file is imported again.
	bucketEdits = []byte("edits")
)

// The records of bucketMeta.
var (
	metaSchema      = []byte("schema")      // storeSchema, as text
	metaFingerprint = []byte("fingerprint") // the XOR of the documents' fingerprint terms (32 bytes)
	metaPassages    = []byte("passages")    // the number of passages, as text
	metaSeeds       = []byte("seeds")       // the seed cache's key (seedKey)
	metaStats       = []byte("stats")       // the seeds' term statistics, as JSON
	metaTagger      = []byte("tagger")      // the tagging version the documents are tagged with
	metaJournal     = []byte("journal")     // an earlier Attaché's import's file moves still to do (importTx as JSON)
)

// storeSchema is the version of the store's layout.
const storeSchema = "1"

// writeMmapSize is how much address space the store maps when open for
// writing (not memory: only the pages read are resident). bbolt maps
// the file anew each time a commit grows it past the mapping, copying
// every key and value the transaction holds (1,370 documents: 113 MB
// copied, 4×: several times that); a mapping this large is not remapped
// before the file reaches it.
const writeMmapSize = 1 << (20 + 10*(strconv.IntSize/64)) // 1 GiB (1 MiB on 32-bit systems)

// docStore is the library's document store, open read-only (shared with
// other processes reading it) or for writing (alone).
type docStore struct {
	db       *bolt.DB
	readOnly bool
}

// openDocStore opens the store in the library folder dir, creating it when
// it is missing and readOnly is false. It waits at most lockTimeout for
// another process's lock, then fails with an error wrapping ErrInUse.
func openDocStore(dir string, readOnly bool) (*docStore, error) {
	path := filepath.Join(dir, storeFile)
	timeout, _ := time.ParseDuration(lockTimeout)
	opt := &bolt.Options{
		Timeout:      timeout,
		ReadOnly:     readOnly,
		FreelistType: bolt.FreelistMapType,
	}
	if !readOnly {
		opt.InitialMmapSize = writeMmapSize
	}
	db, err := bolt.Open(path, 0o644, opt)
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, inUseError{dir}
		}
		return nil, fmt.Errorf("opening the document store %s: %v", path, oneLine(err))
	}
	s := &docStore{db: db, readOnly: readOnly}
	if !readOnly {
		err := db.Update(func(tx *bolt.Tx) error {
			for _, b := range append([][]byte{bucketMeta, bucketDocs, bucketCatalogue, bucketPassages, bucketPassageIDs, bucketEdits}, originalBuckets...) {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			meta := tx.Bucket(bucketMeta)
			if k, _ := tx.Bucket(bucketDocs).Cursor().First(); k == nil && meta.Get(metaDocList) == nil {
				// no documents: the empty document list is complete
				if _, err := tx.CreateBucketIfNotExists(bucketDocList); err != nil {
					return err
				}
				if err := meta.Put(metaDocList, fingerprintBytes(meta)); err != nil {
					return err
				}
			}
			if v := meta.Get(metaSchema); v == nil {
				return meta.Put(metaSchema, []byte(storeSchema))
			}
			return nil
		})
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("opening the document store %s: %v", path, oneLine(err))
		}
	}
	if err := s.checkSchema(); err != nil {
		db.Close()
		return nil, err
	}
	if !readOnly {
		if err := s.repairDocList(); err != nil {
			db.Close()
			return nil, fmt.Errorf("opening the document store %s: %v", path, oneLine(err))
		}
	}
	return s, nil
}

// checkSchema refuses a store of a layout this code does not know (made
// by a newer Attaché).
func (s *docStore) checkSchema() error {
	return s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("the document store %s is not an Attaché library", s.db.Path())
		}
		if v := string(meta.Get(metaSchema)); v != storeSchema {
			return fmt.Errorf("the document store %s has layout %q, this Attaché reads %q: use a newer Attaché", s.db.Path(), v, storeSchema)
		}
		return nil
	})
}

// storeExists reports whether the library folder dir has a store.
func storeExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, storeFile))
	return err == nil
}

// view runs f in a read transaction.
func (s *docStore) view(f func(tx *bolt.Tx) error) error { return s.db.View(f) }

// update runs f in a write transaction, all or nothing.
// It keeps the store's document list up to date (doc_list.go).
func (s *docStore) update(f func(tx *bolt.Tx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		e := beginDocListEdit(tx)
		defer endDocListEdit(tx)
		if err := f(tx); err != nil {
			return err
		}
		return e.flush(tx)
	})
}

// close closes the store.
func (s *docStore) close() error { return s.db.Close() }
