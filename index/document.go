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

// batchSize is the most passages sent to the index in one batch.
const batchSize = 500

// indexDocuments adds every passage of docs to idx in batches. Passages
// already in the index with the same ID are replaced.
func indexDocuments(idx bleve.Index, docs []*corpus.Document) error {
	return changeDocuments(idx, nil, docs)
}

// changeDocuments deletes the passages with the IDs in del from idx, then
// adds every passage of docs, in batches.
func changeDocuments(idx bleve.Index, del []string, docs []*corpus.Document) error {
	b := idx.NewBatch()
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := idx.Batch(b); err != nil {
			return err
		}
		b.Reset()
		return nil
	}
	for _, id := range del {
		b.Delete(id)
		if b.Size() >= batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	for _, d := range docs {
		for i := range d.Passages {
			p := &d.Passages[i]
			if err := b.Index(p.ID, indexDoc(d, p)); err != nil {
				return err
			}
			if b.Size() >= batchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}
