package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"attache/atomicfile"
)

// stampFile is the version stamp of the index, beside it in the library
// folder.
const stampFile = "index.json"

// stamp says what an index was built from.
type stamp struct {
	// Mapping is the MappingVersion the index was built with.
	Mapping int `json:"mapping"`
	// Corpus is the fingerprint of the documents indexed.
	Corpus string `json:"corpus"`
	// Passages is the number of passages indexed.
	Passages int `json:"passages"`
	// Updating is set while the index is changed in place (an import, an
	// edit, a removal): a stamp still saying so at Open means the change
	// was interrupted, and the index is rebuilt.
	Updating bool `json:"updating,omitempty"`
}

// readStamp reads the stamp in dir. A missing stamp is (nil, nil).
func readStamp(dir string) (*stamp, error) {
	b, err := os.ReadFile(filepath.Join(dir, stampFile))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s stamp
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s is not a valid stamp: %v", stampFile, err)
	}
	return &s, nil
}

// writeStamp writes the stamp in dir atomically.
func writeStamp(dir string, s stamp) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, stampFile), append(b, '\n'))
}

// writeFileAtomic writes data to path atomically (atomicfile.WriteFile):
// path holds either the old content or the new, never a part.
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteFile(path, data)
}

// syncDir flushes a folder's entries to disk where the system allows it.
func syncDir(dir string) { atomicfile.SyncDir(dir) }
