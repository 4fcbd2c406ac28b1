package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// journalFile, in the library folder, listed the moves of an import being
// committed by an earlier Attaché, which kept its documents in files. Its
// presence at Open means such an import was stopped while its files were
// moved in; Open finishes the moves. Imports now keep their journal in the
// store (metaJournal), written in the transaction that commits them.
const journalFile = "import-journal.json"

// stagingPrefix starts the names of the folders imports stage their files
// in; a staging folder whose process is gone and that no journal names is
// an import that never committed, and is deleted.
const stagingPrefix = ".import-"

// importTx stages an import's files and moves them into the library.
type importTx struct {
	mu      sync.Mutex
	dir     string   // the library folder
	staging string   // the staging folder's name inside dir
	Moves   []string `json:"moves"`   // paths relative to dir (and to staging)
	Removes []string `json:"removes"` // paths relative to dir
	Staging string   `json:"staging"`
}

// newImportTx makes a staging folder holding the importing process's ID.
func newImportTx(dir string) (*importTx, error) {
	st, err := os.MkdirTemp(dir, stagingPrefix+"*")
	if err != nil {
		return nil, fmt.Errorf("staging the import: %w", err)
	}
	if err := os.WriteFile(filepath.Join(st, "pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(st)
		return nil, err
	}
	name := filepath.Base(st)
	return &importTx{dir: dir, staging: name, Staging: name}, nil
}

// stage writes one file into the staging folder; commit syncs them all at
// once. It is safe for concurrent use.
func (tx *importTx) stage(rel string, data []byte) error {
	p := filepath.Join(tx.dir, tx.staging, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("staging %s: %w", rel, err)
	}
	tx.mu.Lock()
	tx.Moves = append(tx.Moves, rel)
	tx.mu.Unlock()
	return nil
}

// unstage takes a staged file out of the import. It is safe for
// concurrent use.
func (tx *importTx) unstage(rel string) {
	tx.mu.Lock()
	defer tx.mu.Unlock()
	for i, m := range tx.Moves {
		if m == rel {
			tx.Moves = append(tx.Moves[:i], tx.Moves[i+1:]...)
			os.Remove(filepath.Join(tx.dir, tx.staging, rel))
			return
		}
	}
}

// remove records a library file the import deletes when it commits.
func (tx *importTx) remove(rel string) { tx.Removes = append(tx.Removes, rel) }

// abort deletes the staging folder.
func (tx *importTx) abort() { os.RemoveAll(filepath.Join(tx.dir, tx.staging)) }

// prepare syncs the staged files and returns the journal to write in the
// store's commit transaction (metaJournal): once that transaction is
// committed, the moves are finished by apply here or by the next Open.
func (tx *importTx) prepare() ([]byte, error) {
	if err := tx.syncStaged(); err != nil {
		return nil, fmt.Errorf("syncing the staged import: %w", err)
	}
	return json.Marshal(tx)
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

// finishStoreJournal finishes the file moves of an import that committed
// to the store (with its journal) but was stopped before it moved its
// originals in, then clears the journal. s is open for writing.
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
