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

	// The tagging of passages with themes: the taxonomy, the term
	// statistics it weighs terms with (the seeds', the same on every
	// open) and the version stamp of tags made that way.
	taxonomy *themes.Taxonomy
	stats    *themes.Stats
	tagger   string

	mu       sync.RWMutex
	idx      bleve.Index // nil once closed
	store    *store
	expander Expander
	// indexed is the fingerprint of the documents the index on disk holds,
	// as its stamp says, once l has opened, built or updated it.
	indexed string
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

	// Passages are tagged with their themes weighing terms by the seeds'
	// statistics, which do not change with the documents a user imports:
	// so an imported document's tags, made once when it is imported and
	// kept in its file, stay right however the library grows.
	l.taxonomy = themes.Default()
	if cfg.Seeds != nil {
		docs, err := corpus.LoadSeeds(cfg.Seeds)
		if err != nil {
			return nil, fmt.Errorf("seed library: %w", err)
		}
		// This also makes them the shipped taxonomy's own statistics,
		// which Scores and Matrix use elsewhere (drafts, the coverage
		// matrix): the same on every open.
		l.stats = l.taxonomy.TagDocuments(docs)
		for _, d := range docs {
			if err := l.addToMemory(d, true); err != nil {
				return nil, fmt.Errorf("seed library: %w", err)
			}
		}
	}
	l.tagger = l.taxonomy.Version(l.stats)
	finishImport(dir, notice)
	retagged := l.loadUserDocs()

	idx, err := l.openIndex()
	if err != nil {
		return nil, err
	}
	l.idx = idx
	l.saveRetagged(retagged)
	return l, nil
}

// loadUserDocs puts the documents of the library folder in the store. The
// ones whose tags were made by another version of the tagging (or none)
// are tagged again and returned, to be saved once the index is up to date.
func (l *Local) loadUserDocs() []retaggedDoc {
	loaded := loadStoredDocs(filepath.Join(l.dir, docsDir), l.notice)
	var stale []*corpus.Document
	for _, ld := range loaded {
		if ld.tagger != l.tagger {
			stale = append(stale, ld.doc)
		}
	}
	l.taxonomy.TagWith(l.stats, stale)
	var retagged []retaggedDoc
	for _, ld := range loaded {
		hash := ld.hash
		var data []byte
		if ld.tagger != l.tagger {
			var err error
			if data, err = encodeStored(ld.doc, l.tagger); err != nil {
				l.notice(fmt.Sprintf("leaving out document %s: %v", ld.doc.ID, err))
				continue
			}
			hash = contentHash(data)
		}
		if err := l.store.addHashed(ld.doc, false, hash); err != nil {
			l.notice(fmt.Sprintf("leaving out document %s: %v", ld.doc.ID, err))
		} else if data != nil {
			retagged = append(retagged, retaggedDoc{id: ld.doc.ID, was: ld.hash, data: data})
		}
	}
	return retagged
}

// retaggedDoc is a stored document tagged again at Open: the hash of its
// file as read and its new content.
type retaggedDoc struct {
	id, was string
	data    []byte
}

// saveRetagged writes documents tagged again at Open back to their files,
// so the next Open finds their tags made, as an import does: staged, synced
// at once and moved in under a journal. A file changed meanwhile (by an
// import in another process) is left alone; a file not written is tagged
// again next time.
func (l *Local) saveRetagged(docs []retaggedDoc) {
	if len(docs) == 0 {
		return
	}
	tx, err := newImportTx(l.dir)
	if err != nil {
		return
	}
	staged := 0
	for _, r := range docs {
		rel := filepath.Join(docsDir, r.id+".json")
		if b, err := os.ReadFile(filepath.Join(l.dir, rel)); err == nil && contentHash(b) == r.was {
			if tx.stage(rel, r.data) == nil {
				staged++
			}
		}
	}
	if staged == 0 {
		tx.abort()
		return
	}
	tx.commit()
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
