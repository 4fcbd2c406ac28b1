package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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

func TestReadDocumentsHalfTranslatedPage(t *testing.T) {
	// 2.19. Chiudi and 8.55. Soglia of the Italian GIMP manual, some of
	// their paragraphs left in English, have about as many Italian stop
	// words as English ones: read with the rest of their Italian folder
	// they are Italian, passages and all, so an Italian search analyses
	// them as Italian (they were stored "en": elided articles, l'immagine,
	// counted for no language, and a 5% lead decided).
	dir := t.TempDir()
	page, err := os.ReadFile("extract/testdata/gimp-it-file-close.html")
	if err != nil {
		t.Fatal(err)
	}
	threshold, err := os.ReadFile("extract/testdata/gimp-it-tool-threshold.html")
	if err != nil {
		t.Fatal(err)
	}
	other := "<html><head><title>2.20. Esci</title></head><body><p>Il comando Esci chiude tutte le immagini aperte e termina il programma. " +
		"Se ci sono immagini modificate che non sono state salvate, viene chiesto di salvarle o di scartare le modifiche.</p></body></html>"
	for name, data := range map[string][]byte{"gimp-file-close.html": page, "gimp-tool-threshold.html": threshold, "gimp-file-quit.html": []byte(other)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	langs := map[string]string{}
	var mu sync.Mutex
	_, _, err = ReadDocuments(context.Background(), []string{dir}, ReadOptions{}, func(f *ReadFile) error {
		mu.Lock()
		defer mu.Unlock()
		langs[filepath.Base(f.Path)] = f.Doc.Lang
		for _, p := range f.Doc.Passages {
			if p.Lang != f.Doc.Lang {
				t.Errorf("%s: passage %s is %q, its document %q", f.Path, p.ID, p.Lang, f.Doc.Lang)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(langs) != 3 || langs["gimp-file-close.html"] != "it" || langs["gimp-tool-threshold.html"] != "it" || langs["gimp-file-quit.html"] != "it" {
		t.Errorf("languages %v, want all three it", langs)
	}
}
