package themes

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"

	"attache/assets"
)

// The shipped taxonomy and glossary (assets/themes.json and
// assets/glossary.json) are also compiled in as Go values, in
// shipped_gen.go: the compiler lays them out as data, so a fresh process
// (every `attache search` that expands a query) takes them as they are
// instead of decoding 66 kB of JSON, which cost it 3–4 ms. The values
// carry the hash of the files they were made from; when the files have
// changed since (shipped_gen.go not regenerated), Default and
// DefaultGlossary read the JSON as before, and TestShippedData fails.
//
// Regenerate shipped_gen.go after changing either file:
//
//go:generate go test -run TestShippedData -update

// shippedHash identifies the contents of the two asset files.
func shippedHash(themesJSON, glossaryJSON []byte) string {
	h := sha256.New()
	h.Write(themesJSON)
	h.Write([]byte{0})
	h.Write(glossaryJSON)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

var shippedFresh = sync.OnceValue(func() bool {
	return shippedHash(assets.Themes, assets.Glossary) == shippedSource
})

// shippedData returns the compiled-in themes and glossary entries, and
// whether they are those of the embedded asset files. The themes are
// Default's to build its taxonomy on (which sets their matchers): no one
// else takes them.
func shippedData() ([]*Theme, []Term, bool) {
	if !shippedFresh() {
		return nil, nil, false
	}
	return shippedThemes, shippedGlossary, true
}

// stemEntry is one wording's stems in shippedStems.
type stemEntry struct {
	lang, text string
	stems      []string
}

// stemEntryLess orders stem entries by language, then wording.
func stemEntryLess(e stemEntry, lang, text string) bool {
	if e.lang != lang {
		return e.lang < lang
	}
	return e.text < text
}

// shippedStemsOf returns the stems of a shipped wording from shippedStems
// (a binary search: nothing to build in a fresh process), if the
// compiled-in values are the assets' and hold it. The slice is shared:
// callers may append to it, never change it.
func shippedStemsOf(text, lang string) ([]string, bool) {
	if !shippedFresh() {
		return nil, false
	}
	i := sort.Search(len(shippedStems), func(i int) bool { return !stemEntryLess(shippedStems[i], lang, text) })
	if i < len(shippedStems) && shippedStems[i].lang == lang && shippedStems[i].text == text {
		s := shippedStems[i].stems
		return s[:len(s):len(s)], true
	}
	return nil, false
}

// glossKey is one key of the shipped glossary's index in
// shippedGlossIndex: the entries having a wording of these stems.
type glossKey struct {
	lang, key string
	entries   []int
}

// shippedGlossaryLookup finds a key of the shipped glossary's index (a
// binary search of shippedGlossIndex, sorted by language and key). The
// slice is shared: callers only read it.
func shippedGlossaryLookup(lang, key string) ([]int, bool) {
	i := sort.Search(len(shippedGlossIndex), func(i int) bool {
		e := shippedGlossIndex[i]
		return e.lang > lang || (e.lang == lang && e.key >= key)
	})
	if i < len(shippedGlossIndex) && shippedGlossIndex[i].lang == lang && shippedGlossIndex[i].key == key {
		return shippedGlossIndex[i].entries, true
	}
	return nil, false
}

// shippedGlossaryLongest is the most stems of a shipped glossary wording
// in lang.
func shippedGlossaryLongest(lang string) int {
	switch lang {
	case "en":
		return shippedGlossLongestEN
	case "it":
		return shippedGlossLongestIT
	}
	return 0
}
