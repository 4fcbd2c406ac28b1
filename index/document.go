package index

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"attache/index/corpus"
)

// passageFields builds the documents the index holds for passages: the
// text in its language's field, and keywords for filters, facets and
// order. Nothing is stored in the index: hits are built from the
// library's document store.
//
// It builds Bleve's documents itself, with the fields, options and
// analyzers the index's mapping gives them (newMapping), instead of
// letting Bleve map a Go value by reflection for each passage
// (mapping.MapDocument), and without Bleve's "_all" field, which nothing
// searches and which held no terms here (every field is left out of it):
// the same terms, positions and doc values in the index for less
// processor time. Its analyzers cut words faster (latinWordTokenizer) and
// their stemmers remember their stems (stemCache).
type passageFields struct {
	text    map[string]analysis.Analyzer // text and context fields' analyzers
	keyword analysis.Analyzer
}

// The indexing options of the mapping's text fields (term vectors for
// phrases and highlights) and keyword fields (doc values for facets and
// sorting).
const (
	textOptions    = bleveindex.IndexField | bleveindex.IncludeTermVectors
	keywordOptions = bleveindex.IndexField | bleveindex.DocValues
)

// newPassageFields takes the analyzers of the index's mapping.
func newPassageFields(m mapping.IndexMapping) (*passageFields, error) {
	pf := &passageFields{text: map[string]analysis.Analyzer{}, keyword: m.AnalyzerNamed(keyword.Name)}
	if pf.keyword == nil {
		return nil, fmt.Errorf("the index mapping has no %s analyzer", keyword.Name)
	}
	caches := map[analysis.TokenFilter]*stemCache{}
	for _, f := range []string{fieldTextEN, fieldTextIT, fieldTextXX, fieldContextEN, fieldContextIT, fieldContextXX} {
		name := m.AnalyzerNameForPath(f)
		a := m.AnalyzerNamed(name)
		if a == nil {
			return nil, fmt.Errorf("the index mapping has no analyzer %q for %s", name, f)
		}
		pf.text[f] = forIndexing(a, caches)
	}
	return pf, nil
}

// document is the index's document for passage p of d.
func (pf *passageFields) document(d *corpus.Document, p *corpus.Passage) *document.Document {
	lang := p.Lang
	if lang == "" {
		lang = d.Lang
	}
	doc := document.NewDocument(p.ID)
	f := textFieldFor(lang)
	doc.AddField(document.NewTextFieldCustom(f, nil, []byte(p.Text), textOptions, pf.text[f]))
	if c := PassageContext(d, p); c != "" {
		f := contextFieldFor(lang)
		doc.AddField(document.NewTextFieldCustom(f, nil, []byte(c), textOptions, pf.text[f]))
	}
	pf.keywordField(doc, fieldLang, nil, lang)
	pf.keywordField(doc, fieldDoc, nil, d.ID)
	for i, t := range p.Themes {
		pf.keywordField(doc, fieldThemes, []uint64{uint64(i)}, t)
	}
	pf.keywordField(doc, fieldSeq, nil, seqTerm(p.Seq))
	doc.SetIndexed()
	return doc
}

// keywordField adds a keyword field (an element of a list at
// arrayPositions, as the mapping numbers them) to doc.
func (pf *passageFields) keywordField(doc *document.Document, name string, arrayPositions []uint64, value string) {
	doc.AddField(document.NewTextFieldCustom(name, arrayPositions, []byte(value), keywordOptions, pf.keyword))
}

// seqTerm is a passage's position as the index keeps it: ten digits,
// so that the terms sort as the numbers do.
func seqTerm(seq int) string {
	s := strconv.Itoa(seq)
	if len(s) < 10 {
		s = "0000000000"[len(s):] + s
	}
	return s
}

