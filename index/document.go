package index

import (
	"encoding/json"

	"github.com/blevesearch/bleve/v2"

	"attache/index/corpus"
)

// indexDoc turns a passage into the document the index holds: the text in
// its language's field, keywords for filters and facets, and stored fields
// enough to render a hit without the source.
func indexDoc(d *corpus.Document, p *corpus.Passage) map[string]interface{} {
	lang := p.Lang
	if lang == "" {
		lang = d.Lang
	}
	section, _ := json.Marshal(p.Section)
	notes, _ := json.Marshal(p.Notes)
	themes := p.Themes
	if themes == nil {
		themes = []string{}
	}
	return map[string]interface{}{
		textFieldFor(lang): p.Text,
		fieldText:          p.Text,
		fieldLang:          lang,
		fieldDoc:           d.ID,
		fieldThemes:        themes,
		fieldKind:          p.Kind,
		fieldSeq:           float64(p.Seq),
		fieldPage:          float64(p.Page),
		fieldLocator:       p.Locator,
		fieldSection:       string(section),
		fieldNotes:         string(notes),
		fieldTitle:         d.Title,
		fieldShortTitle:    d.ShortTitle,
		fieldReference:     d.Reference,
	}
}

// indexDocuments adds every passage of docs to idx in batches. Passages
// already in the index with the same ID are replaced.
func indexDocuments(idx bleve.Index, docs []*corpus.Document) error {
	const batchSize = 500
	b := idx.NewBatch()
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			if err := b.Index(p.ID, indexDoc(d, p)); err != nil {
				return err
			}
			if b.Size() >= batchSize {
				if err := idx.Batch(b); err != nil {
					return err
				}
				b.Reset()
			}
		}
	}
	if b.Size() > 0 {
		return idx.Batch(b)
	}
	return nil
}
