package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
	"attache/index/themes"
)

// ErrNotFound is wrapped by the errors of lookups that find nothing.
var ErrNotFound = errors.New("not found")

// ErrInUse is wrapped by the error of Open when another process holds the
// library's index.
var ErrInUse = errors.New("library in use")

// ErrClosed is returned by a Local used after Close.
var ErrClosed = errors.New("the library is closed")

// inUseError says which library folder is in use.
type inUseError struct{ dir string }

func (e inUseError) Error() string {
	return fmt.Sprintf("library %s is in use by another Attaché process", e.dir)
}

func (e inUseError) Is(target error) bool { return target == ErrInUse }

// Config says which library to open.
type Config struct {
	// Dir is the library folder; empty means DefaultDir().
	Dir string
	// Seeds holds the default library (seeds.FS): the raw texts and their
	// catalogue, parsed and tagged once and kept in the store. Nil opens a
	// library without seeds.
	Seeds fs.FS
	// Notice, if not nil, receives one-line notices such as "rebuilding the
	// index: …", to show the user.
	Notice func(string)
	// Expander expands query words into the other languages unless a Query
	// asks for SameLanguage. Nil means the bilingual glossary of package
	// themes; NoExpansion turns expansion off.
	Expander    Expander
	NoExpansion bool
}

// Local is a library kept in a folder on disk: its documents in a bbolt
// store at Dir/library.db and their passages in a Bleve index at
// Dir/index.bleve. Opening it reads neither: a search reads the passages
// it returns, the reader the document it shows. It is safe for concurrent
// use.
type Local struct {
	dir       string
	notice    func(string)
	analyzers analyzerSet

	// tag is the tagging of passages with themes, weighing terms by the
	// seeds' statistics (the same on every open).
	tag *tagging

	mu       sync.RWMutex
	idx      bleve.Index // nil while a change reopens it
	store    *docStore   // nil while a change reopens it
	closed   bool
	expander Expander
	// shippedGlossary says the expansion is the shipped glossary,
	// loaded into glossary when a search first needs it.
	shippedGlossary bool
	glossaryOnce    sync.Once
	glossary        Expander
	// facetCol keeps the facet values of the passages searches match,
	// read from the index once instead of in every search.
	facetCol facetColumn

	// writeMu makes the changes of this process (imports, edits,
	// removals) one at a time; the library folder's write lock does so
	// between processes.
	writeMu sync.Mutex
	// converted is set while Open converts a folder of the earlier form,
	// whose index it then rebuilds without saying so twice.
	converted bool
}

var _ Library = (*Local)(nil)

// DefaultDir is the library folder used when none is given: the user's data
// folder ($XDG_DATA_HOME/attache or ~/.local/share/attache on Linux,
// ~/Library/Application Support/attache on macOS, %LocalAppData%\attache on
// Windows), or a folder under the temporary folder if there is no home.
func DefaultDir() string {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "attache")
		}
	case "darwin", "ios":
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, "Library", "Application Support", "attache")
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "attache")
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share", "attache")
		}
	}
	return filepath.Join(os.TempDir(), "attache")
}

