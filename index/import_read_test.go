package index

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestReadDocumentsKeep(t *testing.T) {
	// Keep sees each document read, with its ID, before ready does; a
	// file it fails is skipped with its error, and never handed on.
	src := writeFolder(t, 4)
	var mu sync.Mutex
	kept := map[string]bool{}
	opt := ReadOptions{Keep: func(f *ReadFile) error {
		if f.Doc == nil || f.Doc.ID == "" || len(f.Data) == 0 {
			t.Errorf("Keep got %s without its document or bytes", f.Path)
		}
		if strings.HasSuffix(f.Path, "report-02.md") {
			return errors.New("no room for the copy")
		}
		mu.Lock()
		kept[f.Doc.ID] = true
		mu.Unlock()
		f.Data = nil
		return nil
	}}
	var ready []string
	_, rep, err := ReadDocuments(context.Background(), []string{src}, opt, func(f *ReadFile) error {
		mu.Lock() // the other files' Keep may write kept meanwhile
		defer mu.Unlock()
		if !kept[f.Doc.ID] {
			t.Errorf("%s handed on before Keep kept it", f.Path)
		}
		ready = append(ready, f.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ready) != 3 {
		t.Errorf("%d documents handed on, want 3: %v", len(ready), ready)
	}
	found := false
	for _, s := range rep.Skipped {
		if strings.HasSuffix(s.Path, "report-02.md") && s.Reason == "no room for the copy" {
			found = true
		}
	}
	if !found {
		t.Errorf("the file Keep failed is not skipped with its reason: %+v", rep.Skipped)
	}
}
