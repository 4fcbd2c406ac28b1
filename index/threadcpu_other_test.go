//go:build !linux

package index

import "time"

// threadCPU is the processor time the calling thread has used: not
// measured here.
func threadCPU() time.Duration { return 0 }
