package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"attache/index/corpus"
	"attache/index/extract"
)

// The first half of an import, shared by every backend: the files and
// folders given are walked, each file is read, its format extracted, its
// text cleaned and cut into passages, its language told and its passages
// tagged with their themes, on every processor, and each document is handed
// on as soon as it is ready. What a backend does with the documents (the
// Bleve library indexes them while the next are read, then stores them in
// one transaction) is the second half.

// ReadOptions says how ReadDocuments reads files for a library.
type ReadOptions struct {
	// Prior returns the document a library holds from an earlier import
	// of the same file, given the file's path key (PathKey), or nil. A
	// file whose checksum is the prior document's is not read further
	// (Unchanged); a changed one keeps the prior document's ID and edits.
	Prior func(pathKey string) *PriorDocument
	// Tag tags a document's passages with their themes (Local.Tag); nil
	// leaves them untagged.
	Tag func(d *corpus.Document)
	// Progress, if not nil, is called after each file is read, from the
	// goroutine that called ReadDocuments.
	Progress func(done, total int, path string)
	// Keep, if not nil, is called on the reading goroutine with each file
	// read into a document (with its ID), before ready: it keeps what the
	// library wants of the file's bytes (the Bleve library writes its copy
	// of the original there, on every processor) and may drop Data. An
	// error skips the file, with the error as the reason.
	Keep func(f *ReadFile) error
}

// PriorDocument is what a library holds of a document imported before
// from the same file.
type PriorDocument struct {
	ID       string
	Checksum string
	// Edits are the fields the user edited, kept over what the file says.
	Edits DocEdit
}

// ReadFile is one file as ReadDocuments read it.
type ReadFile struct {
	// Path is the file's path as found under the paths given.
	Path string
	// Doc is the document, tagged, with its ID; nil when the file was
	// skipped or is unchanged.
	Doc *corpus.Document
	// Data are the file's bytes, for the library's copy of the original.
	Data []byte
	// Format, Pages and Warnings are what the extraction said.
	Format   string
	Pages    int
	Warnings []string
	// Size is the file's size in bytes.
	Size int64
	// Prior is the document imported before from the same file, if any.
	Prior *PriorDocument
	// Unchanged is true when the file is the one Prior was imported from.
	Unchanged bool
	// Skip says why the file was left out, if it was.
	Skip string

	abs    string
	seq    int // the file's place in the walk
	tagged bool
	handed bool // given to ready
}

// PathKey is the stable part of an imported document's ID: a short hash of
// the file's absolute path, the same on every import of that file.
func PathKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return docIDForPath(abs)
}

// ReadDocuments reads the files and folders at paths (folders walked
// recursively, hidden files left out) into documents and calls ready with
// each document as soon as it is ready, from the calling goroutine: the
// documents whose language is known first, as they are read, then those
// whose language is guessed from the other documents of their folder. It
// returns every file looked at, in a stable order, and the report's Files,
// Bytes, Skipped and Unchanged; Added and Updated are the caller's. It
// stops when ctx is done (returning ctx's error) or when ready fails
// (returning its error).
func ReadDocuments(ctx context.Context, paths []string, opt ReadOptions, ready func(f *ReadFile) error) ([]*ReadFile, *ImportReport, error) {
	rep := &ImportReport{Added: []ImportedDoc{}, Updated: []ImportedDoc{}, Unchanged: []string{}, Skipped: []SkippedFile{}}
	files := collectFiles(paths, rep)
	rep.Files = len(files) + len(rep.Skipped)
	for i, f := range files {
		f.seq = i
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	work := make(chan *ReadFile)
	out := make(chan *ReadFile, 16)
	var wg sync.WaitGroup
	// Twice as many workers as processors: they wait on the disk too.
	for w := 0; w < 2*runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				if ctx.Err() == nil {
					readFile(ctx, f, &opt)
				}
				out <- f
			}
		}()
	}
	go func() {
	feed:
		for _, f := range files {
			select {
			case work <- f:
			case <-ctx.Done():
				break feed
			}
		}
		close(work)
		wg.Wait()
		close(out)
	}()
	done := 0
	var err error
	for f := range out {
		done++
		if err == nil && f.Doc != nil && f.Doc.Lang != "" {
			f.handed = true
			if err = ready(f); err != nil {
				cancel()
			}
		}
		if opt.Progress != nil {
			opt.Progress(done, len(files), f.Path)
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return files, rep, err
	}
	guessLangs(files)
	for _, f := range files {
		if f.Doc != nil && !f.handed {
			if opt.Tag != nil && !f.tagged {
				opt.Tag(f.Doc)
			}
			f.tagged, f.handed = true, true
			if err := ready(f); err != nil {
				return files, rep, err
			}
		}
	}
	for _, f := range files {
		rep.Bytes += f.Size
		switch {
		case f.Skip != "":
			rep.Skipped = append(rep.Skipped, SkippedFile{f.Path, f.Skip})
		case f.Unchanged:
			rep.Unchanged = append(rep.Unchanged, f.Path)
		}
	}
	return files, rep, nil
}

// readFile reads, extracts, parses and (when its language is known) tags
// one file.
func readFile(ctx context.Context, f *ReadFile, opt *ReadOptions) {
	ext := strings.ToLower(filepath.Ext(f.Path))
	if kind, ok := notDocuments[ext]; ok {
		f.Skip = "not a document (" + kind + ")"
		return
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		f.Skip = oneLine(err)
		return
	}
	if info.Size() > extract.MaxSize {
		f.Skip = fmt.Sprintf("file too large: %d MiB, the limit is %d MiB", info.Size()>>20, extract.MaxSize>>20)
		return
	}
	data, err := os.ReadFile(f.Path)
	if err != nil {
		f.Skip = oneLine(err)
		return
	}
	f.Size = int64(len(data))
	checksum := originalHash(data)
	pathKey := docIDForPath(f.abs)
	var old *PriorDocument
	if opt.Prior != nil {
		old = opt.Prior(pathKey)
	}
	if old != nil {
		f.Prior = old
		if old.Checksum == checksum {
			f.Unchanged = true
			return
		}
	}
	res, err := extract.Extract(f.Path, data)
	if err != nil {
		f.Skip = oneLine(err)
		return
	}
	title := res.Title
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(f.Path), filepath.Ext(f.Path))
	}
	id := slug(title) + "-" + pathKey
	if old != nil {
		id = old.ID
	}
	// No URL: the file's path on this machine means nothing to a brief's
	// reader and would show the analyst's folders in every citation.
	meta := corpus.Meta{
		ID: id, Title: title, Issuer: res.Author, Date: res.Date, Lang: res.Lang,
		Kind: res.Format + " file", Source: filepath.Base(f.Path), Checksum: checksum,
	}
	if old != nil {
		// Keep what the user set by hand over what the file says.
		old.Edits.ApplyTo(&meta)
	}
	doc, err := parseDocument(ctx, meta, res.Text)
	if err != nil {
		f.Skip = oneLine(err)
		return
	}
	if doc.Lang != "" && opt.Tag != nil {
		opt.Tag(doc)
		f.tagged = true
	}
	f.Doc, f.Data, f.Format, f.Pages, f.Warnings = doc, data, res.Format, res.Pages, res.Warnings
	if opt.Keep != nil {
		if err := opt.Keep(f); err != nil {
			f.Doc, f.Data, f.Skip = nil, nil, oneLine(err)
		}
	}
}
