package app

import (
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// fileState is what a window knows of its brief's file and of its own
// autosave copy. It is kept beside the ui (see files) and, like the ui's
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

// fileStates holds each ui's fileState.
var fileStates sync.Map // *ui → *fileState

// lastToken makes each window's token unique within the process.
var lastToken atomic.Int64

// files returns the window's fileState, made the first time it is asked
// for.
func (u *ui) files() *fileState {
	if s, ok := fileStates.Load(u); ok {
		return s.(*fileState)
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
	s, _ := fileStates.LoadOrStore(u, &fileState{pid: pid, start: processStart(pid), token: token})
	return s.(*fileState)
}
