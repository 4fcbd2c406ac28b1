package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"attache/index/corpus"
	"attache/seeds"
)

// TestIndexerStopsWhenCancelled checks that a cancelled import stops
// handing passages to the index at once, instead of indexing the rest of
// a large document first (Ctrl+C during the indexing of a 10 MB file took
// 37 s), and that what it had not sent yet is dropped.
func TestIndexerStopsWhenCancelled(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.New(filepath.Join(t.TempDir(), "index.bleve"), m)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	d := &corpus.Document{Meta: corpus.Meta{ID: "big", Lang: "en"}}
	for i := 0; i < 3*cancelEvery; i++ {
		d.Passages = append(d.Passages, corpus.Passage{ID: fmt.Sprintf("big#%06d", i), DocID: "big", Lang: "en", Seq: i, Text: "digital cooperation"})
	}

	ctx, cancel := context.WithCancel(context.Background())
	in := newIndexer(idx)
	n, err := in.add(ctx, &corpus.Document{Meta: d.Meta, Passages: d.Passages[:cancelEvery+10]})
	if err != nil || n != cancelEvery+10 {
		t.Fatalf("before the cancel: %d passages, %v", n, err)
	}
	cancel()
	n, err = in.add(ctx, d)
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("after the cancel add handed %d passages to the index (err %v), want 0 and the context's error", n, err)
	}
	in.discard()
	if count, _ := idx.DocCount(); count >= uint64(cancelEvery+10) {
		t.Errorf("the index holds %d passages: the batch being filled was sent, not dropped", count)
	}
}

// mappedPassage is what passages were indexed as before passageFields:
// a Go value Bleve's mapping walked by reflection. The test below checks
// that passageFields gives the index the same fields.
func mappedPassage(d *corpus.Document, p *corpus.Passage) map[string]interface{} {
	lang := p.Lang
	if lang == "" {
		lang = d.Lang
	}
	themes := p.Themes
	if themes == nil {
		themes = []string{}
	}
	doc := map[string]interface{}{
		textFieldFor(lang): p.Text,
		fieldLang:          lang,
		fieldDoc:           d.ID,
		fieldThemes:        themes,
		fieldSeq:           seqTerm(p.Seq),
	}
	if c := PassageContext(d, p); c != "" {
		doc[contextFieldFor(lang)] = c
	}
	return doc
}

// analysedFields analyses doc's fields as the index does and describes
// each, by name: options, array positions, length and every term with its
// frequency and locations. Bleve's "_all" field is left out.
func analysedFields(t *testing.T, doc *document.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	doc.VisitFields(func(f bleveindex.Field) {
		if f.Name() == "_all" {
			return
		}
		f.Analyze()
		var terms []string
		for term, tf := range f.AnalyzedTokenFrequencies() {
			s := fmt.Sprintf("%q×%d", term, tf.Frequency())
			for _, l := range tf.Locations {
				s += fmt.Sprintf(" %v:%d-%d@%d", l.ArrayPositions, l.Start, l.End, l.Position)
			}
			terms = append(terms, s)
		}
		sort.Strings(terms)
		key := fmt.Sprintf("%s%v", f.Name(), f.ArrayPositions())
		if _, dup := out[key]; dup {
			t.Fatalf("field %s twice", key)
		}
		out[key] = fmt.Sprintf("options %v, length %d: %s", f.Options(), f.AnalyzedLength(), strings.Join(terms, "; "))
	})
	return out
}

