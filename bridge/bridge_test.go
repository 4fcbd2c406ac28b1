package bridge

import (
	"errors"
	"strings"
	"testing"

	"attache/briefing"
	"attache/index"
	"attache/index/corpus"
	"attache/seeds"
)

func openSeeds(t *testing.T) *index.Local {
	t.Helper()
	lib, err := index.Open(index.Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// notedPassage returns a passage of the joint communication with footnotes.
func notedPassage(t *testing.T, lib index.Library) (*corpus.Passage, *corpus.Document) {
	t.Helper()
	doc, err := lib.Document("join-2025-140")
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Passages {
		if len(doc.Passages[i].Notes) > 0 {
			return &doc.Passages[i], doc
		}
	}
	t.Fatal("no passage with notes in join-2025-140")
	return nil, nil
}

func TestSnapshot(t *testing.T) {
	lib := openSeeds(t)
	p, doc := notedPassage(t, lib)
	x, err := Excerpt(lib, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if x.PassageID != p.ID || x.Text != p.Text || x.Full != p.Text || x.Locator != p.Locator || x.Page != p.Page {
		t.Errorf("excerpt %+v", x)
	}
	if x.Source.DocID != "join-2025-140" || x.Source.Reference != "JOIN(2025) 140 final" || x.Source.Place != "Bruxelles" ||
		x.Source.Title != doc.Title || x.Source.ShortTitle != doc.ShortTitle || x.Source.Lang != "it" || x.Language() != "it" {
		t.Errorf("source %+v", x.Source)
	}
	if len(x.Notes) != len(p.Notes) || x.Notes[0].Number != p.Notes[0].Number || x.Notes[0].Text != p.Notes[0].Text {
		t.Errorf("notes %+v, passage notes %+v", x.Notes, p.Notes)
	}
	// the snapshot is a copy: changing the passage does not change it
	p.Notes[0].Text = "changed"
	if x.Notes[0].Text == "changed" {
		t.Error("snapshot shares the passage's notes")
	}
	if _, err := Excerpt(lib, "no-such-passage"); err == nil || !strings.Contains(err.Error(), `no passage "no-such-passage"`) {
		t.Errorf("missing passage: %v", err)
	}
}

func TestCheckAgainstLibrary(t *testing.T) {
	lib := openSeeds(t)
	p, _ := notedPassage(t, lib)
	b, err := briefing.New(briefing.Header{Title: "Check"}, "meeting-brief")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := Excerpt(lib, p.ID)
	s := b.Sections[0].ID
	id1, _ := b.AddExcerpt(s, x, -1)
	changed := x
	changed.Full = strings.Replace(x.Full, " ", " alquanto ", 1)
	changed.Text = changed.Full
	id2, _ := b.AddExcerpt(s, changed, -1)
	gone := x
	gone.PassageID = "join-2025-140-gone"
	id3, _ := b.AddExcerpt(s, gone, -1)

	f, err := Check(lib, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(f) != 2 || f[0].ExcerptID != id2 || f[0].Kind != briefing.Changed || !strings.Contains(f[0].Diff, `−"alquanto"`) ||
		f[1].ExcerptID != id3 || f[1].Kind != briefing.Vanished {
		t.Fatalf("findings %+v (unchanged excerpt %s)", f, id1)
	}
	// a failing library is an error, not a vanished passage
	boom := errors.New("disk error")
	if _, err := Check(failing{err: boom}, b); !errors.Is(err, boom) {
		t.Errorf("failing library: %v", err)
	}
}

// failing is a library whose lookups fail; only Passage is implemented.
type failing struct {
	index.Library
	err error
}

func (f failing) Passage(string) (*corpus.Passage, error) { return nil, f.err }
