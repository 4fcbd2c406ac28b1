package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"attache/index/corpus"
	"attache/index/themes"
)

// The seeds are parsed and tagged once, then kept in the store with their
// term statistics under a key made of the embedded seed files and the
// code's version: a later start with the same seeds and the same program
// reads nothing of them.

// seedKey identifies the parsed and tagged form of the seeds in fsys (nil:
// no seeds) made by this program (whose version covers the taxonomy it
// embeds and how it parses and tags).
func seedKey(fsys fs.FS) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "code %s\nmapping %d\nrecords %d\nschema %s\n",
		codeVersion(), MappingVersion, recordFormat, storeSchema)
	if fsys != nil {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d\n", p, len(b))
			h.Write(b)
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("seed library: %w", err)
		}
	} else {
		h.Write([]byte("no seeds"))
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

// CodeVersionEnv names the environment variable through which a program
// that starts another for its window (the lean build's launcher, see
// window_lean.go) hands on its CodeVersion, so that both are the same
// program to the seeds' cache: the window program, run from memory, has
// no executable file of its own to tell its build by.
const CodeVersionEnv = "ATTACHE_CODE_VERSION"

// CodeVersion identifies the running program (see codeVersion).
func CodeVersion() string { return codeVersion() }

// codeVersion identifies the running program: its commit when it was built
// from a clean checkout, else its executable's size and time, so that a
// rebuilt program parses the seeds again; CodeVersionEnv when set.
func codeVersion() string {
	if v := os.Getenv(CodeVersionEnv); v != "" {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", ""
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return rev
		}
	}
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("%s %d %d", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	return "unknown"
}

// seedState is what the store says about its seeds.
type seedState struct {
	key    string
	stats  []byte // the seeds' statistics, as JSON
	tagger string
}

// readSeedState reads the seed cache's key, statistics and tagging version.
func readSeedState(tx *bolt.Tx) seedState {
	meta := tx.Bucket(bucketMeta)
	return seedState{key: string(meta.Get(metaSeeds)), tagger: string(meta.Get(metaTagger)),
		stats: append([]byte(nil), meta.Get(metaStats)...)}
}

// refreshSeeds parses and tags the seeds in fsys (nil: none), puts them in
// the store in place of the seeds it held, and records key, the statistics
// and the tagging version. Documents the user imported that were tagged by
// another version are tagged again. It returns the statistics.
func (l *Local) refreshSeeds(tx *bolt.Tx, fsys fs.FS, key string) (*themes.Stats, error) {
	var docs []*corpus.Document
	if fsys != nil {
		var err error
		if docs, err = corpus.LoadSeeds(fsys); err != nil {
			return nil, fmt.Errorf("seed library: %w", err)
		}
	}
	// The seeds' statistics weigh every document's tags, and become the
	// shipped taxonomy's own, which Scores and Matrix use elsewhere
	// (drafts, the coverage matrix).
	tax := themes.Default()
	var stats *themes.Stats
	if len(docs) > 0 {
		stats = tax.TagDocuments(docs)
	}
	tagger := tax.Version(stats)
	keep := map[string]bool{}
	for _, d := range docs {
		keep[d.ID] = true
	}
	var oldSeeds, stale []string
	err := forEachDocHead(tx, func(rec *docRecord) error {
		switch {
		case rec.Seed && !keep[rec.ID]:
			oldSeeds = append(oldSeeds, rec.ID)
		case !rec.Seed && rec.Tagger != tagger:
			stale = append(stale, rec.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range oldSeeds {
		if _, err := deleteDocument(tx, id); err != nil {
			return nil, err
		}
	}
	for i, d := range docs {
		if _, err := putDocument(tx, d, true, tagger, catalogueOrder(d.ID, true, i)); err != nil {
			return nil, fmt.Errorf("seed library: %w", err)
		}
	}
	for _, id := range stale {
		d, rec, err := getDocument(tx, id)
		if err != nil {
			return nil, err
		}
		tax.TagWith(stats, []*corpus.Document{d})
		if _, err := putDocument(tx, d, false, tagger, rec.Order); err != nil {
			return nil, err
		}
	}
	sj, err := json.Marshal(stats)
	if err != nil {
		return nil, err
	}
	meta := tx.Bucket(bucketMeta)
	for k, v := range map[string][]byte{string(metaSeeds): []byte(key), string(metaStats): sj, string(metaTagger): []byte(tagger)} {
		if err := meta.Put([]byte(k), v); err != nil {
			return nil, err
		}
	}
	return stats, nil
}
