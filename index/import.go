package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"attache/index/corpus"
	"attache/index/extract"
)

// originalsDir is the folder, inside the library folder, that keeps a copy
// of each imported file as <document ID><extension>.
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

// importJob is one file to import and, once read, what it gave.
type importJob struct {
	path, abs string
	doc       *corpus.Document
	data      []byte
	res       *extract.Result
	oldID     string
	skip      string
	unchanged bool
	staged    bool
	size      int64
	hash      string // contentHash of the document's staged file
}

// collectFiles walks the paths, files and folders, recursively, in a
// stable order, leaving out hidden files and folders.
func collectFiles(paths []string, rep *ImportReport) []*importJob {
	var jobs []*importJob
	seen := map[string]bool{}
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			jobs = append(jobs, &importJob{path: p, abs: abs})
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
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
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
			if d.Type().IsRegular() {
				add(p)
			}
			return nil
		})
	}
	return jobs
}

// Import adds the files at paths (folders are walked recursively) to the
// library: each is extracted, parsed, given an ID, kept as a copy in the
// library folder and indexed. A file imported before from the same path
// keeps its ID; unchanged, it is left alone. Files that cannot be imported
// are skipped with their reason in the report. progress, if not nil, is
// called after each file from the calling goroutine's workers, one call at
// a time.
//
// The import is all or nothing: cancelled through ctx, it leaves the
// library as it was; killed, the next Open finds the library as it was or
// with the whole import, never a part of a document.
func (l *Local) Import(ctx context.Context, paths []string, progress func(Progress)) (*ImportReport, error) {
	rep := &ImportReport{Added: []ImportedDoc{}, Updated: []ImportedDoc{}, Unchanged: []string{}, Skipped: []SkippedFile{}}
	jobs := collectFiles(paths, rep)
	rep.Files = len(jobs) + len(rep.Skipped)

	// Documents imported before, by the hash of their path.
	l.mu.RLock()
	if l.idx == nil {
		l.mu.RUnlock()
		return nil, ErrClosed
	}
	byPath := map[string]*corpus.Document{}
	for _, d := range l.store.docs {
		if !l.store.seed[d.ID] {
			if i := strings.LastIndexByte(d.ID, '-'); i >= 0 {
				byPath[d.ID[i+1:]] = d
			}
		}
	}
	l.mu.RUnlock()

	// Workers stage each document and its original as they go, so that the
	// writes overlap the extraction; the commit only moves them in.
	tx, err := newImportTx(l.dir)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	done := 0
	report := func(p string) {
		mu.Lock()
		done++
		if progress != nil {
			progress(Progress{Done: done, Total: len(jobs), Path: p, Stage: "reading"})
		}
		mu.Unlock()
	}
	work := make(chan *importJob)
	var wg sync.WaitGroup
	// Twice as many workers as processors: they wait on the disk too.
	for w := 0; w < 2*runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if ctx.Err() == nil {
					l.readJob(ctx, j, byPath)
					// A document whose language is unknown waits for
					// its neighbours' (below) before it is staged.
					if j.doc != nil && j.doc.Lang != "" {
						if err := l.stageJob(tx, j); err != nil {
							j.doc, j.skip = nil, oneLine(err)
						}
					}
				}
				report(j.path)
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case work <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		tx.abort()
		rep.Cancelled = true
		return rep, err
	}

	guessLangs(jobs)
	for _, j := range jobs {
		if j.doc != nil && !j.staged {
			if err := l.stageJob(tx, j); err != nil {
				j.doc, j.skip = nil, oneLine(err)
			}
		}
	}
	var ready []*importJob
	for _, j := range jobs {
		rep.Bytes += j.size
		switch {
		case j.skip != "":
			rep.Skipped = append(rep.Skipped, SkippedFile{j.path, j.skip})
		case j.unchanged:
			rep.Unchanged = append(rep.Unchanged, j.path)
		case j.doc != nil:
			ready = append(ready, j)
		}
	}
	sort.Slice(rep.Skipped, func(a, b int) bool { return rep.Skipped[a].Path < rep.Skipped[b].Path })
	if len(ready) == 0 {
		tx.abort()
		return rep, nil
	}
	if progress != nil {
		progress(Progress{Done: len(jobs), Total: len(jobs), Stage: "indexing"})
	}
	if err := l.commitImport(ctx, tx, ready); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			rep.Cancelled = true
		}
		return rep, err
	}
	for _, j := range ready {
		d := ImportedDoc{ID: j.doc.ID, Path: j.path, Title: j.doc.Title, Lang: j.doc.Lang, Format: j.res.Format,
			Pages: j.res.Pages, Passages: len(j.doc.Passages), Warnings: j.res.Warnings}
		if j.oldID != "" {
			rep.Updated = append(rep.Updated, d)
		} else {
			rep.Added = append(rep.Added, d)
		}
	}
	return rep, nil
}

