package app

import (
	"attache/index"
	"attache/seeds"
)

// openIndex opens the library folder dir ("" for the default) with the
// seed texts, passing the index's notices (such as a rebuild starting) to
// notice.
func openIndex(dir string, notice func(string)) (index.Library, error) {
	lib, err := index.Open(index.Config{Dir: dir, Seeds: seeds.FS, Notice: notice})
	if err != nil {
		return nil, err
	}
	return lib, nil
}
