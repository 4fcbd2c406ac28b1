package index

import (
	"context"
	"os"
	"path/filepath"
	"time"
)

// writeLockFile, in the library folder, is locked by the process changing
// the library (an import, an edit, a removal) for as long as the change
// takes, and briefly by every process opening the library: so a second
// import, or a command started during an import, waits for the first to
// finish instead of failing or, worse, losing the first one's passages.
const writeLockFile = "write.lock"

// writeLock is a held lock on the library folder's writeLockFile.
type writeLock struct{ f *os.File }

// lockLibrary takes the library folder's lock, exclusive for a change or
// shared for opening, telling notice once when it must wait for another
// process. It stops waiting when ctx is done.
func lockLibrary(ctx context.Context, dir string, exclusive bool, notice func(string)) (*writeLock, error) {
	f, err := os.OpenFile(filepath.Join(dir, writeLockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	told := false
	for {
		ok, err := tryLock(f, exclusive)
		if err != nil {
			f.Close()
			return nil, err
		}
		if ok {
			return &writeLock{f}, nil
		}
		if !told {
			told = true
			notice("waiting for another Attaché process to finish changing the library")
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// unlock releases the lock.
func (w *writeLock) unlock() {
	if w != nil && w.f != nil {
		unlockFile(w.f)
		w.f.Close()
		w.f = nil
	}
}
