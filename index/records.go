package index

import (
	"encoding/binary"
	"errors"
	"sync"

	"attache/index/corpus"
)

// The library's document store keeps passages and documents in a compact
// binary form: a format byte, then fields in a fixed order, strings and
// lists prefixed by their length. Reading one is a few copies, with no
// reflection and no JSON, which keeps building a search hit cheap.

// recordFormat is the first byte of every record; another value is a
// record this code cannot read.
const recordFormat = 1

// errBadRecord says a stored record is damaged or of another format.
var errBadRecord = errors.New("damaged record in the library's document store")

// recordWriter appends fields to a record.
type recordWriter struct{ b []byte }

func newRecordWriter(size int) *recordWriter {
	w := &recordWriter{b: make([]byte, 0, size)}
	w.b = append(w.b, recordFormat)
	return w
}

func (w *recordWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *recordWriter) num(n int) { w.b = binary.AppendVarint(w.b, int64(n)) }

func (w *recordWriter) flag(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *recordWriter) strs(ss []string) {
	w.num(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

// recordReader reads the fields of a record in the order they were
// written. A damaged record sets err and reads as zero values from there.
type recordReader struct {
	b   []byte
	err error
}

func newRecordReader(b []byte) *recordReader {
	if len(b) == 0 || b[0] != recordFormat {
		return &recordReader{err: errBadRecord}
	}
	return &recordReader{b: b[1:]}
}

func (r *recordReader) fail() {
	r.err, r.b = errBadRecord, nil
}

func (r *recordReader) str() string {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || n > uint64(len(r.b)-k) {
		if r.err == nil {
			r.fail()
		}
		return ""
	}
	s := string(r.b[k : k+int(n)])
	r.b = r.b[k+int(n):]
	return s
}

func (r *recordReader) num() int {
	n, k := binary.Varint(r.b)
	if k <= 0 {
		if r.err == nil {
			r.fail()
		}
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

func (r *recordReader) flag() bool {
	if len(r.b) == 0 {
		if r.err == nil {
			r.fail()
		}
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// count reads a list's length, refusing one longer than the bytes left
// could hold.
func (r *recordReader) count() int {
	n := r.num()
	if n < 0 || n > len(r.b) {
		if r.err == nil {
			r.fail()
		}
		return 0
	}
	return n
}

func (r *recordReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// encodePassage is a passage's record, in a slice of its own length (an
// import holds every record until its transaction commits): it is
// written into a pooled buffer, then copied.
func encodePassage(p *corpus.Passage) []byte {
	w := passageWriters.Get().(*recordWriter)
	defer passageWriters.Put(w)
	w.b = append(w.b[:0], recordFormat)
	w.str(p.ID)
	w.str(p.DocID)
	w.str(p.Lang)
	w.num(p.Seq)
	w.str(p.Kind)
	w.str(p.Locator)
	w.strs(p.Section)
	w.num(p.Page)
	w.str(p.Text)
	w.num(len(p.Notes))
	for _, n := range p.Notes {
		w.str(n.Number)
		w.str(n.Text)
		w.strs(n.URLs)
		w.num(n.Mark)
	}
	w.strs(p.Themes)
	return append(make([]byte, 0, len(w.b)), w.b...)
}

// passageWriters are the buffers encodePassage writes into.
var passageWriters = sync.Pool{New: func() any { return newRecordWriter(1024) }}

// decodePassage reads a passage's record.
func decodePassage(b []byte) (*corpus.Passage, error) {
	r := newRecordReader(b)
	p := &corpus.Passage{
		ID: r.str(), DocID: r.str(), Lang: r.str(), Seq: r.num(), Kind: r.str(),
		Locator: r.str(), Section: r.strs(), Page: r.num(), Text: r.str(),
	}
	if n := r.count(); n > 0 {
		p.Notes = make([]corpus.Note, n)
		for i := range p.Notes {
			p.Notes[i] = corpus.Note{Number: r.str(), Text: r.str(), URLs: r.strs(), Mark: r.num()}
		}
	}
	p.Themes = r.strs()
	if r.err != nil {
		return nil, r.err
	}
	return p, nil
}

// docRecord is what the store keeps of a document besides its passages.
type docRecord struct {
	corpus.Meta
	// Seed is true for the documents Attaché ships with.
	Seed bool
	// Passages is the number of passages.
	Passages int
	// Tagger is the version of the tagging its passages' themes were made
	// with (themes.Taxonomy.Version).
	Tagger string
	// Hash identifies the document's content (its record and passages):
	// the library's fingerprint is made of these.
	Hash string
	// Order is the document's key in the catalogue, which lists the seeds
	// in their catalogue order, then the other documents by ID.
	Order string
	// Sections are the document's headings.
	Sections []corpus.Section
}

// encodeDoc is a document's record.
func encodeDoc(d *docRecord) []byte {
	w := newRecordWriter(256)
	m := &d.Meta
	for _, s := range []string{m.ID, m.Title, m.ShortTitle, m.Issuer, m.Date, m.Place, m.Lang,
		m.Kind, m.Reference, m.URL, m.Source, m.Checksum} {
		w.str(s)
	}
	w.flag(d.Seed)
	w.num(d.Passages)
	w.str(d.Tagger)
	w.str(d.Hash)
	w.str(d.Order)
	w.num(len(d.Sections))
	for _, s := range d.Sections {
		w.str(s.Number)
		w.str(s.Heading)
		w.num(s.Level)
		w.num(s.First)
	}
	return w.b
}

// decodeDoc reads a document's record, with its sections or without them
// (for lists and citations, which do not need them).
func decodeDoc(b []byte, sections bool) (*docRecord, error) {
	r := newRecordReader(b)
	d := &docRecord{}
	m := &d.Meta
	for _, f := range []*string{&m.ID, &m.Title, &m.ShortTitle, &m.Issuer, &m.Date, &m.Place, &m.Lang,
		&m.Kind, &m.Reference, &m.URL, &m.Source, &m.Checksum} {
		*f = r.str()
	}
	d.Seed = r.flag()
	d.Passages = r.num()
	d.Tagger = r.str()
	d.Hash = r.str()
	d.Order = r.str()
	if sections {
		n := r.count()
		d.Sections = make([]corpus.Section, n)
		if n > 0 {
			for i := range d.Sections {
				d.Sections[i] = corpus.Section{Number: r.str(), Heading: r.str(), Level: r.num(), First: r.num()}
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return d, nil
}
