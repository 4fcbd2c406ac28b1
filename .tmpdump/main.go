package main

import (
	"encoding/json"
	"fmt"
	"os"

	"attache/index"
	"attache/seeds"
)

func main() {
	lib, err := index.Open(index.Config{Dir: os.Args[1], Seeds: seeds.FS})
	if err != nil {
		panic(err)
	}
	defer lib.Close()
	docs, _ := lib.Documents()
	enc := json.NewEncoder(os.Stdout)
	for _, di := range docs {
		if di.Seed {
			continue
		}
		d, err := lib.Document(di.ID)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		for _, p := range d.Passages {
			enc.Encode(map[string]any{"id": p.ID, "doc": d.ID, "title": d.Title, "lang": p.Lang, "section": p.Section, "kind": p.Kind, "text": p.Text})
		}
	}
}
