package app

import (
	"os"
	"strings"
	"testing"
)

// In an Italian window the results and the reader show a passage's locator in Italian
// ("par. 2"), as an Italian brief prints it; the passage keeps its own.
func TestReaderShowsLocatorInTheInterfaceLanguage(t *testing.T) {
	u, at := italianHitWithParaLocator(t)
	loc := u.search.hits[at].Locator
	row := newHitRow(u.search)
	row.show(at)
	if got := row.loc.String(); !strings.HasPrefix(got, "par. ") {
		t.Errorf("Italian result row shows %q for %q", got, loc)
	}
	u.search.list.Select(at)
	want := "par. " + strings.TrimPrefix(loc, "para. ")
	want = strings.Replace(want, "(", ", lett. ", 1)
	if !strings.Contains(u.reader.path.Text, want) || strings.Contains(u.reader.path.Text, "para.") {
		t.Errorf("Italian reader's path %q, want %q for %q", u.reader.path.Text, want, loc)
	}
	if text := u.reader.text.String(); !strings.HasPrefix(text, want) {
		t.Errorf("Italian reader's passage starts %.40q, want %q", text, want)
	}
	if ps, _, _ := u.reader.passage(); ps.Locator != loc {
		t.Errorf("the passage's locator became %q", ps.Locator)
	}
}

// The reader's citation reads as the brief's note would: in an Italian
// brief, "par." and the Italian date; in an English one, as stored.
func TestReaderCitationInTheBriefLanguage(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "azioni prioritarie diplomazia digitale")
	at := -1
	for i, h := range u.search.hits {
		if strings.HasPrefix(h.Locator, "para. ") && h.DocID == "council-2023" {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatal("no Council hit with a para. locator")
	}
	u.search.list.Select(at)
	if got := u.reader.citation.Text; !strings.Contains(got, "June 2023) para. ") {
		t.Errorf("English brief's citation %q", got)
	}
	u.ed.Brief().Lang = "it"
	u.search.list.Unselect(at)
	u.search.list.Select(at)
	if got := u.reader.citation.Text; !strings.Contains(got, "giugno 2023) par. ") || strings.Contains(got, "para.") {
		t.Errorf("Italian brief's citation %q", got)
	}
}

// In an Italian window a quotation's locator reads in Italian in the
// outline row, its detail and the status line after adding it, as in the
// results and the reader; the excerpt keeps the stored one.
func TestOutlineShowsLocatorInTheInterfaceLanguage(t *testing.T) {
	u, at := italianHitWithParaLocator(t)
	u.search.list.Select(at)
	u.addSelected()
	xs := u.ed.Brief().Excerpts()
	if len(xs) != 1 {
		t.Fatalf("%d excerpts after adding one", len(xs))
	}
	x := xs[0]
	if !strings.HasPrefix(x.Locator, "para. ") {
		t.Errorf("the excerpt's stored locator became %q", x.Locator)
	}
	for what, got := range map[string]string{
		"status line":   u.status.Text,
		"outline row":   u.brief.outline.nodeLabel(exNode + x.ID),
		"excerpt where": excerptSource(x),
	} {
		if !strings.Contains(got, "par. ") || strings.Contains(got, "para.") {
			t.Errorf("Italian %s %q, want the locator as par.", what, got)
		}
	}
}

// italianHitWithParaLocator opens a window in Italian, searches
// "diplomazia digitale" and returns the index of the first hit whose
// stored locator is a "para." one; the window goes back to English after
// the test.
func italianHitWithParaLocator(t *testing.T) (*ui, int) {
	t.Helper()
	u := newTestUI(t)
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		loadTranslations("")
	})
	u.setLanguage("it")
	search(t, u, "diplomazia digitale")
	for i, h := range u.search.hits {
		if strings.HasPrefix(h.Locator, "para. ") {
			return u, i
		}
	}
	t.Fatal("no hit for \"diplomazia digitale\" has a para. locator")
	return nil, -1
}
