package corpus

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// countingContext counts how often the parse asks whether it is done.
type countingContext struct {
	context.Context
	asked atomic.Int64
}

func (c *countingContext) Err() error {
	c.asked.Add(1)
	return c.Context.Err()
}

// TestParseContextAsksAsItGoes checks that a parse asks its context all
// along (so an import's cancel takes effect within the file, not after
// it), and that a cancelled parse fails with the context's error. Before
// the fix the parse had no context: a cancelled import waited for it.
func TestParseContextAsksAsItGoes(t *testing.T) {
	raw := shortParagraphs(1_000_000)
	ctx := &countingContext{Context: context.Background()}
	if _, err := ParseContext(ctx, Meta{ID: "p", Lang: "en"}, raw); err != nil {
		t.Fatal(err)
	}
	if n := ctx.asked.Load(); n < 50 {
		t.Errorf("the parse of 1 MB asked its context %d times", n)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	d, err := ParseContext(done, Meta{ID: "p", Lang: "en"}, raw)
	if !errors.Is(err, context.Canceled) || d != nil {
		t.Errorf("cancelled parse: %v, %v", d, err)
	}
}
