package team

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"attache/index"
	"attache/index/corpus"
	"attache/index/extract"
)

// readJob is one file of an import and what reading it gave.
type readJob struct {
	path, abs string
	pathKey   string
	data      []byte
	res       *extract.Result
	doc       *corpus.Document
	skip      string
	size      int64
	checksum  string
}

// notDocuments are extensions of the files a folder holds beside its
// documents; an import skips them unread, as the local library does.
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

// collect walks the paths (folders recursively, hidden entries left out)
// in a stable order.
func collect(paths []string, rep *index.ImportReport) []*readJob {
	var jobs []*readJob
	seen := map[string]bool{}
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			h := sha256.Sum256([]byte(abs))
			jobs = append(jobs, &readJob{path: p, abs: abs, pathKey: hex.EncodeToString(h[:])[:8]})
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			rep.Skipped = append(rep.Skipped, index.SkippedFile{Path: root, Reason: oneLine(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				rep.Skipped = append(rep.Skipped, index.SkippedFile{Path: root, Reason: "not a regular file"})
				continue
			}
			add(root)
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				rep.Skipped = append(rep.Skipped, index.SkippedFile{Path: p, Reason: oneLine(err)})
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

// readAll reads, extracts and parses the jobs on all processors; known
// maps a path key to the checksum of the document imported from there
// before, whose unchanged files are not parsed again. progress is called
// after each file, one call at a time.
func readAll(jobs []*readJob, known map[string]prior, stop func() bool, progress func(done int, path string)) {
	work := make(chan *readJob)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < 2*runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if !stop() {
					readFile(j, known[j.pathKey])
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, j.path)
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		if stop() {
			break
		}
		work <- j
	}
	close(work)
	wg.Wait()
}

// prior is what the library holds of a document imported before from a
// path.
type prior struct {
	id, checksum string
	edits        index.DocEdit
}

// readFile reads one file into a document.
func readFile(j *readJob, old prior) {
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
	j.checksum = hex.EncodeToString(sum[:])
	if old.id != "" && old.checksum == j.checksum {
		return // unchanged
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
	id := slug(title) + "-" + j.pathKey
	if old.id != "" {
		id = old.id
	}
	meta := corpus.Meta{
		ID: id, Title: title, Issuer: res.Author, Date: res.Date, Lang: res.Lang,
		Kind: res.Format + " file", Source: filepath.Base(j.path), Checksum: j.checksum,
	}
	applyEdits(&meta, old.edits)
	doc, err := parse(meta, res.Text)
	if err != nil {
		j.skip = oneLine(err)
		return
	}
	j.doc, j.res, j.data = doc, res, data
}

// parse runs corpus.Parse, turning a panic into an error.
func parse(meta corpus.Meta, text string) (d *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("cannot cut the text into passages: %v", r)
		}
	}()
	return corpus.Parse(meta, []byte(text))
}

// guessLangs gives a document whose language could not be told the
// language most documents of its folder are in.
func guessLangs(jobs []*readJob) {
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

// slug makes an ID-friendly form of a title, as the local library does.
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

// applyEdits sets the fields an analyst edited on a document's metadata.
func applyEdits(m *corpus.Meta, e index.DocEdit) {
	for _, f := range []struct {
		dst *string
		v   *string
	}{{&m.Title, e.Title}, {&m.Issuer, e.Issuer}, {&m.Date, e.Date}, {&m.Reference, e.Reference}, {&m.Lang, e.Lang}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
}

// oneLine puts an error on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
