package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolterrors "go.etcd.io/bbolt/errors"

	"attache/index/corpus"
)

// indexDir is the Bleve index's folder inside the library folder.
const indexDir = "index.bleve"

// buildPrefix starts the names of the temporary folders indexes are built
// in before they are renamed into place.
const buildPrefix = ".index-build-"

// lockTimeout is how long Open waits for another process to release the
// index before saying the library is in use.
const lockTimeout = "1s"

// openIndex opens the library's index, building it first when it is
// missing, stale or damaged. l.store must hold the documents.
//
// The index is only ever written while it is built, in a folder of its own,
// so it is opened read-only: several processes (the window and the command
// line) can search it at once, each holding bbolt's shared lock. Replacing
// it takes the exclusive lock first, so a process that must rebuild an
// index another process is reading says the library is in use.
func (l *Local) openIndex() (bleve.Index, error) {
	fp, err := l.store.fingerprint()
	if err != nil {
		return nil, err
	}
	want := stamp{Mapping: MappingVersion, Corpus: fp, Passages: l.store.count()}
	path := filepath.Join(l.dir, indexDir)
	l.removeStaleBuilds()

	have, stampErr := readStamp(l.dir)
	_, statErr := os.Stat(path)
	var reason string
	switch {
	case errors.Is(statErr, os.ErrNotExist):
		l.notice(fmt.Sprintf("building the search index in %s", l.dir))
	case stampErr != nil:
		reason = "its version stamp is unreadable"
	case have == nil:
		reason = "it has no version stamp"
	case have.Mapping != want.Mapping:
		reason = "the index format changed"
	case have.Updating:
		reason = "a change to it was interrupted"
	case have.Corpus != want.Corpus || have.Passages != want.Passages:
		reason = "the library's documents changed"
	default:
		idx, err := openBleve(path, true)
		if err == nil {
			n, cerr := docCount(idx)
			if cerr == nil && n == uint64(want.Passages) {
				l.indexed = want.Corpus
				return idx, nil
			}
			idx.Close()
			if cerr != nil {
				reason = fmt.Sprintf("it could not be read (%v)", oneLine(cerr))
			} else {
				reason = fmt.Sprintf("it holds %d passages instead of %d", n, want.Passages)
			}
		} else if isLocked(err) {
			return nil, inUseError{l.dir}
		} else {
			reason = fmt.Sprintf("it could not be read (%v)", oneLine(err))
		}
	}
	if reason != "" {
		if err := l.checkNotInUse(path); err != nil {
			return nil, err
		}
		l.notice("rebuilding the index: " + reason)
	}
	if err := l.build(path, want); err != nil {
		return nil, fmt.Errorf("building the index in %s: %w", l.dir, err)
	}
	l.indexed = want.Corpus
	idx, err := openBleve(path, true)
	if err != nil {
		if isLocked(err) {
			return nil, inUseError{l.dir}
		}
		return nil, fmt.Errorf("opening the index just built in %s: %v", l.dir, oneLine(err))
	}
	return idx, nil
}

// checkNotInUse fails with an error wrapping ErrInUse when another process
// has the index at path open. A damaged index is not in use.
func (l *Local) checkNotInUse(path string) error {
	if _, err := os.Stat(filepath.Join(path, "store", "root.bolt")); err != nil {
		return nil
	}
	idx, err := openBleve(path, false)
	if err == nil {
		idx.Close()
	} else if isLocked(err) {
		return inUseError{l.dir}
	}
	return nil
}

// update brings the index up to date after documents were added to,
// replaced in or removed from the store: it deletes the passages that are
// gone (the IDs in gone that no document of docs has any more) and indexes
// every passage of docs, in place, then writes the stamp. When the index
// on disk is not the one l last opened or updated, or the change fails, it
// rebuilds the whole index instead (reindex). The caller holds l.mu for
// writing.
//
// A process killed during the change leaves the stamp saying Updating, so
// the next Open rebuilds the index from the documents on disk.
func (l *Local) update(gone []string, docs []*corpus.Document) error {
	want, path, err := l.release()
	if err != nil {
		return err
	}
	err = l.patch(path, want, gone, docs)
	if errors.Is(err, ErrInUse) {
		idx, oerr := openBleve(path, true)
		if oerr != nil {
			return fmt.Errorf("reopening the index in %s: %v", l.dir, oneLine(oerr))
		}
		l.idx = idx
		return err
	}
	if err != nil {
		l.notice("rebuilding the index: " + oneLine(err))
		return l.reindex()
	}
	idx, err := openBleve(path, true)
	if err != nil {
		l.notice(fmt.Sprintf("rebuilding the index: it could not be read after the change (%v)", oneLine(err)))
		return l.reindex()
	}
	l.idx = idx
	return nil
}

