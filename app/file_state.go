package app

import (
	"os"
	"sync/atomic"
	"time"
)

// fileState is what a window knows of its brief's file and of its own
// autosave copy. It is the ui's (see files) and, like the ui's other
// fields, touched on the UI goroutine only.
type fileState struct {
	// known is the SHA-256 of the brief's file as this window last read
	// or wrote it; nil when the brief has no file, or its state is not
	// known.
	known []byte
	// pid and start name the process this window runs in (start is ""
	// where it is not read), and token this window in it: together they
	// name the window's autosave copy, which no other run writes over.
	pid   int
	start string
	token int64
	// offered is the autosave copy of another run whose restoring is
	// being offered; nil when none is.
	offered *autosaveCopy
}

// lastToken makes each window's token unique within the process.
var lastToken atomic.Int64

// files returns the window's fileState, made the first time it is asked
// for.
func (u *ui) files() *fileState {
	if u.file != nil {
		return u.file
	}
	token := time.Now().UnixNano()
	for {
		last := lastToken.Load()
		if token <= last {
			token = last + 1
		}
		if lastToken.CompareAndSwap(last, token) {
			break
		}
	}
	pid := os.Getpid()
	u.file = &fileState{pid: pid, start: processStart(pid), token: token}
	return u.file
}