// Open opens the library in cfg.Dir, creating the folder if needed. A
// library opened before by the same program with the same seeds opens
// without reading its documents. Otherwise Open parses and tags the seeds
// once and keeps them in the store, converts a folder written by an
// earlier Attaché, and builds the search index when it is missing, stale
// (another mapping version or other documents) or damaged, telling
// cfg.Notice. While another process changes the library, Open waits for
// it. It fails with an error wrapping ErrInUse when another process holds
// the index it must rebuild.
func Open(cfg Config) (*Local, error) {
	dir := cfg.Dir
	if dir == "" {
		dir = DefaultDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("library folder: %w", err)
	}
	notice := cfg.Notice
	if notice == nil {
		notice = func(string) {}
	}
	l := &Local{dir: dir, notice: notice, expander: cfg.Expander}
	l.facetCol.dir = dir
	// The shipped glossary (which loads the taxonomy) is loaded by the
	// first search that expands a query, not by every command that opens
	// the library (docs, show, brief check, export).
	l.shippedGlossary = l.expander == nil && !cfg.NoExpansion
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	l.analyzers = analyzerSet{}
	for _, b := range langBranches {
		a := m.AnalyzerNamed(b.analyzer)
		if a == nil {
			return nil, fmt.Errorf("no analyzer %q", b.analyzer)
		}
		l.analyzers[b.analyzer] = a
	}
	// Passages are tagged with their themes weighing terms by the seeds'
	// statistics, which do not change with the documents a user imports:
	// so an imported document's tags, made once when it is imported and
	// kept in the store, stay right however the library grows.
	key, err := seedKey(cfg.Seeds)
	if err != nil {
		return nil, err
	}

	ctx := context.Background()
	lk, err := lockLibrary(ctx, dir, false, notice)
	if err != nil {
		return nil, fmt.Errorf("library folder: %w", err)
	}
	ok := l.openQuick(key)
	lk.unlock()
	if ok {
		return l, nil
	}

	// Something to do: alone.
	lk, err = lockLibrary(ctx, dir, true, notice)
	if err != nil {
		return nil, fmt.Errorf("library folder: %w", err)
	}
	defer lk.unlock()
	keep := finishFileJournal(dir, notice)
	if err := l.prepareStore(cfg.Seeds, key); err != nil {
		return nil, err
	}
	removeAbandonedStaging(dir, keep)
	idx, err := l.openIndex()
	if err != nil {
		l.store.close()
		return nil, err
	}
	l.idx = idx
	return l, nil
}

// openQuick opens a library that needs nothing done: its store read-only,
// made by this program from these seeds, nothing left to finish, and an
// index that holds what the store does. Otherwise it leaves l closed and
// returns false.
func (l *Local) openQuick(key string) bool {
	if !storeExists(l.dir) || hasOldDocs(l.dir) || hasOldOriginals(l.dir) {
		return false
	}
	if _, err := os.Stat(filepath.Join(l.dir, journalFile)); err == nil {
		return false
	}
	s, err := openDocStore(l.dir, true)
	if err != nil {
		return false
	}
	var st seedState
	var fp string
	var n int
	var pending bool
	s.view(func(tx *bolt.Tx) error {
		st = readSeedState(tx)
		fp, n = storeFingerprint(tx)
		pending = tx.Bucket(bucketMeta).Get(metaJournal) != nil || hasPendingOriginals(tx)
		return nil
	})
	if st.key != key || pending {
		s.close()
		return false
	}
	have, err := readStamp(l.dir)
	if err != nil || have == nil || have.Updating || have.Mapping != MappingVersion || have.Corpus != fp || have.Passages != n {
		s.close()
		return false
	}
	idx, err := openBleve(filepath.Join(l.dir, indexDir), true)
	if err != nil {
		s.close()
		return false
	}
	if c, err := docCount(idx); err != nil || c != uint64(n) {
		idx.Close()
		s.close()
		return false
	}
	l.useStats(st.stats, nil)
	l.store, l.idx = s, idx
	return true
}

