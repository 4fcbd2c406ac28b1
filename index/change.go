package index

import (
	"context"
	"fmt"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// A change to the library's documents (an import, an edit, a removal) runs
// alone: one at a time in this process (Local.writeMu) and between
// processes (the library folder's write lock, which Open also waits on),
// with the store and the index open for writing, which fails with an error
// wrapping ErrInUse while another process has the library open.
//
// The index is changed in place under a stamp saying Updating; the store
// is changed in one transaction, the commit point. A process killed before
// the commit leaves the store as it was and the stamp saying Updating, so
// the next Open rebuilds the index from the store; a change that fails or
// is cancelled is undone in the index too.

// changeSession is a change in progress.
type changeSession struct {
	l    *Local
	lock *writeLock
	path string // the index's folder
}

// beginChange starts a change: it waits for other changes, opens the store
// and the index for writing, makes sure the index holds what the store
// does (rebuilding it if not) and stamps it Updating.
func (l *Local) beginChange(ctx context.Context) (*changeSession, error) {
	l.writeMu.Lock()
	l.mu.RLock()
	closed := l.closed
	l.mu.RUnlock()
	if closed {
		l.writeMu.Unlock()
		return nil, ErrClosed
	}
	lk, err := lockLibrary(ctx, l.dir, true, l.notice)
	if err != nil {
		l.writeMu.Unlock()
		return nil, err
	}
	c := &changeSession{l: l, lock: lk, path: filepath.Join(l.dir, indexDir)}
	l.mu.Lock()
	err = l.openForWriting()
	if err == nil {
		err = l.indexMatchesStore()
	}
	if err == nil {
		st := l.wantStamp()
		st.Updating = true
		err = writeStamp(l.dir, st)
	}
	l.mu.Unlock()
	if err != nil {
		c.end()
		return nil, err
	}
	return c, nil
}

// openForWriting closes l's readers and opens the store and the index for
// writing. The caller holds l.mu.
func (l *Local) openForWriting() error {
	l.closeReaders()
	s, err := openDocStore(l.dir, false)
	if err != nil {
		return err
	}
	idx, err := openBleve(filepath.Join(l.dir, indexDir), false)
	if err != nil {
		if isLocked(err) {
			s.close()
			return inUseError{l.dir}
		}
		idx = nil // damaged: rebuilt by indexMatchesStore
	}
	l.store, l.idx = s, idx
	return nil
}

// indexMatchesStore rebuilds the index when its stamp does not say it
// holds the store's documents. The caller holds l.mu, with the index open
// for writing.
func (l *Local) indexMatchesStore() error {
	want := l.wantStamp()
	have, err := readStamp(l.dir)
	if l.idx != nil && err == nil && have != nil && !have.Updating && have.Mapping == want.Mapping &&
		have.Corpus == want.Corpus && have.Passages == want.Passages {
		return nil
	}
	return l.rebuildForWriting("the library's documents changed")
}

// rebuildForWriting rebuilds the index from the store and reopens it for
// writing. The caller holds l.mu, with the store open for writing.
func (l *Local) rebuildForWriting(reason string) error {
	l.notice("rebuilding the index: " + reason)
	if l.idx != nil {
		l.idx.Close()
		l.idx = nil
	}
	path := filepath.Join(l.dir, indexDir)
	if err := l.build(path, l.wantStamp()); err != nil {
		return fmt.Errorf("rebuilding the index in %s: %v", l.dir, oneLine(err))
	}
	idx, err := openBleve(path, false)
	if err != nil {
		return fmt.Errorf("opening the index just built in %s: %v", l.dir, oneLine(err))
	}
	l.idx = idx
	return nil
}

// closeReaders closes l's index and store. The caller holds l.mu.
func (l *Local) closeReaders() {
	if l.idx != nil {
		l.idx.Close()
		l.idx = nil
	}
	if l.store != nil {
		l.store.close()
		l.store = nil
	}
}

// committed stamps the index as holding the store's documents, once the
// index has been changed and the store's transaction committed. When the
// stamp cannot be written, the next Open rebuilds the index.
func (c *changeSession) committed() error {
	return writeStamp(c.l.dir, c.l.wantStamp())
}

// undo takes a change out of the index after the store's transaction
// failed or was never run: it deletes the passages the change indexed
// (added) and indexes again the documents it replaced (restore), read from
// the store, then stamps the index as it was. When that fails too, it
// rebuilds the index from the store. It returns what could not be undone.
func (c *changeSession) undo(added []string, restore []string) error {
	l := c.l
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.idx == nil {
		return l.rebuildForWriting("a change to it failed")
	}
	var docs []*corpus.Document
	keep := map[string]bool{}
	err := l.store.view(func(tx *bolt.Tx) error {
		for _, id := range restore {
			d, _, err := getDocument(tx, id)
			if err != nil {
				continue // not in the store: nothing to restore
			}
			docs = append(docs, d)
			for i := range d.Passages {
				keep[d.Passages[i].ID] = true
			}
		}
		return nil
	})
	var del []string
	for _, id := range added {
		if !keep[id] {
			del = append(del, id)
		}
	}
	if err == nil {
		err = changeDocuments(l.idx, del, docs)
	}
	if err == nil {
		if n, cerr := docCount(l.idx); cerr != nil || n != uint64(l.wantStamp().Passages) {
			err = fmt.Errorf("the index holds %d passages after undoing the change", n)
		}
	}
	if err == nil {
		err = c.committed()
	}
	if err != nil {
		return l.rebuildForWriting("undoing a change to it failed (" + oneLine(err) + ")")
	}
	return nil
}

// end closes the store and the index for writing, reopens them read-only
// and lets other changes run.
func (c *changeSession) end() {
	l := c.l
	l.mu.Lock()
	l.closeReaders()
	if !l.closed {
		if s, err := openDocStore(l.dir, true); err == nil {
			l.store = s
		} else {
			l.notice("reopening the library: " + oneLine(err))
		}
		if idx, err := openBleve(c.path, true); err == nil {
			l.idx = idx
		} else {
			l.notice("reopening the index: " + oneLine(err))
		}
	}
	l.mu.Unlock()
	c.lock.unlock()
	l.writeMu.Unlock()
}

// change runs a quick change (an edit, a removal): f changes the store in
// one transaction and returns the passages to take out of the index and
// the documents to index; then the index is changed in place, or rebuilt
// if that fails. Searches wait for it.
func (l *Local) change(f func(tx *bolt.Tx) (gone []string, docs []*corpus.Document, err error)) error {
	c, err := l.beginChange(context.Background())
	if err != nil {
		return err
	}
	defer c.end()
	l.mu.Lock()
	defer l.mu.Unlock()
	var gone []string
	var docs []*corpus.Document
	err = l.store.update(func(tx *bolt.Tx) error {
		var err error
		gone, docs, err = f(tx)
		return err
	})
	if err != nil {
		if serr := c.committed(); serr != nil {
			l.notice("the index will be rebuilt at the next start: " + oneLine(serr))
		}
		return err
	}
	keep := map[string]bool{}
	for _, d := range docs {
		for i := range d.Passages {
			keep[d.Passages[i].ID] = true
		}
	}
	var del []string
	for _, id := range gone {
		if !keep[id] {
			del = append(del, id)
		}
	}
	if err := changeDocuments(l.idx, del, docs); err != nil {
		return l.rebuildForWriting("changing it failed (" + oneLine(err) + ")")
	}
	return c.committed()
}
