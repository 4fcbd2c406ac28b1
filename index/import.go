package index

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"os"
	"path/filepath"

	"sort"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"attache/index/corpus"
)

// originalsDir is the folder, inside the library folder, where an earlier
// Attaché kept a copy of each imported file as <document ID><extension>;
// the copies are now kept in the store (originals.go), and a folder of
// them is converted at Open (convert_originals.go).
const originalsDir = "originals"

// Progress reports how far an import has got.
type Progress struct {
	// Done files of Total have been read (imported, unchanged or skipped).
	Done  int `json:"done"`
	Total int `json:"total"`
	// Path is the file just read.
	Path string `json:"path"`
	// Stage is "reading" while files are read, then "indexing".
	Stage string `json:"stage"`
}

// ImportedDoc is a document an import added or updated.
type ImportedDoc struct {
	ID       string   `json:"id"`
	Path     string   `json:"path"`
	Title    string   `json:"title"`
	Lang     string   `json:"lang"`
	Format   string   `json:"format"`
	Pages    int      `json:"pages,omitempty"`
	Passages int      `json:"passages"`
	Warnings []string `json:"warnings,omitempty"`
}

// SkippedFile is a file an import left out, with the reason.
type SkippedFile struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// ImportReport says what an import did.
type ImportReport struct {
	Added     []ImportedDoc `json:"added"`
	Updated   []ImportedDoc `json:"updated"`
	Unchanged []string      `json:"unchanged"`
	Skipped   []SkippedFile `json:"skipped"`
	// Files is the number of files looked at, Bytes the size of those read.
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
	// Cancelled is true when the import was stopped before its end; then
	// nothing was added, updated or removed.
	Cancelled bool `json:"cancelled,omitempty"`
}

// notDocuments are extensions of files a folder holds beside its documents
// (images, styles, fonts, media, archives); an import skips them unread.
var notDocuments = map[string]string{}

func init() {
	for kind, exts := range map[string]string{
		"an image":                ".png .jpg .jpeg .gif .bmp .svg .webp .ico .tif .tiff .mng .xcf .psd .heic",
		"a style sheet":           ".css .less .scss",
		"a script":                ".js .mjs .ts .map .sh .py .go .c .h",
		"a font":                  ".ttf .otf .woff .woff2 .eot",
		"an audio or video":       ".mp3 .ogg .wav .flac .mp4 .mkv .avi .mov .webm",
		"an archive":              ".zip .gz .tgz .bz2 .xz .7z .rar .tar .deb .jar",
		"a program":               ".exe .dll .so .bin .o .a",
		"a data file":             ".json .xml .yaml .yml .db .sqlite",
		"a spreadsheet or slides": ".xls .xlsx .ods .ppt .pptx .odp",
	} {
		for _, e := range strings.Fields(exts) {
			notDocuments[e] = kind
		}
	}
}

// docIDForPath is the stable part of an imported document's ID: a short
// hash of the file's absolute path.
func docIDForPath(abs string) string {
	h := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(h[:])[:8]
}

// slug makes an ID-friendly form of a title: lower-case ASCII letters and
// digits joined by hyphens, at most 40 characters.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(title)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "doc"
	}
	return s
}

// importJob is one file to import: the file as read, and what of the
// library's it replaces.
type importJob struct {
	*ReadFile
	order string   // the catalogue key of the document it replaces
	gone  []string // the old version's passages the new one does not have
	// record is the document encoded for the store once it is indexed;
	// then Doc keeps only the document's details, and passages says how
	// many passages it has.
	record   *encodedDocument
	passages int
}

// collectFiles walks the paths, files and folders, recursively, in a
// stable order, leaving out hidden files and folders. A link named in
// paths is followed; links inside folders are skipped (walkNamed).
func collectFiles(paths []string, rep *ImportReport) []*ReadFile {
	var jobs []*ReadFile
	seen := map[string]bool{}
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			jobs = append(jobs, &ReadFile{Path: p, abs: abs})
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			rep.Skipped = append(rep.Skipped, SkippedFile{root, oneLine(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				// a FIFO would block the import, a device never end it
				rep.Skipped = append(rep.Skipped, SkippedFile{root, "not a regular file"})
				continue
			}
			add(root)
			continue
		}
		walkNamed(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				rep.Skipped = append(rep.Skipped, SkippedFile{p, oneLine(err)})
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				rep.Skipped = append(rep.Skipped, SkippedFile{p, linkNotFollowed})
			} else if d.Type().IsRegular() {
				add(p)
			}
			return nil
		})
	}
	return jobs
}

