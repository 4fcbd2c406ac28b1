package index

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// How changes reach the index's disk. An index open for writing takes
// batches without waiting for each to be written and synced (Bleve's
// unsafe_batch): its persister writes them behind the change while the
// next are read and analysed. A change is durable only once the indexer
// has waited for everything it sent (indexer.finish, through persisted),
// which every change does before it stamps the index as holding the
// store's documents; a change killed before then leaves the stamp saying
// Updating, and the next Open rebuilds the index from the store. Before,
// each batch waited for its own fsync: 37 of them for the GIMP manual.

// asyncErrorCallback is the name under which Bleve reports a failure of
// its persister (a full disk) to persistErrors.
const asyncErrorCallback = "attache-persist"

var (
	registerOnce sync.Once
	// persistErrors maps the store folder of an index open for writing
	// to the channel its indexer waits on (see persisted).
	persistErrors sync.Map
)

// writeConfig is the configuration an index is opened or created with
// for writing.
func writeConfig() map[string]interface{} {
	registerOnce.Do(func() {
		scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
			if ch, ok := persistErrors.Load(filepath.Clean(path)); ok {
				select {
				case ch.(chan error) <- err:
				default:
				}
			}
		}
	})
	return map[string]interface{}{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback}
}

// persisted waits until everything sent to idx so far is on its disk, or
// its persister fails.
func persisted(idx bleve.Index) error {
	failed := make(chan error, 1)
	key := filepath.Clean(filepath.Join(idx.Name(), "store"))
	persistErrors.Store(key, failed)
	defer persistErrors.Delete(key)
	done := make(chan error, 1)
	b := idx.NewBatch()
	b.SetPersistedCallback(func(err error) {
		select {
		case done <- err:
		default:
		}
	})
	// An empty batch makes a new snapshot of the index, persisted with
	// everything before it.
	if err := idx.Batch(b); err != nil {
		return err
	}
	select {
	case err := <-done:
		return err
	case err := <-failed:
		return fmt.Errorf("writing the index: %v", oneLine(err))
	}
}
