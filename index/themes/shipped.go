package themes

import (
	"crypto/sha256"
	"encoding/hex"
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
