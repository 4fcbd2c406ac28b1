package index

import (
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// releaseRead lets go of the pages of v, a value the read-only transaction
// tx read through the store's memory map and will not read again: see
// releasePages. Values of a writable transaction may be in the process's
// own memory, not the map, and are left alone, as is anything outside
// the map.
func releaseRead(tx *bolt.Tx, v []byte) {
	if tx.Writable() || len(v) == 0 {
		return
	}
	start := tx.DB().Info().Data
	at := uintptr(unsafe.Pointer(unsafe.SliceData(v)))
	if at < start || at+uintptr(len(v)) > start+uintptr(tx.Size()) {
		return
	}
	releasePages(v)
}
