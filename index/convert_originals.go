package index

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Attaché up to 83fedc3 kept the copy of each imported file as a file of
// its own in the library folder (originals/<document ID><extension>). A
// folder in that form is converted once, when it is opened: the copies
// move into the store (originals.go), in transactions of a few megabytes,
// and each file is deleted once its transaction is committed, so a
// conversion stopped half way is finished by the next Open with nothing
// lost. A file no imported document names is kept in originals.old, as is
// one whose document has its original in the store already and was not
// read from that file. Until a folder is converted (its conversion failed,
// or another process had the store open), the copies are read from their
// files.

// convertedOriginalsDir is where the files of originalsDir that no
// imported document names are kept after a conversion.
const convertedOriginalsDir = "originals.old"

// hasOldOriginals reports whether the library folder dir holds copies of
// originals as files, to convert.
func hasOldOriginals(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, originalsDir))
	return err == nil && info.IsDir()
}

// originalsConversion says what convertOldOriginals did.
type originalsConversion struct {
	moved int    // files moved into the store
	kept  int    // files no imported document names, kept aside
	where string // where those are kept
}

// convertOldOriginals moves the copies of the originals in dir's
// originalsDir into the store s, open for writing. The file of document
// id is <id><extension>; one whose document is not in the store, or is a
// seed, stays a file, and the folder is then renamed convertedOriginalsDir.
func convertOldOriginals(dir string, s *docStore) (originalsConversion, error) {
	var conv originalsConversion
	folder := filepath.Join(dir, originalsDir)
	entries, err := os.ReadDir(folder)
	if err != nil {
		return conv, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > 0 {
		// a batch of about originalsBatch bytes
		n, size := 0, int64(0)
		for n < len(names) && (n == 0 || size < int64(originalsBatch)) {
			if info, err := os.Stat(filepath.Join(folder, names[n])); err == nil {
				size += info.Size()
			}
			n++
		}
		batch := names[:n]
		names = names[n:]
		var moved []string
		err := s.update(func(tx *bolt.Tx) error {
			moved = moved[:0]
			for _, name := range batch {
				id, _, _ := strings.Cut(name, ".")
				rec, err := getDocRecord(tx, id, false)
				if err != nil || rec.Seed {
					continue
				}
				data, err := os.ReadFile(filepath.Join(folder, name))
				if err != nil {
					return fmt.Errorf("reading the copy of the original %s: %v", name, oneLine(err))
				}
				hash := originalHash(data)
				if hash != rec.Checksum && tx.Bucket(bucketOriginalOf).Get([]byte(id)) != nil {
					// not the file the document was read from, and the
					// store has that one: kept aside
					continue
				}
				if _, err := putOriginal(tx, hash, data, false); err != nil {
					return err
				}
				old, err := nameOriginal(tx, id, hash)
				if err != nil {
					return err
				}
				if err := dropUnusedOriginals(tx, []string{old}); err != nil {
					return err
				}
				moved = append(moved, name)
			}
			return nil
		})
		if err != nil {
			return conv, fmt.Errorf("moving the copies of the originals into the store: %w", err)
		}
		// committed: the files are in the store
		for _, name := range moved {
			if err := os.Remove(filepath.Join(folder, name)); err != nil && !os.IsNotExist(err) {
				return conv, err
			}
		}
		conv.moved += len(moved)
	}
	syncDir(folder)
	if err := os.Remove(folder); err == nil {
		syncDir(dir)
		return conv, nil
	}
	// Files no document names (or not regular files) are left: kept aside.
	left, _ := os.ReadDir(folder)
	conv.kept = len(left)
	to := filepath.Join(dir, convertedOriginalsDir)
	for i := 2; ; i++ {
		if _, err := os.Lstat(to); os.IsNotExist(err) {
			break
		}
		to = filepath.Join(dir, fmt.Sprintf("%s-%d", convertedOriginalsDir, i))
	}
	if err := os.Rename(folder, to); err != nil {
		return conv, err
	}
	syncDir(dir)
	conv.where = filepath.Base(to)
	return conv, nil
}

// notice is the one-line notice of a conversion of the copies of the
// originals of the library in dir.
func (c originalsConversion) notice(dir string) string {
	msg := fmt.Sprintf("converting the library in %s: the copies of %s move into its store", dir, files(c.moved, "imported file"))
	if c.kept > 0 {
		msg += "; " + c.keptAside()
	}
	return msg
}

// tidyStore, at Open, deletes what a killed import left of its originals,
// converts the library folder's originalsDir and makes the document list
// of a store that has none or an outdated one (doc_list.go), in one open
// for writing, when the store can be opened so (else, or when a step
// fails, it is left for a later Open: the copies are read from their
// files and the documents listed from their records meanwhile, and the
// library opens and works either way), and returns the store open
// read-only.
func (l *Local) tidyStore() (*docStore, error) {
	if w, err := openDocStore(l.dir, false); err == nil {
		conv, err := convertOriginalsAtOpen(l.dir, w)
		if err != nil {
			l.notice(originalsLater(err))
		} else if conv != nil {
			l.notice(conv.notice(l.dir))
		}
		if err := w.listDocuments(); err != nil {
			l.notice("listing the library's documents: " + oneLine(err) + "; they are read one by one until the next start")
		}
		w.close()
	}
	return openDocStore(l.dir, true)
}

// originalsLater is the notice of a conversion of the originals that
// failed, to be tried again at the next Open.
func originalsLater(err error) string {
	return "the copies of the originals stay files for now (" + oneLine(err) + "); they move into the store at the next start"
}

// convertOriginalsAtOpen, at Open with the store s open for writing,
// deletes what a killed import left of its originals and converts the
// library folder dir's originalsDir, if it has one (it returns what it
// converted, or nil).
func convertOriginalsAtOpen(dir string, s *docStore) (*originalsConversion, error) {
	if err := s.settlePending(); err != nil {
		return nil, err
	}
	if !hasOldOriginals(dir) {
		return nil, nil
	}
	conv, err := convertOldOriginals(dir, s)
	if err != nil {
		return nil, err
	}
	return &conv, nil
}

// also is what the notice of a conversion of the documents of an earlier
// Attaché adds for their originals' copies.
func (c *originalsConversion) also() string {
	if c == nil || c.moved == 0 && c.kept == 0 {
		return ""
	}
	msg := fmt.Sprintf("; the copies of %s move into the store", files(c.moved, "imported file"))
	if c.kept > 0 {
		msg += " (" + c.keptAside() + ")"
	}
	return msg
}

// files says n things, "1 file" or "2 files".
func files(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// oldOriginal reads the copy of document id's original that the library
// folder dir keeps as a file, not converted yet.
func oldOriginal(dir, id string) ([]byte, error) {
	files := oldOriginalFiles(dir, id)
	if len(files) == 0 {
		return nil, os.ErrNotExist
	}
	return os.ReadFile(files[0])
}

// oldOriginalFiles lists the copies of document id's original kept as
// files in the library folder dir.
func oldOriginalFiles(dir, id string) []string {
	folder := filepath.Join(dir, originalsDir)
	files, _ := filepath.Glob(filepath.Join(folder, id+".*"))
	if _, err := os.Stat(filepath.Join(folder, id)); err == nil {
		files = append(files, filepath.Join(folder, id))
	}
	return files
}

// dropOldOriginals deletes the copies of the originals of the documents
// ids kept as files, once a change committed replaced or removed them.
func dropOldOriginals(dir string, ids []string) {
	if !hasOldOriginals(dir) {
		return
	}
	for _, id := range ids {
		for _, p := range oldOriginalFiles(dir, id) {
			os.Remove(p)
		}
	}
}

// keptAside says where the files no document was read from are kept.
func (c *originalsConversion) keptAside() string {
	verb := "stay"
	if c.kept == 1 {
		verb = "stays"
	}
	return fmt.Sprintf("%s no document was read from %s in %s", files(c.kept, "file"), verb, c.where)
}
