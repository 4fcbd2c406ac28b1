package index

import (
	"encoding/json"
	"runtime"
	"sync"

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
	doc := map[string]interface{}{
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
	if c := passageContext(d, p); c != "" {
		doc[contextFieldFor(lang)] = c
	}
	return doc
}

// batchSize is the most passages sent to the index in one batch.
const batchSize = 500

// indexDocuments adds every passage of docs to idx in batches. Passages
// already in the index with the same ID are replaced.
func indexDocuments(idx bleve.Index, docs []*corpus.Document) error {
	return changeDocuments(idx, nil, docs)
}

// batchConcurrency is how many batches changeDocuments sends at once.
var batchConcurrency = func() int { return max(1, min(runtime.GOMAXPROCS(0), 4)) }

// changeDocuments deletes the passages with the IDs in del from idx, then
// adds every passage of docs, in batches. Several batches are sent at once
// (as many as there are processors): Bleve analyses a batch's passages in
// parallel but builds its segment on one core, so one batch's segment is
// built while the next is analysed. No batch deletes a passage another adds.
func changeDocuments(idx bleve.Index, del []string, docs []*corpus.Document) error {
	sem := make(chan struct{}, batchConcurrency())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	send := func(b *bleve.Batch) {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := idx.Batch(b); err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}
	b := idx.NewBatch()
	for _, id := range del {
		b.Delete(id)
		if b.Size() >= batchSize {
			send(b)
			b = idx.NewBatch()
		}
	}
	for _, d := range docs {
		if failed() {
			break
		}
		for i := range d.Passages {
			p := &d.Passages[i]
			if err := b.Index(p.ID, indexDoc(d, p)); err != nil {
				wg.Wait()
				return err
			}
			if b.Size() >= batchSize {
				send(b)
				b = idx.NewBatch()
			}
		}
	}
	if b.Size() > 0 && !failed() {
		send(b)
	}
	wg.Wait()
	return firstErr
}
