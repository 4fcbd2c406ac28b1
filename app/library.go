package app

import (
	"context"

	"attache/index"
	"attache/index/team"
	"attache/seeds"
)

// openIndex opens the library at where: a team library when it is a
// postgres:// or postgresql:// URL, else the library folder where ("" for
// the default) with the seed texts, passing the index's notices (such as
// a rebuild starting) to notice.
func openIndex(where string, notice func(string)) (index.Library, error) {
	if team.IsURL(where) {
		return team.Open(context.Background(), team.Config{URL: where})
	}
	lib, err := index.Open(index.Config{Dir: where, Seeds: seeds.FS, Notice: notice})
	if err != nil {
		return nil, err
	}
	return lib, nil
}
