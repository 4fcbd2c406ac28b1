package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// journalFile, in the library folder, listed the moves of an import being
// committed by an earlier Attaché, which kept its documents in files. Its
// presence at Open means such an import was stopped while its files were
// moved in; Open finishes the moves. Imports now keep their journal in the
// store (metaJournal), written in the transaction that commits them.
const journalFile = "import-journal.json"

// stagingPrefix starts the names of the folders an earlier Attaché's
// imports staged their files in; a staging folder whose process is gone
// and that no journal names is an import that never committed, and is
// deleted.
const stagingPrefix = ".import-"

// importTx is the journal of an import made by an earlier Attaché, which
// staged the copies of its originals as files in a staging folder and
// moved them into the library folder once its documents were committed
// (with this journal, in the store or in journalFile). Open finishes such
// a journal's moves; the copies moved in are then converted into the store
// (convertOldOriginals).
type importTx struct {
	dir     string   // the library folder
	Moves   []string `json:"moves"`   // paths relative to dir (and to staging)
	Removes []string `json:"removes"` // paths relative to dir
	Staging string   `json:"staging"`
}

// apply does the journal's moves and removals; moves already done are
// skipped, so applying twice is harmless.
func (tx *importTx) apply() error {
	touched := map[string]bool{}
	for _, rel := range tx.Moves {
		if !safeRel(rel) {
			continue
		}
		from := filepath.Join(tx.dir, tx.Staging, rel)
		to := filepath.Join(tx.dir, rel)
		if _, err := os.Stat(from); err != nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := os.Rename(from, to); err != nil {
			if _, serr := os.Stat(from); os.IsNotExist(serr) {
				// another process finishing this journal at Open moved
				// it in between the Stat above and the Rename
				continue
			}
			return fmt.Errorf("moving %s into the library: %w", rel, err)
		}
		touched[filepath.Dir(to)] = true
	}
	for _, rel := range tx.Removes {
		if safeRel(rel) {
			os.Remove(filepath.Join(tx.dir, rel))
			touched[filepath.Dir(filepath.Join(tx.dir, rel))] = true
		}
	}
	for d := range touched {
		syncDir(d)
	}
	if err := os.Remove(filepath.Join(tx.dir, journalFile)); err != nil && !os.IsNotExist(err) {
		return err
	}
	syncDir(tx.dir)
	os.RemoveAll(filepath.Join(tx.dir, tx.Staging))
	return nil
}

// safeRel reports whether a journal path stays inside the library folder.
func safeRel(rel string) bool {
	return rel != "" && !filepath.IsAbs(rel) && filepath.IsLocal(rel)
}

// finishImport repairs what a stopped import of an earlier Attaché left
// in the library folder dir (see finishFileJournal), then deletes the
// staging folders of imports that never committed.
func finishImport(dir string, notice func(string)) {
	removeAbandonedStaging(dir, finishFileJournal(dir, notice))
}

// finishFileJournal finishes an import whose journal file was written (by
// an earlier Attaché, which kept the journal in a file). It returns the
// staging folder of a journal that could not be finished, which holds the
// files the journal still has to move in.
func finishFileJournal(dir string, notice func(string)) (keep string) {
	b, err := os.ReadFile(filepath.Join(dir, journalFile))
	if err != nil {
		return ""
	}
	var tx importTx
	if err := json.Unmarshal(b, &tx); err != nil || !safeRel(tx.Staging) || !strings.HasPrefix(tx.Staging, stagingPrefix) {
		notice("discarding an unreadable import journal")
		os.Remove(filepath.Join(dir, journalFile))
		return ""
	}
	tx.dir = dir
	notice("finishing an import that was interrupted")
	if err := tx.apply(); err != nil {
		notice("cannot finish an interrupted import: " + oneLine(err))
		return tx.Staging
	}
	return ""
}

// finishStoreJournal finishes the file moves of an import (by an earlier
// Attaché) that committed to the store, with its journal, but was stopped
// before it moved its originals in, then clears the journal. s is open for
// writing.
func finishStoreJournal(dir string, s *docStore, journal []byte, notice func(string)) error {
	var tx importTx
	if err := json.Unmarshal(journal, &tx); err != nil || !safeRel(tx.Staging) || !strings.HasPrefix(tx.Staging, stagingPrefix) {
		notice("discarding an unreadable import journal")
	} else {
		tx.dir = dir
		notice("finishing an import that was interrupted")
		if err := tx.apply(); err != nil {
			return fmt.Errorf("cannot finish an interrupted import: %v", oneLine(err))
		}
	}
	return s.update(func(btx *bolt.Tx) error { return btx.Bucket(bucketMeta).Delete(metaJournal) })
}

// removeAbandonedStaging deletes the staging folders of imports that never
// committed, but keep and those of running processes.
func removeAbandonedStaging(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix) && e.Name() != keep && !stagingAlive(filepath.Join(dir, e.Name())) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// stagingAlive reports whether the process that made a staging folder is
// still running (and may still be importing).
func stagingAlive(st string) bool {
	b, err := os.ReadFile(filepath.Join(st, "pid"))
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
