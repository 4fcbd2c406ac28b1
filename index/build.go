package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
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
// missing, stale or damaged. l.store must be open.
//
// The index is opened read-only while nothing changes the library, so
// several processes (the window and the command line) can search it at
// once, each holding bbolt's shared lock. Changing or replacing it takes
// the exclusive lock first, so a process that must rebuild an index
// another process is reading says the library is in use.
func (l *Local) openIndex() (bleve.Index, error) {
	want := l.wantStamp()
	path := filepath.Join(l.dir, indexDir)
	l.removeStaleBuilds()

	have, stampErr := readStamp(l.dir)
	_, statErr := os.Stat(path)
	var reason string
	switch {
	case errors.Is(statErr, os.ErrNotExist):
		if !l.converted {
			l.notice(fmt.Sprintf("building the search index in %s", l.dir))
		}
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
		if !l.converted {
			l.notice("rebuilding the index: " + reason)
		}
	}
	if err := l.build(path, want); err != nil {
		return nil, fmt.Errorf("building the index in %s: %w", l.dir, err)
	}
	idx, err := openBleve(path, true)
	if err != nil {
		if isLocked(err) {
			return nil, inUseError{l.dir}
		}
		return nil, fmt.Errorf("opening the index just built in %s: %v", l.dir, oneLine(err))
	}
	return idx, nil
}

// wantStamp is the stamp an index holding the store's documents carries.
func (l *Local) wantStamp() stamp {
	var fp string
	var n int
	l.store.view(func(tx *bolt.Tx) error {
		fp, n = storeFingerprint(tx)
		return nil
	})
	return stamp{Mapping: MappingVersion, Corpus: fp, Passages: n}
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

// build indexes every passage of the store into a temporary folder, then
// puts it in place of the index at path and writes the stamp. An
// interrupted build leaves the old index (or none) in place.
func (l *Local) build(path string, st stamp) error {
	tmp, err := os.MkdirTemp(l.dir, buildPrefix+"*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fresh := filepath.Join(tmp, indexDir)
	if err := buildIndex(fresh, l.store); err != nil {
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
	return writeStamp(l.dir, st)
}

// buildIndex creates a new index at path holding every passage of the
// store.
func buildIndex(path string, s *docStore) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, writeConfig())
	if err != nil {
		return err
	}
	in := newIndexer(idx)
	added := 0
	err = s.view(func(tx *bolt.Tx) error {
		return forEachDocHead(tx, func(rec *docRecord) error {
			d, _, err := getDocument(tx, rec.ID)
			if err != nil {
				return err
			}
			n, err := in.add(context.Background(), d)
			added += n
			return err
		})
	})
	if ferr := in.finish(); err == nil {
		err = ferr
	}
	if err == nil {
		// A merge that fails leaves the index whole, in its segments.
		if worthMerging(idx, added) {
			mergeSegments(context.Background(), idx)
		}
	}
	if err == nil {
		// The index's mapping, set when it was created, is a batch too:
		// an empty library sends no other.
		err = persisted(idx)
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	return err
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
	config := map[string]interface{}{"unsafe_batch": false}
	if !readOnly {
		config = writeConfig()
	}
	config["bolt_timeout"] = lockTimeout
	config["read_only"] = readOnly
	return bleve.OpenUsing(path, config)
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
