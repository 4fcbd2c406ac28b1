package cli

import (
	"fmt"

	"attache/briefing"
)

// loadBrief opens a brief for a command and gives, once, the warnings the
// file itself calls for (addresses that will not become live links).
func loadBrief(env *Env, path string) (*briefing.Brief, error) {
	b, err := briefing.Load(path)
	if err != nil {
		return nil, err
	}
	if w := b.LinkWarning(); w != "" {
		fmt.Fprintf(env.Stderr, "attache: warning: %s\n", oneLine(w))
	}
	return b, nil
}