// Import adds the files at paths (folders are walked recursively) to the
// library: each is extracted, parsed, given an ID, kept as a copy in the
// library's store (see Original) and indexed. A file imported before from
// the same path keeps its ID; unchanged, it is left alone. Files that
// cannot be imported are skipped with their reason in the report.
// progress, if not nil, is called after each file, one call at a time.
//
// Files are read, cleaned, parsed and tagged on every processor while the
// documents read so far are indexed (ReadDocuments is that pipeline's
// first half). The import is all or nothing: cancelled through ctx, or
// failed (a full disk), it leaves the library as it was, searchable;
// killed, the next Open finds the library as it was or with the whole
// import, never a part of a document. An import waits for another
// process's change to the library to finish.
func (l *Local) Import(ctx context.Context, paths []string, progress func(Progress)) (*ImportReport, error) {
	// A soft memory limit while importing (unless the user set one):
	// the garbage collector then works harder instead of letting the
	// heap double, which halves the peak memory of a large import for a
	// few percent more processor time.
	mem := startMemoryBudget()
	defer mem.end()
	c, err := l.beginChange(ctx)
	if err != nil {
		rep := &ImportReport{Added: []ImportedDoc{}, Updated: []ImportedDoc{}, Unchanged: []string{}, Skipped: []SkippedFile{}}
		rep.Cancelled = ctx.Err() != nil
		return rep, err
	}
	defer c.end()

	// Documents imported before, by the hash of their path.
	prior := map[string]*PriorDocument{}
	orders := map[string]string{}
	l.store.view(func(tx *bolt.Tx) error {
		return forEachDocHead(tx, func(rec *docRecord) error {
			if !rec.Seed {
				if i := strings.LastIndexByte(rec.ID, '-'); i >= 0 {
					prior[rec.ID[i+1:]] = &PriorDocument{ID: rec.ID, Checksum: rec.Checksum, Edits: getEdits(tx, rec.ID)}
					orders[rec.ID] = rec.Order
				}
			}
			return nil
		})
	})

	// What an import killed earlier left of its originals goes first.
	if err := l.settleOriginals(); err != nil {
		c.undo(nil, nil)
		return nil, err
	}
	in := newIndexer(l.idx)
	_, _, tagger := l.tagger()
	space := newSpaceGuard(l.dir)
	originals := newOriginalsWriter(l.store, l.dir, minFreeSpace+space.base)
	var indexed []string // the passages this import put in the index
	var replaced []string
	var ready []*importJob
	index := func(f *ReadFile) error {
		j := &importJob{ReadFile: f}
		if err := originals.failed(); err != nil {
			return err
		}
		if err := l.prepareJob(j, orders); err != nil {
			// its original, written already, is used by no document:
			// the commit deletes it
			f.Doc, f.Skip = nil, oneLine(err)
			return nil
		}
		if importFault != nil {
			if err := importFault("index"); err != nil {
				return err
			}
		}
		text := 0
		for i := range f.Doc.Passages {
			text += len(f.Doc.Passages[i].Text)
		}
		if err := space.add(text); err != nil {
			return err
		}
		if f.Prior != nil {
			replaced = append(replaced, f.Prior.ID)
		}
		ready = append(ready, j)
		if err := in.delete(j.gone); err != nil {
			return err
		}
		n, err := in.add(ctx, f.Doc)
		for i := range f.Doc.Passages[:n] {
			indexed = append(indexed, f.Doc.Passages[i].ID)
		}
		if err != nil {
			return err
		}
		// Indexed, the document waits for the store's transaction in
		// the store's compact form, not whole: a large import holds a
		// fraction of the memory (and the collector scans a fraction).
		if j.record, err = encodeDocument(f.Doc, false, tagger, j.order); err != nil {
			return err
		}
		mem.hold(j.record.size())
		j.passages = len(f.Doc.Passages)
		f.Doc = &corpus.Document{Meta: f.Doc.Meta}
		return nil
	}
	rep := &ImportReport{}
	fail := func(err error) (*ImportReport, error) {
		in.discard()      // what is not indexed yet need not be undone
		originals.abort() // takes out the originals written, pending
		if uerr := c.undo(indexed, replaced); uerr != nil {
			err = fmt.Errorf("%v; undoing it failed too (%v): the index is rebuilt at the next start", oneLine(err), oneLine(uerr))
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			rep.Cancelled = true
			return rep, err
		}
		return rep, fmt.Errorf("%v; nothing was imported, the library is as it was", oneLine(err))
	}
	opt := ReadOptions{
		Prior: func(key string) *PriorDocument { return prior[key] },
		Tag:   l.Tag,
		// The copy of the original is handed to the writer as soon as
		// the file is read, on its reading goroutine.
		Keep: func(f *ReadFile) error {
			originals.keep(f.Doc.Checksum, f.Data)
			f.Data = nil
			return nil
		},
	}
	if progress != nil {
		opt.Progress = func(done, total int, path string) {
			progress(Progress{Done: done, Total: total, Path: path, Stage: "reading"})
		}
	}
	files, rep, err := ReadDocuments(ctx, paths, opt, index)
	if err != nil {
		return fail(err)
	}
	if len(ready) == 0 {
		in.finish()
		originals.abort()
		if err := c.committed(); err != nil {
			return rep, err
		}
		return rep, nil
	}
	if progress != nil {
		progress(Progress{Done: len(files), Total: len(files), Stage: "indexing"})
	}
	// The store's transaction is filled while the index takes the last
	// batches, and commits once they are on its disk; the index's
	// segments are merged while it commits (fail stops the merge).
	fin := in.finishBehind(ctx, len(indexed))
	if err := originals.finish(); err != nil {
		fin.wait()
		return fail(err)
	}
	if err := l.commitImport(ready, func() error {
		if err := fin.wait(); err != nil {
			return err
		}
		return ctx.Err()
	}); err != nil {
		fin.wait()
		return fail(err)
	}
	if err := c.committed(); err != nil {
		l.notice("the index will be rebuilt at the next start: " + oneLine(err))
	}
	if err := in.merged(); err != nil && ctx.Err() == nil {
		// the import is committed and searchable as it is
		l.notice(oneLine(err))
	}
	// The report lists the documents in the order of their files.
	sort.Slice(ready, func(a, b int) bool { return ready[a].seq < ready[b].seq })
	for _, j := range ready {
		d := ImportedDoc{ID: j.Doc.ID, Path: j.Path, Title: j.Doc.Title, Lang: j.Doc.Lang, Format: j.Format,
			Pages: j.Pages, Passages: j.passages, Warnings: j.Warnings}
		if j.Prior != nil {
			rep.Updated = append(rep.Updated, d)
		} else {
			rep.Added = append(rep.Added, d)
		}
	}
	sort.Slice(rep.Skipped, func(a, b int) bool { return rep.Skipped[a].Path < rep.Skipped[b].Path })
	return rep, nil
}

