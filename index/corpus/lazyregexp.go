package corpus

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a regular expression compiled on first use: the
// package's forty-odd patterns took 1.5 ms to compile at every start of
// every process that links corpus, and most (a search, the window) never
// parse a document. TestPatternsCompile compiles every one.
func lazyRegexp(expr string) func() *regexp.Regexp {
	patterns = append(patterns, expr)
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// patterns are the expressions given to lazyRegexp, for the test.
var patterns []string
