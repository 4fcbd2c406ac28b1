//go:build !linux

package index

import "time"

// threadCPU is the processor time the calling thread has used: not
// measured here.
func threadCPU() time.Duration { return 0 }

// processCPU is the processor time the whole process has used: not
// measured here.
func processCPU() time.Duration { return 0 }
