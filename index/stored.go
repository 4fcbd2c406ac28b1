package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"attache/index/corpus"
)

// docsDir is the folder, inside the library folder, that holds the
// documents a user imported, one corpus.Document as JSON per file.
const docsDir = "docs"

// storedDoc is the form of a document in docsDir: the document, its
// passages tagged with their themes, and the version of the tagging
// (themes.Taxonomy.Version) the tags were made with. Open tags again only
// the documents whose Tagger is not the library's.
type storedDoc struct {
	*corpus.Document
	Tagger string `json:"tagger,omitempty"`
}

// encodeStored is the content of a document's file in docsDir.
func encodeStored(d *corpus.Document, tagger string) ([]byte, error) {
	return json.Marshal(storedDoc{Document: d, Tagger: tagger})
}

// contentHash identifies a stored document by the bytes of its file; the
// store's fingerprint is made of these.
func contentHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// loadedDoc is a document read from docsDir.
type loadedDoc struct {
	doc    *corpus.Document
	tagger string // the version its tags were made with; "" for none
	hash   string // contentHash of its file
}

// loadStoredDocs reads the imported documents in dir, in file name order,
// several files at once. A file that cannot be read is left out with a
// notice; a missing folder holds no documents.
func loadStoredDocs(dir string, notice func(string)) []loadedDoc {
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
	docs := make([]loadedDoc, len(names))
	errs := make([]error, len(names))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(names)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				docs[i], errs[i] = loadStoredDoc(filepath.Join(dir, names[i]))
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
			notice(fmt.Sprintf("leaving out imported document %s: %v", names[i], errs[i]))
			continue
		}
		out = append(out, d)
	}
	return out
}

// loadStoredDoc reads one document of docsDir.
func loadStoredDoc(path string) (loadedDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return loadedDoc{}, err
	}
	sd := storedDoc{Document: &corpus.Document{}}
	if err := json.Unmarshal(b, &sd); err != nil {
		return loadedDoc{}, err
	}
	if sd.ID == "" {
		return loadedDoc{}, fmt.Errorf("no document ID")
	}
	return loadedDoc{doc: sd.Document, tagger: sd.Tagger, hash: contentHash(b)}, nil
}
