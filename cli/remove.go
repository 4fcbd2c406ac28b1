package cli

import (
	"fmt"
)

// runRemove implements "attache remove ID…".
func runRemove(env *Env, args []string) error {
	fs := newFlags("remove")
	ids, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return usagef("remove: no document ID given")
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	for _, id := range ids {
		if err := lib.Remove(id); err != nil {
			return fmt.Errorf("remove: %w", err)
		}
		fmt.Fprintf(env.Stdout, "removed %s\n", id)
	}
	return nil
}
