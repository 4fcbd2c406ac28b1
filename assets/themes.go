package assets

import _ "embed"

// Themes is the theme taxonomy (themes.json): a JSON list of themes, each
// with an ID, English and Italian labels, a one-line description and pairs
// of English and Italian terms. Package index/themes reads it.
//
//go:embed themes.json
var Themes []byte

// Glossary is the wider bilingual glossary of the corpus's key terms
// (glossary.json): a JSON list of {"en": …, "it": …} pairs, each side a
// string or a list of synonyms. Package index/themes reads it for
// cross-language search.
//
//go:embed glossary.json
var Glossary []byte