// TestPassageFieldsAreWhatTheMappingMade checks that every passage of the
// seeds (and of a document in a language Attaché has no analyzer for,
// with no language of its own and several themes) is given the same
// fields, terms, positions and options by passageFields as Bleve's
// mapping gave the Go value it was indexed as before, twice over (the
// second time from the stem caches).
func TestPassageFieldsAreWhatTheMappingMade(t *testing.T) {
	l, err := Open(Config{Dir: t.TempDir(), Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	docs := allDocs(t, l)
	odd := &corpus.Document{Meta: corpus.Meta{ID: "odd", Lang: "de"}, Passages: []corpus.Passage{
		{ID: "odd#1", DocID: "odd", Seq: 0, Text: "Die Europäische Kommission's Straßen, l'Unione e 3.5% der Mittel", Themes: []string{"digital", "energy", "trade"}},
		{ID: "odd#2", DocID: "odd", Seq: 1, Lang: "en", Text: "Member States' running costs ran, runs"},
		{ID: "odd#3", DocID: "odd", Seq: 2, Lang: "it", Text: "L'Unione europea e gli Stati membri: le politiche"},
	}}
	docs = append(docs, odd)
	if os.Getenv("ATTACHE_FIELDS_GIMP") != "" {
		docs = append(docs, readGIMP(t)...)
	}
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := newPassageFields(m)
	if err != nil {
		t.Fatal(err)
	}
	n, withContext := 0, 0
	for round := 0; round < 2; round++ {
		for _, d := range docs {
			for i := range d.Passages {
				p := &d.Passages[i]
				want := document.NewDocument(p.ID)
				if err := m.MapDocument(want, mappedPassage(d, p)); err != nil {
					t.Fatal(err)
				}
				got := pf.document(d, p)
				if got.ID() != p.ID {
					t.Fatalf("document ID %q, want %q", got.ID(), p.ID)
				}
				wf, gf := analysedFields(t, want), analysedFields(t, got)
				for k, w := range wf {
					if gf[k] != w {
						t.Fatalf("passage %s, field %s:\n got %s\nwant %s", p.ID, k, gf[k], w)
					}
				}
				for k := range gf {
					if _, ok := wf[k]; !ok {
						t.Fatalf("passage %s: field %s, which the mapping did not make", p.ID, k)
					}
				}
				if PassageContext(d, p) != "" {
					withContext++
				}
				n++
			}
		}
	}
	if n < 300 || withContext == 0 {
		t.Fatalf("compared %d passages, %d with a context: the seeds are not what this test expects", n, withContext)
	}
}

// TestStemCacheStemsAsItsStemmer checks the stem cache on the tokens an
// analyzer can hand it: empty ones, protected ones, repeated ones, from
// several goroutines at once.
func TestStemCacheStemsAsItsStemmer(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{en.AnalyzerName, analyzerItalian} {
		plain := m.AnalyzerNamed(name)
		cached := forIndexing(plain, map[analysis.TokenFilter]*stemCache{})
		if cached == plain {
			t.Fatalf("%s: no stemmer found to cache", name)
		}
		texts := []string{"running runs ran runner's l' l'anno degli anni", "", "' '' x", "costs costing costly COSTS", "città città, perché"}
		done := make(chan string)
		for g := 0; g < 4; g++ {
			go func() {
				for round := 0; round < 50; round++ {
					for _, text := range texts {
						want, got := plain.Analyze([]byte(text)), cached.Analyze([]byte(text))
						if len(want) != len(got) {
							done <- fmt.Sprintf("%s %q: %d tokens, want %d", name, text, len(got), len(want))
							return
						}
						for i := range want {
							if string(want[i].Term) != string(got[i].Term) || want[i].Position != got[i].Position ||
								want[i].Start != got[i].Start || want[i].End != got[i].End {
								done <- fmt.Sprintf("%s %q: token %d is %+v, want %+v", name, text, i, got[i], want[i])
								return
							}
						}
					}
				}
				done <- ""
			}()
		}
		for g := 0; g < 4; g++ {
			if msg := <-done; msg != "" {
				t.Error(msg)
			}
		}
	}
	kw := &analysis.Token{Term: []byte("running"), KeyWord: true}
	c := &stemCache{stemmer: porter.NewPorterStemmer()}
	c.Filter(analysis.TokenStream{kw})
	if string(kw.Term) != "running" {
		t.Errorf("a protected word was stemmed to %q", kw.Term)
	}
}
