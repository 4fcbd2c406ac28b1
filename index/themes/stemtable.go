package themes

import (
	_ "embed" // the stem table
	"strings"
	"sync"
)

// stemTable holds the stems of every wording of the shipped taxonomy and
// glossary, one "lang<TAB>wording<TAB>stem stem…" a line, computed ahead
// by the same analyzers: building the taxonomy and the glossary in a
// fresh process (every `attache search` that expands a query) otherwise
// spends half its 8–10 ms analysing them. A wording missing from the
// table (the assets changed since) is analysed as before; a test checks
// that every entry is what the analyzers give.
//
// Regenerate it after changing assets/themes.json or assets/glossary.json:
//
//go:generate go test -run TestStemTable -update
//go:embed stemtable.txt
var stemTable string

var (
	stemTableOnce sync.Once
	stemTableMap  map[string]map[string]string // lang → wording → stems
)

// tableStems returns the stems of a wording from the table, if it holds
// them.
func tableStems(text, lang string) ([]string, bool) {
	stemTableOnce.Do(func() { stemTableMap = parseStemTable(stemTable) })
	s, ok := stemTableMap[lang][text]
	if !ok {
		return nil, false
	}
	return strings.Fields(s), true
}

// parseStemTable reads the table's lines; malformed ones are skipped.
func parseStemTable(data string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for len(data) > 0 {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		lang, rest, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		wording, st, ok := strings.Cut(rest, "\t")
		if !ok {
			continue
		}
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		out[lang][wording] = st
	}
	return out
}