// prepareStore opens the store for writing, creating it if needed, puts
// the seeds in it when its cache of them is not this program's, converts
// the documents of an earlier Attaché, finishes an interrupted import's
// moves, and leaves it open read-only in l.store.
func (l *Local) prepareStore(fsys fs.FS, key string) error {
	if !hasOldDocs(l.dir) && storeExists(l.dir) {
		// Only the index to build? Then the store is only read, and other
		// processes may go on reading it.
		if s, err := openDocStore(l.dir, true); err == nil {
			var st seedState
			var pending, unsettled, listed bool
			s.view(func(tx *bolt.Tx) error {
				st = readSeedState(tx)
				pending = tx.Bucket(bucketMeta).Get(metaJournal) != nil
				unsettled = hasPendingOriginals(tx)
				listed = docListValid(tx)
				return nil
			})
			if st.key == key && !pending && (unsettled || !listed || hasOldOriginals(l.dir)) {
				s.close()
				if s, err = l.tidyStore(); err != nil {
					return err
				}
			}
			if st.key == key && !pending {
				l.useStats(st.stats, nil)
				l.store = s
				return nil
			}
			s.close()
			if !pending && st.key != "" {
				// Made by another build of Attaché, which may have the
				// library open: then its seeds are used as it left them
				// rather than refusing to open.
				w, err := openDocStore(l.dir, false)
				if errors.Is(err, ErrInUse) {
					if s, err := openDocStore(l.dir, true); err == nil {
						l.useStats(st.stats, nil)
						l.store = s
						return nil
					}
				}
				if err == nil {
					w.close()
				}
			}
		}
	}
	s, err := openDocStore(l.dir, false)
	if err != nil {
		return err
	}
	converted := 0
	old := hasOldDocs(l.dir)
	var journal []byte
	err = s.update(func(tx *bolt.Tx) error {
		st := readSeedState(tx)
		if st.key != key {
			stats, err := l.refreshSeeds(tx, fsys, key)
			if err != nil {
				return err
			}
			l.useStats(nil, stats)
		} else {
			l.useStats(st.stats, nil)
		}
		if old {
			n, err := l.convertOldDocs(tx)
			if err != nil {
				return err
			}
			converted = n
		}
		if !docListValid(tx) {
			if err := rebuildDocList(tx); err != nil {
				return err
			}
		}
		journal = append([]byte(nil), tx.Bucket(bucketMeta).Get(metaJournal)...)
		return nil
	})
	if err == nil && len(journal) > 0 {
		err = finishStoreJournal(l.dir, s, journal, l.notice)
	}
	var conv *originalsConversion
	if err == nil {
		var cerr error
		if conv, cerr = convertOriginalsAtOpen(l.dir, s); cerr != nil {
			l.notice(originalsLater(cerr))
		}
	}
	if cerr := s.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("library %s: %v", l.dir, oneLine(err))
	}
	if old {
		l.converted = true
		where := convertedDocsDir
		if err := setOldDocsAside(l.dir); err != nil {
			where = oldDocsDir + " (which could not be renamed: " + oneLine(err) + ")"
		}
		l.notice(fmt.Sprintf("converting the library in %s to its new store: %d imported documents, their edits kept; the old files stay in %s; rebuilding the index%s", l.dir, converted, where, conv.also()))
	} else if conv != nil {
		l.notice(conv.notice(l.dir))
	}
	if l.store, err = openDocStore(l.dir, true); err != nil {
		return err
	}
	return nil
}

// Dir is the library folder.
func (l *Local) Dir() string { return l.dir }

// SetExpander sets (or, with nil, removes) the cross-language expansion of
// query words.
func (l *Local) SetExpander(e Expander) {
	l.mu.Lock()
	l.expander = e
	l.shippedGlossary = false
	l.mu.Unlock()
}

// expansion returns the cross-language expansion of query words, loading
// the shipped glossary the first time when it is the library's. The
// caller holds l.mu for reading.
func (l *Local) expansion() Expander {
	if l.expander == nil && l.shippedGlossary {
		l.glossaryOnce.Do(func() { l.glossary = themes.DefaultGlossary() })
		return l.glossary
	}
	return l.expander
}

// Passage returns one passage by its ID.
func (l *Local) Passage(id string) (*corpus.Passage, error) {
	var p *corpus.Passage
	err := l.read(func(tx *bolt.Tx) (err error) {
		p, err = getPassage(tx, id)
		return err
	})
	return p, err
}

// Document returns a whole document by its ID, read from the store.
func (l *Local) Document(id string) (*corpus.Document, error) {
	var d *corpus.Document
	err := l.read(func(tx *bolt.Tx) (err error) {
		d, _, err = getDocument(tx, id)
		return err
	})
	return d, err
}

// Documents lists the documents: the seeds in catalogue order, then the
// others by ID.
func (l *Local) Documents() ([]DocInfo, error) {
	var out []DocInfo
	err := l.read(func(tx *bolt.Tx) (err error) {
		out, err = listDocs(tx)
		return err
	})
	return out, err
}

// read runs f in a read transaction of the store.
func (l *Local) read(f func(tx *bolt.Tx) error) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.closed || l.store == nil {
		return ErrClosed
	}
	return l.store.view(f)
}

// Close closes the index and the store. Closing twice is not an error.
func (l *Local) Close() error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	l.facetCol.close()
	var err error
	if l.idx != nil {
		err = l.idx.Close()
		l.idx = nil
	}
	if l.store != nil {
		if cerr := l.store.close(); err == nil {
			err = cerr
		}
		l.store = nil
	}
	return err
}
