package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
)

// Attaché 0.x kept each imported document as a JSON file in the library
// folder (docs/ID.json, with the user's edits in docs/ID.edits). A folder
// in that form is converted into the store once, when it is opened; the
// old files are then kept aside in docs.old, untouched.

// oldDocsDir is the folder of the JSON files of the earlier form.
const oldDocsDir = "docs"

// convertedDocsDir is where the earlier form's files are kept once
// converted.
const convertedDocsDir = "docs.old"

// oldStoredDoc is a document's file in oldDocsDir: the document, its
// passages tagged with their themes, and the version of the tagging.
type oldStoredDoc struct {
	*corpus.Document
	Tagger string `json:"tagger,omitempty"`
}

// oldDoc is a document read from oldDocsDir.
type oldDoc struct {
	doc    *corpus.Document
	tagger string
}

// hasOldDocs reports whether the library folder holds documents in the
// earlier form.
func hasOldDocs(dir string) bool {
	names, _ := filepath.Glob(filepath.Join(dir, oldDocsDir, "*.json"))
	return len(names) > 0
}

// convertOldDocs puts the documents of oldDocsDir and their edits into the
// store, tagging again those tagged by another version, and returns how
// many it converted. A file that cannot be read is left out with a notice
// (it stays in docs.old).
func (l *Local) convertOldDocs(tx *bolt.Tx) (int, error) {
	dir := filepath.Join(l.dir, oldDocsDir)
	loaded := loadOldDocs(dir, l.notice)
	tax, stats, tagger := l.tagger()
	var stale []*corpus.Document
	for _, ld := range loaded {
		if ld.tagger != tagger {
			stale = append(stale, ld.doc)
		}
	}
	tax.TagWith(stats, stale)
	n := 0
	for _, ld := range loaded {
		d := ld.doc
		if rec, err := getDocRecord(tx, d.ID, false); err == nil && rec.Seed {
			l.notice(fmt.Sprintf("leaving out imported document %s: a seed has its ID", d.ID))
			continue
		}
		// A document whose passage IDs clash with another's is left out,
		// as before (putDocument checks before it writes anything).
		if _, err := putDocument(tx, d, false, tagger, catalogueOrder(d.ID, false, 0)); err != nil {
			l.notice(fmt.Sprintf("leaving out document %s: %v", d.ID, err))
			continue
		}
		if b, err := os.ReadFile(filepath.Join(dir, d.ID+".edits")); err == nil {
			var e DocEdit
			if json.Unmarshal(b, &e) == nil {
				if err := putEdits(tx, d.ID, e); err != nil {
					return 0, err
				}
			}
		}
		n++
	}
	return n, nil
}

// setOldDocsAside moves the converted folder to docs.old (or docs.old-N
// when that is taken).
func setOldDocsAside(dir string) error {
	to := filepath.Join(dir, convertedDocsDir)
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); os.IsNotExist(err) {
			break
		}
		to = filepath.Join(dir, fmt.Sprintf("%s-%d", convertedDocsDir, i))
	}
	if err := os.Rename(filepath.Join(dir, oldDocsDir), to); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// loadOldDocs reads the documents in dir, in file name order, several
// files at once. A file that cannot be read is left out with a notice.
func loadOldDocs(dir string, notice func(string)) []oldDoc {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !os.IsNotExist(err) {
			notice(fmt.Sprintf("cannot read imported documents: %v", err))
		}
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	docs := make([]oldDoc, len(names))
	errs := make([]error, len(names))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(names)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				docs[i], errs[i] = loadOldDoc(filepath.Join(dir, names[i]))
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	out := docs[:0]
	for i, d := range docs {
		if errs[i] != nil {
			notice(fmt.Sprintf("leaving out imported document %s: %v", names[i], oneLine(errs[i])))
			continue
		}
		out = append(out, d)
	}
	return out
}

// loadOldDoc reads one document of oldDocsDir.
func loadOldDoc(path string) (oldDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return oldDoc{}, err
	}
	sd := oldStoredDoc{Document: &corpus.Document{}}
	if err := json.Unmarshal(b, &sd); err != nil {
		return oldDoc{}, err
	}
	if sd.ID == "" {
		return oldDoc{}, fmt.Errorf("no document ID")
	}
	return oldDoc{doc: sd.Document, tagger: sd.Tagger}, nil
}