// release readies l for rewriting its index: it returns the stamp the
// index must carry for the documents in the store now, and the index's
// path, and closes l's reader of it, which the caller reopens.
func (l *Local) release() (stamp, string, error) {
	fp, err := l.store.fingerprint()
	if err != nil {
		return stamp{}, "", err
	}
	if l.idx != nil {
		l.idx.Close()
		l.idx = nil
	}
	return stamp{Mapping: MappingVersion, Corpus: fp, Passages: l.store.count()}, filepath.Join(l.dir, indexDir), nil
}

// patch changes the index at path in place (see update) and stamps it
// with st.
func (l *Local) patch(path string, st stamp, gone []string, docs []*corpus.Document) error {
	have, err := readStamp(l.dir)
	switch {
	case err != nil || have == nil || have.Updating || have.Mapping != MappingVersion:
		return errors.New("its version stamp does not say what it holds")
	case have.Corpus != l.indexed:
		return errors.New("another process changed it")
	}
	idx, err := openBleve(path, false)
	if err != nil {
		if isLocked(err) {
			return inUseError{l.dir}
		}
		return fmt.Errorf("it could not be opened for writing (%v)", oneLine(err))
	}
	have.Updating = true
	if err := writeStamp(l.dir, *have); err != nil {
		idx.Close()
		return err
	}
	l.indexed = ""
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
	err = changeDocuments(idx, del, docs)
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("changing it failed (%v)", oneLine(err))
	}
	if err := writeStamp(l.dir, st); err != nil {
		return err
	}
	l.indexed = st.Corpus
	return nil
}

// reindex rebuilds the whole index from the documents in memory and
// reopens it: update's fallback when the index cannot be changed in place.
// The caller holds l.mu for writing.
func (l *Local) reindex() error {
	want, path, err := l.release()
	if err != nil {
		return err
	}
	err = l.checkNotInUse(path)
	if err == nil {
		err = l.build(path, want)
	}
	idx, oerr := openBleve(path, true)
	if oerr != nil {
		return fmt.Errorf("reopening the index in %s: %v", l.dir, oneLine(oerr))
	}
	l.idx = idx
	return err
}

// build indexes every document of the store into a temporary folder, then
// puts it in place of the index at path and writes the stamp. An interrupted
// build leaves the old index (or none) in place.
func (l *Local) build(path string, st stamp) error {
	l.indexed = ""
	tmp, err := os.MkdirTemp(l.dir, buildPrefix+"*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fresh := filepath.Join(tmp, indexDir)
	if err := buildIndex(fresh, l.store.docs); err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		if err := os.Rename(path, filepath.Join(tmp, "old.bleve")); err != nil {
			return err
		}
	}
	if err := os.Rename(fresh, path); err != nil {
		return err
	}
	syncDir(l.dir)
	if err := writeStamp(l.dir, st); err != nil {
		return err
	}
	l.indexed = st.Corpus
	return nil
}

// buildIndex creates a new index at path holding every passage of docs.
func buildIndex(path string, docs []*corpus.Document) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.New(path, m)
	if err != nil {
		return err
	}
	if err := indexDocuments(idx, docs); err != nil {
		idx.Close()
		return err
	}
	return idx.Close()
}

// openBleve opens an existing index, read-only (with a lock shared with
// other readers) or for writing (with an exclusive lock), waiting at most
// lockTimeout for the lock. A panic inside Bleve on a damaged index is
// returned as an error.
func openBleve(path string, readOnly bool) (idx bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("damaged index: %v", r)
		}
	}()
	return bleve.OpenUsing(path, map[string]interface{}{
		"bolt_timeout": lockTimeout,
		"read_only":    readOnly,
	})
}

// docCount counts the index's documents, turning a panic into an error.
func docCount(idx bleve.Index) (n uint64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("damaged index: %v", r)
		}
	}()
	return idx.DocCount()
}

// isLocked reports whether err says that another process holds the index.
func isLocked(err error) bool {
	return errors.Is(err, bolterrors.ErrTimeout)
}

// removeStaleBuilds deletes the temporary folders of builds that were
// interrupted more than an hour ago (a younger one may be another process's
// build in progress).
func (l *Local) removeStaleBuilds() {
	entries, err := os.ReadDir(l.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), buildPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(l.dir, e.Name()))
		}
	}
}

// oneLine flattens an error message to one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
