package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"attache/index/corpus"
)

// docsDir is the folder, inside the library folder, that holds the
// documents a user imported, one corpus.Document as JSON per file.
const docsDir = "docs"

// loadStoredDocs reads the imported documents in dir, in file name order.
// A file that cannot be read is left out with a notice; a missing folder
// holds no documents.
func loadStoredDocs(dir string, notice func(string)) []*corpus.Document {
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
	var docs []*corpus.Document
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name))
		var d corpus.Document
		if err == nil {
			err = json.Unmarshal(b, &d)
		}
		if err == nil && d.ID == "" {
			err = fmt.Errorf("no document ID")
		}
		if err != nil {
			notice(fmt.Sprintf("leaving out imported document %s: %v", name, err))
			continue
		}
		docs = append(docs, &d)
	}
	return docs
}