// Tag tags a document's passages with their themes, as the library tags
// every document it holds: with the shipped taxonomy, weighing terms by
// the seeds' statistics. It is ReadDocuments' Tag for this library.
func (l *Local) Tag(d *corpus.Document) {
	tax, stats, _ := l.tagger()
	tax.TagWith(stats, []*corpus.Document{d})
}

// prepareJob finds what of the library a document read replaces: the old
// version's passages it drops. It fails when a passage ID is already
// another document's.
func (l *Local) prepareJob(j *importJob, orders map[string]string) error {
	d := j.Doc
	return l.store.view(func(tx *bolt.Tx) error {
		pids := tx.Bucket(bucketPassageIDs)
		prefix := passagePrefix(d.ID)
		keep := make(map[string]bool, len(d.Passages))
		for i := range d.Passages {
			if k := pids.Get([]byte(d.Passages[i].ID)); k != nil && !bytes.HasPrefix(k, prefix) {
				return fmt.Errorf("passage ID %s is already used by %s", d.Passages[i].ID, k[:bytes.IndexByte(k, 0)])
			}
			keep[d.Passages[i].ID] = true
		}
		if j.Prior == nil {
			j.order = catalogueOrder(d.ID, false, 0)
			return nil
		}
		j.order = orders[j.Prior.ID]
		old, err := passageIDs(tx, j.Prior.ID)
		if err != nil {
			return err
		}
		for _, id := range old {
			if !keep[id] {
				j.gone = append(j.gone, id)
			}
		}
		return nil
	})
}