// readJob reads, extracts and parses one file.
func (l *Local) readJob(ctx context.Context, j *importJob, byPath map[string]*corpus.Document) {
	ext := strings.ToLower(filepath.Ext(j.path))
	if kind, ok := notDocuments[ext]; ok {
		j.skip = "not a document (" + kind + ")"
		return
	}
	info, err := os.Stat(j.path)
	if err != nil {
		j.skip = oneLine(err)
		return
	}
	if info.Size() > extract.MaxSize {
		j.skip = fmt.Sprintf("file too large: %d MiB, the limit is %d MiB", info.Size()>>20, extract.MaxSize>>20)
		return
	}
	data, err := os.ReadFile(j.path)
	if err != nil {
		j.skip = oneLine(err)
		return
	}
	j.size = int64(len(data))
	sum := sha256.Sum256(data)
	checksum := hex.EncodeToString(sum[:])
	pathKey := docIDForPath(j.abs)
	old := byPath[pathKey]
	if old != nil {
		j.oldID = old.ID
		if old.Checksum == checksum {
			j.unchanged = true
			return
		}
	}
	res, err := extract.Extract(j.path, data)
	if err != nil {
		j.skip = oneLine(err)
		return
	}
	title := res.Title
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(j.path), filepath.Ext(j.path))
	}
	id := slug(title) + "-" + pathKey
	if old != nil {
		id = old.ID
	}
	// No URL: the file's path on this machine means nothing to a brief's
	// reader and would show the analyst's folders in every citation.
	meta := corpus.Meta{
		ID: id, Title: title, Issuer: res.Author, Date: res.Date, Lang: res.Lang,
		Kind: res.Format + " file", Source: filepath.Base(j.path), Checksum: checksum,
	}
	if old != nil {
		// Keep what the user set by hand over what the file says.
		applyEdits(&meta, loadEdits(l.dir, old.ID))
	}
	doc, err := parseDocument(ctx, meta, res.Text)
	if err != nil {
		j.skip = oneLine(err)
		return
	}
	j.doc, j.res, j.data = doc, res, data
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
func guessLangs(jobs []*importJob) {
	byDir := map[string]map[string]int{}
	for _, j := range jobs {
		if j.doc != nil && j.doc.Lang != "" {
			d := filepath.Dir(j.abs)
			if byDir[d] == nil {
				byDir[d] = map[string]int{}
			}
			byDir[d][j.doc.Lang]++
		}
	}
	for _, j := range jobs {
		if j.doc == nil || j.doc.Lang != "" {
			continue
		}
		best, n := "", 0
		for lang, c := range byDir[filepath.Dir(j.abs)] {
			if c > n || c == n && lang < best {
				best, n = lang, c
			}
		}
		if best == "" {
			continue
		}
		j.doc.Lang = best
		for i := range j.doc.Passages {
			j.doc.Passages[i].Lang = best
		}
		j.res.Warnings = append(j.res.Warnings, "language guessed from the other documents of its folder")
	}
}

// stageJob tags a document's passages with their themes, then writes it
// and its original into the staging folder.
func (l *Local) stageJob(tx *importTx, j *importJob) error {
	j.staged = true
	l.taxonomy.TagWith(l.stats, []*corpus.Document{j.doc})
	b, err := encodeStored(j.doc, l.tagger)
	if err != nil {
		return err
	}
	j.hash = contentHash(b)
	if err := tx.stage(filepath.Join(docsDir, j.doc.ID+".json"), b); err != nil {
		return err
	}
	return tx.stage(originalName(j), j.data)
}

// originalName is where the library keeps the copy of a job's file.
func originalName(j *importJob) string {
	return filepath.Join(originalsDir, j.doc.ID+strings.ToLower(filepath.Ext(j.path)))
}

// commitImport moves the staged documents and originals into the library
// under a journal, then adds them to the store and to the index.
func (l *Local) commitImport(ctx context.Context, tx *importTx, jobs []*importJob) error {
	for _, j := range jobs {
		if j.oldID == "" {
			continue
		}
		// A changed file may have changed its extension: drop the old
		// original copies the new one does not replace.
		old, _ := filepath.Glob(filepath.Join(l.dir, originalsDir, j.oldID+".*"))
		for _, o := range old {
			if rel, err := filepath.Rel(l.dir, o); err == nil && rel != originalName(j) {
				tx.remove(rel)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		tx.abort()
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.idx == nil {
		tx.abort()
		return ErrClosed
	}
	if err := l.ensureWritable(); err != nil {
		tx.abort()
		return err
	}
	if err := tx.commit(); err != nil {
		return err
	}
	var gone []string
	var added []*corpus.Document
	for _, j := range jobs {
		old := l.store.byID[j.doc.ID]
		if err := l.store.addHashed(j.doc, false, j.hash); err != nil {
			l.notice(fmt.Sprintf("leaving out document %s: %v", j.doc.ID, err))
			continue
		}
		if old != nil {
			for i := range old.Passages {
				gone = append(gone, old.Passages[i].ID)
			}
		}
		added = append(added, j.doc)
	}
	return l.update(gone, added)
}
