package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"attache/briefing"
	"attache/index"
)

// testLib is one real library built from the seeds for the whole test run:
// building its index is the slow part.
var testLib index.Library

func TestMain(m *testing.M) {
	os.Setenv("LANGUAGE", "en")
	loadTranslations("")
	dir, err := os.MkdirTemp("", "attache-app-test-")
	if err != nil {
		panic(err)
	}
	lib, err := openIndex(dir, nil)
	if err != nil {
		os.RemoveAll(dir)
		panic(err)
	}
	testLib = lib
	code := m.Run()
	lib.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newTestUI builds the window's content on the test driver with the seed
// library, searching and loading at once instead of in goroutines.
func newTestUI(t testing.TB) *ui {
	t.Helper()
	return newTestUIWith(t, testLib)
}

// newTestUIWith is newTestUI on the library lib.
func newTestUIWith(t testing.TB, lib index.Library) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newReadableTheme())
	w := a.NewWindow("Attaché")
	u := newUI(a, w)
	u.background = func(f func()) { f() }
	u.delay = 0
	u.autosaveDelay = 0
	w.SetContent(u.layout())
	w.SetMainMenu(u.buildMenu())
	u.addShortcuts()
	w.Resize(fyne.NewSize(1280, 800))
	b, err := newBriefFrom("briefing-note", "Digital diplomacy")
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	docs, err := readDocTable(lib)
	if err != nil {
		t.Fatal(err)
	}
	u.setLibrary(lib, docs)
	t.Cleanup(w.Close)
	return u
}

// search types a query into the search field and checks it found hits.
func search(t *testing.T, u *ui, q string) {
	t.Helper()
	u.search.query.SetText("")
	test.Type(u.search.query, q)
	if len(u.search.hits) == 0 {
		t.Fatalf("query %q: no hits; message %q", q, u.search.message.Text)
	}
}

// rowText renders hit i the way the result list does and returns its text.
func rowText(u *ui, i int) string {
	r := newHitRow(u.search)
	r.show(i)
	return r.text()
}

// briefBytes is the brief as its file would hold it.
func briefBytes(t *testing.T, b *briefing.Brief) string {
	t.Helper()
	data, err := briefing.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// tempPath is a path in a test's temporary folder.
func tempPath(t *testing.T, name string) string { return filepath.Join(t.TempDir(), name) }
