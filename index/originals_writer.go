package index

import (
	"fmt"
	"sort"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// originalsBatch is about how many bytes of originals the writer puts in
// one transaction: large enough that an import's originals cost a few
// commits (each two fdatasyncs, on the writer's goroutine: the GIMP
// manual's 18 MB, 18 commits), small enough to hold little memory (with
// 4 MB batches the manual's import peaked a few MB higher than with 1 MB
// ones: the garbage collector's target grows with what is live).
var originalsBatch = 1 << 20

// originalsWriter writes an import's originals into the store, pending,
// on a goroutine of its own while the import reads and indexes: the
// reading goroutines hand it each file's bytes (keep), and it puts them
// in a transaction every originalsBatch bytes. Identical files are
// written once, and not at all when the store has them already.
type originalsWriter struct {
	s   *docStore
	dir string // the library folder
	// reserve is the room the import keeps free on the library's disk
	// for the index (see spaceGuard): the writer fails rather than write
	// into it, since the room originals took stays in the store's file
	// (free for the store's next writes) when they are deleted.
	reserve int64
	queue   chan keptOriginal
	done    chan struct{}

	mu       sync.Mutex
	room     *sync.Cond      // signalled when inflight goes down (on mu)
	inflight int             // bytes handed to the writer and not written yet
	seen     map[string]bool // the hashes handed to the writer so far
	err      error           // the first write that failed
	stopped  bool            // abort was called: write nothing more
	closed   bool            // the queue is closed

	// written and batches count what was written, peak the most bytes
	// held at once, for tests.
	written, batches, peak int
}

// keptOriginal is a file's bytes waiting to be written.
type keptOriginal struct {
	hash string
	data []byte
}

// newOriginalsWriter starts the writer on the store s, open for writing,
// of the library folder dir, keeping reserve bytes free on its disk.
func newOriginalsWriter(s *docStore, dir string, reserve int64) *originalsWriter {
	w := &originalsWriter{s: s, dir: dir, reserve: reserve, queue: make(chan keptOriginal, 64), done: make(chan struct{}), seen: map[string]bool{}}
	w.room = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// keep hands the writer a file's bytes under their hash. It is safe for
// concurrent use. It blocks while the writer holds two batches' bytes not
// written yet, so that a writer slower than the reading (a slow disk,
// large files) holds at most that and a file, not the files read so far.
// (No deadlock: the writer writes a batch as soon as it has one, so two
// batches' bytes mean one is being written or waits in the queue.)
func (w *originalsWriter) keep(hash string, data []byte) {
	w.mu.Lock()
	dup := w.seen[hash] || w.stopped
	w.seen[hash] = true
	for !dup && w.inflight >= 2*originalsBatch && !w.stopped {
		w.room.Wait()
	}
	if !dup {
		w.inflight += len(data)
		w.peak = max(w.peak, w.inflight)
	}
	w.mu.Unlock()
	if !dup {
		w.queue <- keptOriginal{hash, data}
	}
}

// failed returns the error of a write that failed, if one did.
func (w *originalsWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// run writes what keep hands it, a batch at a time, until the queue is
// closed.
func (w *originalsWriter) run() {
	defer close(w.done)
	var batch []keptOriginal
	size := 0
	flush := func() {
		w.mu.Lock()
		skip := w.err != nil || w.stopped
		w.mu.Unlock()
		if !skip && len(batch) > 0 {
			if err := w.write(batch); err != nil {
				w.mu.Lock()
				w.err = err
				w.mu.Unlock()
			}
		}
		clear(batch)
		w.mu.Lock()
		w.inflight -= size
		w.room.Broadcast()
		w.mu.Unlock()
		batch, size = batch[:0], 0
	}
	for o := range w.queue {
		batch = append(batch, o)
		if size += len(o.data); size >= originalsBatch {
			flush()
		}
	}
	flush()
}

// write puts a batch of originals in the store, in one transaction.
func (w *originalsWriter) write(batch []keptOriginal) error {
	// In key order: bbolt inserts a key by moving the keys after it.
	sort.Slice(batch, func(a, b int) bool { return batch[a].hash < batch[b].hash })
	size := int64(0)
	for _, o := range batch {
		size += int64(len(o.data))
	}
	// a page of the store's B+tree for each, and their bytes twice at
	// worst (bbolt writes a transaction's pages before it frees any)
	if need, free := w.reserve+2*size+int64(len(batch))*4096, freeSpace(w.dir); free >= 0 && free < need {
		return fmt.Errorf("the disk of %s is nearly full: %.1f MB free, keeping the copies of the originals needs about %.1f MB", w.dir, float64(free)/(1<<20), float64(need)/(1<<20))
	}
	n := 0
	err := w.s.update(func(tx *bolt.Tx) error {
		n = 0
		for _, o := range batch {
			wrote, err := putOriginal(tx, o.hash, o.data, true)
			if err != nil {
				return err
			}
			if wrote {
				n++
			}
		}
		if importFault != nil {
			return importFault("originals")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("keeping the copies of the originals: %w", err)
	}
	w.mu.Lock()
	w.written += n
	w.batches++
	w.mu.Unlock()
	if originalsCommitted != nil {
		originalsCommitted()
	}
	return nil
}

// originalsCommitted, when set by a test, is called after each batch of
// originals is committed.
var originalsCommitted func()

// finish writes what is left and returns the first error of any write.
// The caller calls it (or abort) once, when no keep can run any more.
func (w *originalsWriter) finish() error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	close(w.queue)
	<-w.done
	return w.failed()
}

// abort stops the writer, writing nothing more, and takes out of the store
// what it wrote (see settlePendingOriginals). What cannot be taken out now
// (the disk is full) is never visible, and is deleted by the next import
// or Open. The caller calls it, after finish or instead, when no keep can
// run any more.
func (w *originalsWriter) abort() {
	w.mu.Lock()
	w.stopped = true
	w.room.Broadcast()
	closed := w.closed
	w.closed = true
	w.mu.Unlock()
	if !closed {
		close(w.queue)
	}
	<-w.done
	w.mu.Lock()
	wrote := w.written > 0
	w.mu.Unlock()
	if wrote {
		w.s.update(settlePendingOriginals)
	}
}
