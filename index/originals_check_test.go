package index

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// checkOriginals fails unless every imported document of l names an
// original the store holds, whose SHA-256 is its key; every original is
// used by a document and none is pending; and the library folder has no
// copies of originals as files nor staging folders.
func checkOriginals(t *testing.T, l *Local) {
	t.Helper()
	l.read(func(tx *bolt.Tx) error {
		originals := tx.Bucket(bucketOriginals)
		used := map[string]bool{}
		forEachDocRecord(tx, func(rec *docRecord) error {
			if rec.Seed {
				return nil
			}
			hash := tx.Bucket(bucketOriginalOf).Get([]byte(rec.ID))
			if hash == nil {
				t.Errorf("document %s names no original", rec.ID)
				return nil
			}
			data := originalData(tx, string(hash))
			if data == nil {
				t.Errorf("document %s's original %s is not in the store", rec.ID, hash)
			} else if originalHash(data) != string(hash) {
				t.Errorf("document %s's original is stored under %s, its bytes hash to %s", rec.ID, hash, originalHash(data))
			}
			if tx.Bucket(bucketOriginalUsers).Get(originalUser(string(hash), rec.ID)) == nil {
				t.Errorf("document %s is not listed as its original's user", rec.ID)
			}
			used[string(hash)] = true
			return nil
		})
		data := map[string]bool{}
		originals.ForEach(func(k, v []byte) error {
			if !used[string(k)] {
				t.Errorf("original %s is kept but no document uses it", k)
			}
			data[string(v)] = true
			return nil
		})
		tx.Bucket(bucketOriginalData).ForEach(func(k, _ []byte) error {
			if !data[string(k)] {
				t.Errorf("the bytes of an original (key %x) are kept but no hash names them", k)
			}
			return nil
		})
		tx.Bucket(bucketOriginalUsers).ForEach(func(k, _ []byte) error {
			hash, id, _ := bytes.Cut(k, []byte{0})
			if got := tx.Bucket(bucketOriginalOf).Get(id); string(got) != string(hash) {
				t.Errorf("original %s lists user %s, whose original is %q", hash, id, got)
			}
			return nil
		})
		if hasPendingOriginals(tx) {
			t.Errorf("pending originals left in the store")
		}
		return nil
	})
	if hasOldOriginals(l.Dir()) {
		t.Errorf("copies of originals left as files in %s", originalsDir)
	}
	entries, _ := os.ReadDir(l.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagingPrefix) {
			t.Errorf("staging folder left: %s", filepath.Join(l.Dir(), e.Name()))
		}
	}
}

// countOriginals is the number of originals l's store keeps.
func countOriginals(t *testing.T, l *Local) int {
	t.Helper()
	n := 0
	l.read(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketOriginals).Stats().KeyN
		return nil
	})
	return n
}