// parseDocument runs corpus.ParseContext, turning a panic into an error;
// a cancelled import stops it within the file.
func parseDocument(ctx context.Context, meta corpus.Meta, text string) (d *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("cannot cut the text into passages: %v", r)
		}
	}()
	return corpus.ParseContext(ctx, meta, []byte(text))
}

// guessLangs gives a document whose language could not be told (a short
// index page, a table of figures) the language most documents of its folder
// are in.
func guessLangs(files []*ReadFile) {
	byDir := map[string]map[string]int{}
	for _, f := range files {
		if f.Doc != nil && f.Doc.Lang != "" {
			d := filepath.Dir(f.abs)
			if byDir[d] == nil {
				byDir[d] = map[string]int{}
			}
			byDir[d][f.Doc.Lang]++
		}
	}
	for _, f := range files {
		if f.Doc == nil || f.Doc.Lang != "" {
			continue
		}
		best, n := "", 0
		for lang, c := range byDir[filepath.Dir(f.abs)] {
			if c > n || c == n && lang < best {
				best, n = lang, c
			}
		}
		if best == "" {
			continue
		}
		f.Doc.Lang = best
		for i := range f.Doc.Passages {
			f.Doc.Passages[i].Lang = best
		}
		f.Warnings = append(f.Warnings, "language guessed from the other documents of its folder")
	}
}

// importFault, when set by a test, fails an import at a stage ("index":
// before each document is indexed; "originals": in each transaction of the
// originals' writer; "commit": in the store's transaction) as a full disk
// would.
var importFault func(stage string) error

// commitImport puts the documents in the store in one transaction, each
// naming its original (written already, pending, by the originals'
// writer), and deletes the originals no document uses any more: those of
// the documents' old versions and those of files left out. Until the
// transaction commits, the library is as it was. indexed waits for the
// index to hold the documents, on its disk: the transaction commits only
// then, and an error from it rolls the transaction back and is returned
// as it is.
func (l *Local) commitImport(jobs []*importJob, indexed func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	// In ID order: bbolt inserts a key into its page's node by moving
	// the keys after it, so keys in order are the cheapest.
	jobs = append([]*importJob(nil), jobs...)
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].Doc.ID < jobs[b].Doc.ID })
	var indexErr error
	err := l.store.update(func(btx *bolt.Tx) error {
		var unused []string
		for _, j := range jobs {
			if _, err := j.record.put(btx); err != nil {
				return err
			}
			old, err := nameOriginal(btx, j.Doc.ID, j.Doc.Checksum)
			if err != nil {
				return err
			}
			unused = append(unused, old)
		}
		// after every document named its original: an old version's
		// may be a new document's
		if err := dropUnusedOriginals(btx, unused); err != nil {
			return err
		}
		if err := settlePendingOriginals(btx); err != nil {
			return err
		}
		if importFault != nil {
			if err := importFault("commit"); err != nil {
				return err
			}
		}
		indexErr = indexed()
		return indexErr
	})
	if indexErr != nil {
		return indexErr
	}
	if err != nil {
		return fmt.Errorf("saving the documents: %w", err)
	}
	// copies of the old versions' originals not converted yet
	if hasOldOriginals(l.dir) {
		ids := make([]string, len(jobs))
		for i, j := range jobs {
			ids[i] = j.Doc.ID
		}
		dropOldOriginals(l.dir, ids)
	}
	return nil
}

// settleOriginals deletes, in one transaction, the originals an import
// wrote and never committed (it failed and could not take them out, or
// was killed): no document uses them. The store is open for writing.
func (l *Local) settleOriginals() error { return l.store.settlePending() }

// settlePending deletes, in one transaction, the originals an import wrote
// and never committed, if there are any. The store is open for writing.
func (s *docStore) settlePending() error {
	pending := false
	s.view(func(tx *bolt.Tx) error {
		pending = hasPendingOriginals(tx)
		return nil
	})
	if !pending {
		return nil
	}
	return s.update(settlePendingOriginals)
}
