// Package themes is Attaché's theme taxonomy: the topics analysts brief on,
// each with English and Italian labels and terms, the tagging of passages
// with the themes they are about, and the bilingual glossary that lets a
// query in one language find passages in the other.
//
// # Taxonomy
//
// The shipped taxonomy (assets/themes.json, see Default) has some twenty
// themes drawn from the seed texts: AI governance, cybersecurity, secure
// connectivity, undersea cables, space, semiconductors, quantum, 5G/6G and
// standards, digital public infrastructure, skills and the digital divide,
// human rights online, internet governance, data flows and trade, online
// platforms, information manipulation, the twin transition, Global Gateway,
// Ukraine and the neighbourhood, industry and SMEs, digital diplomacy,
// economic security and defence, research and innovation. A theme's terms
// are English–Italian pairs of synonyms ("undersea cables", "submarine
// cables" / "cavi sottomarini", "cavo sottomarino"), matched on the stems
// Bleve's "en" and "it" analyzers give, stop words left out, exactly as the
// index analyses text.
//
// # Tagging
//
// Taxonomy.Tag scores each theme on a passage (longest phrases first, a
// phrase weighing more than a word, terms common in the corpus weighing
// less, repeats adding less and less, the sum divided by the square root of
// the passage's length, a bonus when the nearest heading names the theme)
// and keeps the themes over a threshold and over a quarter of the
// strongest, and besides them every theme the passage names by its name (a
// wording of the theme's first term), so that tags agree with search. So a long passage that names undersea cables once in a list
// of technologies is not tagged with them, while the Joint Communication's
// paragraphs on cable projects are. Terms are weighed by Stats, their
// document frequencies in a body of passages (Gather); TagDocuments gathers
// them over the documents it tags, TagWith tags with Stats gathered
// elsewhere. The index tags with the seeds' Stats, so that a document's tags
// do not depend on the rest of the library: it tags an imported document
// once, keeps its tags with the Version of the tagging that made them, and
// stores them in its "themes" field, which the theme:ID filter and the
// "theme" facet use. Taxonomy.Matrix gives the themes × documents coverage.
//
// # Cross-language search
//
// Glossary pairs the taxonomy's terms with a wider list of the corpus's key
// terms (assets/glossary.json). It is the index's default Expander: each
// query word gets its equivalents in the other language and its synonyms
// (Expand), each run of words the multi-word terms it contains
// (ExpandPhrases: "artificial intelligence" gives "intelligenza
// artificiale" and "IA"); a quoted phrase gets only the wordings of an
// entry that is the whole phrase (Equivalents), and IsTerm says which runs
// of words are terms to keep together. The query plan (package
// index/query) weighs them under the words as typed, and the passages
// tagged with the themes the query names rank a little higher within their
// tier (QueryThemes). A query with SameLanguage set gets none of this.
package themes