// batchSize is the most passages sent to the index in one batch, and
// batchConcurrency how many batches an indexer has in Bleve at once: one
// batch is analysed and built into a segment while the next is filled.
// Batches unsynced (persist.go) need not be large to be cheap; small and
// one at a time, they hold a fraction of the memory (Bleve keeps each
// passage's analysis, positions and all, until its batch's segment is
// built): the GIMP manual imported in 104 MB instead of 134 MB, four
// copies of it with a third less processor time, since the collector no
// longer works flat out under the soft memory limit. A thousand would
// halve the merges Bleve runs while importing (the Bleve half of the
// manual's import, BenchmarkIndexGIMP: 1.06-1.15 s of processor time
// instead of 1.32-1.43 s), but the whole import then peaked at 98-115 MB
// (median 104) instead of 93-108 (median 97), and recollindex at 70 MB.
const (
	batchSize        = 500
	batchConcurrency = 1
)

// indexer sends passages to an index in batches, each built into its
// segment by Bleve while the indexer fills the next.
// One goroutine feeds it; the first error stops it.
type indexer struct {
	idx    bleve.Index
	fields *passageFields
	b      *bleve.Batch
	sem    chan struct{}
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
	// sent is true once a batch was sent: finish then waits for the
	// index to write it (see persisted).
	sent bool
	// merging receives the error of the merge that ends an import
	// (startMerge, in import_merge.go), which stopMerge cancels.
	merging   chan error
	stopMerge context.CancelFunc
}

func newIndexer(idx bleve.Index) *indexer {
	in := &indexer{idx: idx, b: idx.NewBatch(), sem: make(chan struct{}, batchConcurrency)}
	in.fields, in.err = newPassageFields(idx.Mapping())
	return in
}

// failed returns the first error of a batch sent.
func (in *indexer) failed() error {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.err
}

// cancelEvery is how many passages add indexes between two looks at its
// context: a cancelled import stops well within a second.
const cancelEvery = 256

// add indexes the passages of a document, replacing passages with the
// same IDs. It returns how many of them it handed to the index, and stops
// with ctx's error when ctx is done.
func (in *indexer) add(ctx context.Context, d *corpus.Document) (int, error) {
	if err := in.failed(); err != nil {
		return 0, err
	}
	for i := range d.Passages {
		if i%cancelEvery == 0 {
			if err := ctx.Err(); err != nil {
				return i, err
			}
		}
		if err := in.b.IndexAdvanced(in.fields.document(d, &d.Passages[i])); err != nil {
			return i, err
		}
		if err := in.full(); err != nil {
			return i + 1, err
		}
	}
	return len(d.Passages), nil
}

// delete takes passages out of the index.
func (in *indexer) delete(ids []string) error {
	for _, id := range ids {
		in.b.Delete(id)
		if err := in.full(); err != nil {
			return err
		}
	}
	return nil
}

// full sends the batch when it is full.
func (in *indexer) full() error {
	if in.b.Size() < batchSize {
		return in.failed()
	}
	return in.send()
}

// send sends the batch being filled and starts another.
func (in *indexer) send() error {
	if err := in.failed(); err != nil {
		return err
	}
	b := in.b
	in.b = in.idx.NewBatch()
	in.sent = true
	in.sem <- struct{}{}
	in.wg.Add(1)
	go func() {
		defer func() { <-in.sem; in.wg.Done() }()
		if err := in.idx.Batch(b); err != nil {
			in.mu.Lock()
			if in.err == nil {
				in.err = err
			}
			in.mu.Unlock()
		}
	}()
	return nil
}

// discard drops the batch being filled and waits for those sent, and
// stops the merge that ends a bulk change, for a change that is given up:
// nothing more goes into the index.
func (in *indexer) discard() {
	in.b.Reset()
	in.wg.Wait()
	in.stopMerging()
}

// finish sends what is left and waits for every batch.
func (in *indexer) finish() error {
	var err error
	if in.b.Size() > 0 {
		err = in.send()
	}
	in.wg.Wait()
	if ferr := in.failed(); ferr != nil {
		return ferr
	}
	if err != nil || !in.sent {
		return err
	}
	return persisted(in.idx)
}

// changeDocuments deletes the passages with the IDs in del from idx, then
// adds every passage of docs. No passage of del may be one docs adds.
func changeDocuments(idx bleve.Index, del []string, docs []*corpus.Document) error {
	in := newIndexer(idx)
	err := in.delete(del)
	for _, d := range docs {
		if err != nil {
			break
		}
		_, err = in.add(context.Background(), d)
	}
	if ferr := in.finish(); err == nil {
		err = ferr
	}
	return err
}
