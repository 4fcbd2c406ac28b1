package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the index mapping or the way passages are
// turned into index documents changes; an index built with another version
// is rebuilt on open.
const MappingVersion = 7

// The index's field names. There is one document mapping (the default one):
// each language has its own text field with its own analyzer, so a query on
// text_it is always analysed with the Italian analyzer. Giving several type
// mappings the same field name would let Bleve pick the query analyzer in
// random map order.
const (
	fieldTextEN    = "text_en"    // English passages, "en" analyzer
	fieldTextIT    = "text_it"    // Italian passages, Italian analyzer
	fieldTextXX    = "text_xx"    // other languages, neutral analyzer
	fieldContextEN = "context_en" // a list item's lead-in and heading, English
	fieldContextIT = "context_it" // the same, Italian
	fieldContextXX = "context_xx" // the same, other languages
	fieldLang      = "lang"       // keyword, facet
	fieldDoc       = "doc"        // keyword, facet
	fieldThemes    = "themes"     // keywords, facet
	fieldSeq       = "seq"        // keyword (seqTerm), sort
)

// Nothing is stored in the index: the ranking tells a hit's language by
// the field its words were found in, and a hit is built from the
// library's document store, which reads one passage's record without
// decoding any JSON. Term vectors are kept for the text fields only,
// where phrases and highlights read them.

// analyzerEnglish is the analyzer of text_en: Bleve's "en" analyzer.
const analyzerEnglish = en.AnalyzerName

// analyzerItalian is the analyzer of text_it: Bleve's "it" analyzer with
// the Snowball stemmer instead of the light one, which leaves short words
// alone ("cavo" and "cavi" would not meet).
const analyzerItalian = "it_snowball"

// analyzerNeutral is the analyzer of text_xx: words and lower case, no
// stemming and no stop words, for languages Attaché has no analyzer for.
const analyzerNeutral = "xx"

// textFields maps a language code to its text field. Any other language
// uses fieldTextXX.
var textFields = map[string]string{"en": fieldTextEN, "it": fieldTextIT}

// langBranches lists the text fields a query searches, with their analyzers.
var langBranches = []struct{ field, analyzer string }{
	{fieldTextEN, en.AnalyzerName},
	{fieldTextIT, analyzerItalian},
	{fieldTextXX, analyzerNeutral},
}

// contextFieldFor returns the context field of a language (see
// PassageContext).
func contextFieldFor(lang string) string {
	switch lang {
	case "en":
		return fieldContextEN
	case "it":
		return fieldContextIT
	}
	return fieldContextXX
}

// textFieldFor returns the text field of a language.
func textFieldFor(lang string) string {
	if f, ok := textFields[lang]; ok {
		return f
	}
	return fieldTextXX
}

// newMapping builds the index mapping.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	err := m.AddCustomAnalyzer(analyzerNeutral, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	err = m.AddCustomAnalyzer(analyzerItalian, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []string{
			lowercase.Name, it.ElisionName, it.StopName, it.SnowballStemmerName,
		},
	})
	if err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = analyzerNeutral

	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeTermVectors = true // phrases and snippet offsets
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues // facets and sorting read them
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldTextEN, text(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldTextIT, text(analyzerItalian))
	dm.AddFieldMappingsAt(fieldTextXX, text(analyzerNeutral))
	dm.AddFieldMappingsAt(fieldContextEN, text(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldContextIT, text(analyzerItalian))
	dm.AddFieldMappingsAt(fieldContextXX, text(analyzerNeutral))
	dm.AddFieldMappingsAt(fieldLang, kw(true))
	dm.AddFieldMappingsAt(fieldDoc, kw(true))
	dm.AddFieldMappingsAt(fieldThemes, kw(true))
	// A keyword, not a number: only the listing's order reads it, and a
	// number is indexed as 16 prefix-coded terms for range queries.
	dm.AddFieldMappingsAt(fieldSeq, kw(true))
	m.DefaultMapping = dm
	m.TypeField = "_no_type_field" // every document uses the default mapping
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}
