package corpus

import "context"

// stopCheck tells the parse's loops when to give up: it asks the context
// once every 1024 calls, so that a cancelled import stops within a
// fraction of a second even in a 50 MB text, at no cost worth counting.
type stopCheck struct {
	ctx context.Context
	n   int
}

// stopped reports whether the parse should stop now.
func (s *stopCheck) stopped() bool {
	s.n++
	return s.n&1023 == 0 && s.ctx.Err() != nil
}
