package index

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestOriginalsWriterHoldsLittle hands the writer files from several
// goroutines at once, larger and smaller than its batches: every distinct
// one is written once, pending, and the writer never holds more than two
// batches' bytes and a file.
func TestOriginalsWriterHoldsLittle(t *testing.T) {
	defer func(n int) { originalsBatch = n }(originalsBatch)
	originalsBatch = 3000
	s, err := openDocStore(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	w := newOriginalsWriter(s, t.TempDir(), 0)
	var wg sync.WaitGroup
	largest := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				k := (g*25 + i) % 60 // 40 of the 100 are copies
				data := []byte(strings.Repeat(fmt.Sprintf("file %d ", k), 100+k*60))
				w.keep(originalHash(data), data)
			}
		}(g)
	}
	for k := 0; k < 60; k++ {
		largest = max(largest, len(strings.Repeat(fmt.Sprintf("file %d ", k), 100+k*60)))
	}
	wg.Wait()
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	if w.written != 60 {
		t.Errorf("%d originals written, 60 distinct", w.written)
	}
	if w.batches < 10 {
		t.Errorf("%d transactions for %d bytes in batches of %d", w.batches, 60*largest/2, originalsBatch)
	}
	if limit := 2*originalsBatch + largest; w.peak > limit {
		t.Errorf("the writer held %d bytes at once, more than two batches and a file (%d)", w.peak, limit)
	}
	s.view(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketOriginals).Stats().KeyN; n != 60 {
			t.Errorf("%d originals in the store", n)
		}
		if n := tx.Bucket(bucketOriginalsPending).Stats().KeyN; n != 60 {
			t.Errorf("%d originals pending", n)
		}
		return nil
	})
}
