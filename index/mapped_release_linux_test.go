//go:build linux

package index

import (
	"encoding/binary"
	"fmt"
	"os"
	"testing"
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// residentPages counts the whole pages inside b that are mapped in this
// process, from /proc/self/pagemap, and the whole pages there are.
func residentPages(t *testing.T, b []byte) (resident, pages int) {
	t.Helper()
	pm, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skipf("no pagemap: %v", err)
	}
	defer pm.Close()
	ps := uintptr(os.Getpagesize())
	at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := (at + ps - 1) / ps
	last := (at + uintptr(len(b))) / ps // exclusive
	for p := first; p < last; p++ {
		var e [8]byte
		if _, err := pm.ReadAt(e[:], int64(p*8)); err != nil {
			t.Fatal(err)
		}
		pages++
		if binary.LittleEndian.Uint64(e[:])>>63 == 1 {
			resident++
		}
	}
	return resident, pages
}

// TestListingLetsGoOfTheListsPages lists a store of 3,000 documents and
// checks that none of the document list's whole pages stay mapped in the
// process: a window lists its library when it opens, and would otherwise
// keep them for as long as it is open. Reading the values again maps them
// again, which shows the check can fail.
func TestListingLetsGoOfTheListsPages(t *testing.T) {
	dir := t.TempDir()
	w, err := openDocStore(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	err = w.update(func(tx *bolt.Tx) error {
		for i := 0; i < 3000; i++ {
			id := fmt.Sprintf("a-document-with-a-long-enough-name-%04d", i)
			d := &corpus.Document{Meta: corpus.Meta{ID: id, Title: "Title of " + id, Lang: "en", Source: id + ".html"},
				Passages: []corpus.Passage{{ID: corpus.PassageID(id, "text"), Text: "A passage."}}}
			if _, err := putDocument(tx, d, false, "t", catalogueOrder(id, false, 0)); err != nil {
				return err
			}
		}
		return nil
	})
	w.close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := openDocStore(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	var docs []DocInfo
	if err := s.view(func(tx *bolt.Tx) (err error) { docs, err = listDocs(tx); return err }); err != nil || len(docs) != 3000 {
		t.Fatalf("listed %d documents: %v", len(docs), err)
	}
	s.view(func(tx *bolt.Tx) error {
		total, after, touched, sum := 0, 0, 0, 0
		b := tx.Bucket(bucketDocList)
		b.ForEach(func(_, v []byte) error {
			r, n := residentPages(t, v)
			total += n
			after += r
			return nil
		})
		b.ForEach(func(_, v []byte) error {
			for i := 0; i < len(v); i += 512 {
				sum += int(v[i])
			}
			return nil
		})
		b.ForEach(func(_, v []byte) error {
			r, _ := residentPages(t, v)
			touched += r
			return nil
		})
		if sum < 0 {
			t.Fatal("unreachable: keeps the reads")
		}
		if total < 16 {
			t.Fatalf("the list spans only %d whole pages", total)
		}
		if after != 0 {
			t.Errorf("%d of the list's %d pages still mapped after listing", after, total)
		}
		if touched != total {
			t.Errorf("reading the list again mapped %d of its %d pages", touched, total)
		}
		return nil
	})
}
