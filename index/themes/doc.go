// Package themes is Attaché's theme taxonomy: the topics analysts brief on,
// each with English and Italian labels and terms, the tagging of passages
// with the themes they are about, and the bilingual glossary that lets a
// query in one language find passages in the other.
package themes
