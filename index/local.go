package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/blevesearch/bleve/v2"

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
	// catalogue, parsed on every open. Nil opens a library without seeds.
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

// Local is a library kept in a folder on disk: its documents in memory and
// their passages in a Bleve index at Dir/index.bleve. It is safe for
// concurrent use.
type Local struct {
	dir       string
	notice    func(string)
	analyzers analyzerSet

	mu       sync.RWMutex
	idx      bleve.Index // nil once closed
	store    *store
	expander Expander
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

// Open opens the library in cfg.Dir, creating the folder if needed. It
// parses the seeds, and builds the search index when it is missing, stale
// (another mapping version or other documents) or damaged, telling
// cfg.Notice. It fails with an error wrapping ErrInUse when another process
// holds the index.
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
	l := &Local{dir: dir, notice: notice, store: newStore(), expander: cfg.Expander}
	if l.expander == nil && !cfg.NoExpansion {
		l.expander = themes.DefaultGlossary()
	}
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

	if cfg.Seeds != nil {
		docs, err := corpus.LoadSeeds(cfg.Seeds)
		if err != nil {
			return nil, fmt.Errorf("seed library: %w", err)
		}
		for _, d := range docs {
			if err := l.addToMemory(d, true); err != nil {
				return nil, fmt.Errorf("seed library: %w", err)
			}
		}
	}
	finishImport(dir, notice)
	for _, d := range loadStoredDocs(filepath.Join(dir, docsDir), notice) {
		if err := l.addToMemory(d, false); err != nil {
			notice(fmt.Sprintf("leaving out document %s: %v", d.ID, err))
		}
	}

	// Tag every passage with its themes, over the whole library so that
	// the statistics are the library's. The index's fingerprint covers the
	// tags, so a new taxonomy rebuilds the index.
	themes.Default().TagDocuments(l.store.docs)

	idx, err := l.openIndex()
	if err != nil {
		return nil, err
	}
	l.idx = idx
	return l, nil
}

// Dir is the library folder.
func (l *Local) Dir() string { return l.dir }

// SetExpander sets (or, with nil, removes) the cross-language expansion of
// query words.
func (l *Local) SetExpander(e Expander) {
	l.mu.Lock()
	l.expander = e
	l.mu.Unlock()
}

// addToMemory puts a document in the in-memory store (not in the index),
// replacing one with the same ID.
func (l *Local) addToMemory(d *corpus.Document, seed bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.store.add(d, seed)
}

// Passage returns a copy of one passage by its ID.
func (l *Local) Passage(id string) (*corpus.Passage, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.idx == nil {
		return nil, ErrClosed
	}
	p, ok := l.store.passages[id]
	if !ok {
		return nil, fmt.Errorf("passage %q: %w", id, ErrNotFound)
	}
	cp := *p
	return &cp, nil
}

// Document returns a whole document by its ID. The caller must not change
// it.
func (l *Local) Document(id string) (*corpus.Document, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.idx == nil {
		return nil, ErrClosed
	}
	d, ok := l.store.byID[id]
	if !ok {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	return d, nil
}

// Documents lists the documents: the seeds in catalogue order, then the
// others.
func (l *Local) Documents() ([]DocInfo, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.idx == nil {
		return nil, ErrClosed
	}
	return l.store.infos(), nil
}

// Close closes the index. Closing twice is not an error.
func (l *Local) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.idx == nil {
		return nil
	}
	err := l.idx.Close()
	l.idx = nil
	return err
}
