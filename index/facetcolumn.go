package index

import (
	"context"
	"encoding/binary"
	"math/bits"
	"path/filepath"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	index "github.com/blevesearch/bleve_index_api"
)

// facetColumn keeps, for each passage of the index's current snapshot
// (by Bleve's internal document number), the values its facets count:
// its document, its language and its themes. Bleve's own facets read and
// decompress these doc values for every match of every search, most of
// a search's time in a large library; the column reads a passage's once,
// the first time a search matches it, until the index changes.
//
// When the column has a library folder (dir), a fresh snapshot's values
// come from the folder's facet file (facetfile.go) made for that very
// snapshot, or, failing that, are all read once and saved there for the
// next process.
type facetColumn struct {
	mu     sync.Mutex
	dir    string            // the library folder for the facet file; "" for none
	reader index.IndexReader // the snapshot the rows are of
	file   *facetFile        // the snapshot's facet file, when there is one
	// retired are the facet files of earlier snapshots, which searches
	// begun before the change may still read: unmapped at close, when
	// no search runs.
	retired []*facetFile
	rows    []facetRow
	values  [3][]string // per facet, the values seen, by number
	ids     [3]map[string]int
	gen     int // counts the resets, so that a tally sees one
}

// facetRow is one passage's facet values: the numbers of its document and
// language plus one (0 for none), and its themes as a set of bits.
type facetRow struct {
	filled    uint8 // a bit per slot read
	doc, lang int32
	themes    uint64
}

// facetSlots are the facets of a row, in facetNames's order.
const (
	slotDoc = iota
	slotLang
	slotTheme
)

// maxThemes is the most distinct themes a row's bit set holds; beyond it
// (a taxonomy grown past it) searches count themes through Bleve.
const maxThemes = 64

// facetTally counts the facets of one search's matches.
type facetTally struct {
	col    *facetColumn
	want   [3]bool
	mask   uint8     // want as bits
	counts *[3][]int // from countBuffers, given back once all are read
	read   uint8     // the slots whose facets were taken, as bits
	taken  [3][]FacetCount
	dvr    index.DocValueReader
	gen    int // the column's generation the counts are of, from 1
	// file and reader are the column's facet file and the snapshot it is
	// of, once a match has found one: the next matches of the same
	// snapshot are counted from it without the column's lock.
	file   *facetFile
	reader index.IndexReader
	// failed is set when the column could not serve this search (an
	// unexpected internal ID, a value it cannot hold): the caller then
	// counts through Bleve instead.
	failed bool
}

// countBuffers keeps tallies' counters between searches: a search's
// counters (as many as the library has documents, for the doc facet) were
// its largest allocation. A buffer's slices are all zero, to their
// capacity, while it waits here.
var countBuffers = sync.Pool{New: func() any { return new([3][]int) }}

// newTally starts counting the named facets ("doc", "lang", "theme").
func (c *facetColumn) newTally(names []string) *facetTally {
	t := &facetTally{col: c}
	for _, n := range names {
		t.want[slotOf(n)] = true
		t.mask |= 1 << slotOf(n)
	}
	if t.mask != 0 {
		t.counts = countBuffers.Get().(*[3][]int)
	}
	return t
}

// slotOf is a facet name's slot.
func slotOf(name string) int {
	switch name {
	case "doc":
		return slotDoc
	case "lang":
		return slotLang
	}
	return slotTheme
}

// context returns ctx with the tally hooked into Bleve's collector, so
// that it sees every match of a search run with it.
func (t *facetTally) context(ctx context.Context) context.Context {
	maker := search.MakeDocumentMatchHandler(func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		return func(d *search.DocumentMatch) error {
			if d != nil && !t.failed {
				t.add(sctx.IndexReader, d.IndexInternalID)
			}
			return next(d)
		}, loadID, nil
	})
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, maker)
}

// add counts one match.
func (t *facetTally) add(reader index.IndexReader, id index.IndexInternalID) {
	if len(id) != 8 {
		t.failed = true
		return
	}
	t.countMatch(reader, id, binary.BigEndian.Uint64(id))
}

// addNum counts one match by its document number.
func (t *facetTally) addNum(reader index.IndexReader, num uint64) {
	t.countMatch(reader, nil, num)
}

// countMatch counts one match, numbered num: from the facet file's row when
// the file is the reader's, else from the column (id made from num when
// nil).
func (t *facetTally) countMatch(reader index.IndexReader, id index.IndexInternalID, num uint64) {
	if t.file != nil && reader == t.reader {
		if !t.countFileRow(num) {
			t.failed = true
		}
		return
	}
	if id == nil {
		id = binary.BigEndian.AppendUint64(nil, num)
	}
	c := t.col
	c.mu.Lock()
	t.addLocked(reader, id, num)
	c.mu.Unlock()
}

// addLocked counts one match, the column's lock held.
func (t *facetTally) addLocked(reader index.IndexReader, id index.IndexInternalID, num uint64) {
	c := t.col
	if c.reader != reader {
		// the index changed: its document numbers are another's
		if c.file != nil {
			// a search of the old snapshot may still count from it:
			// let go of it when the library closes
			c.retired = append(c.retired, c.file)
		}
		c.reader, c.rows, c.file = reader, nil, nil
		c.values, c.ids = [3][]string{}, [3]map[string]int{}
		c.gen++
		if c.file = c.snapshotFile(reader); c.file != nil {
			c.values = c.file.values
		} else if n, err := reader.DocCount(); err == nil && n < 1<<32 {
			// room for every passage at once: growing it match by
			// match would copy it again and again
			c.rows = make([]facetRow, n)
		}
	}
	if t.gen == 0 {
		t.gen = c.gen
	} else if t.gen != c.gen {
		t.failed = true // another search reset the column under this one
		return
	}
	if c.file != nil {
		t.file, t.reader = c.file, reader
		for slot := range t.counts {
			if t.want[slot] {
				t.room(slot, len(c.file.values[slot]))
			}
		}
		if !t.countFileRow(num) {
			t.failed = true
		}
		return
	}
	if num >= uint64(len(c.rows)) {
		if num > 1<<32 {
			t.failed = true
			return
		}
		c.rows = append(c.rows, make([]facetRow, int(num)+1-len(c.rows)+len(c.rows)/8)...)
	}
	row := &c.rows[num]
	if row.filled&t.mask != t.mask {
		if !t.fill(reader, id, row) {
			t.failed = true
			return
		}
	}
	t.countRow(row)
}

// countFileRow counts the row of document number num straight from the
// facet file, whose values the counters already have room for (see
// addLocked): the path of nearly every match, so it decodes only what it
// counts and walks the theme bits set. It reports false, counting
// nothing, for a row the file's row would refuse.
func (t *facetTally) countFileRow(num uint64) bool {
	f := t.file
	if num >= f.n {
		return false
	}
	b := f.rows[num*facetRowSize : num*facetRowSize+facetRowSize]
	doc, lang := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
	themes := binary.LittleEndian.Uint64(b[8:])
	nt := len(f.values[slotTheme])
	if doc > uint32(len(f.values[slotDoc])) || lang > uint32(len(f.values[slotLang])) || (nt < 64 && themes>>nt != 0) {
		return false
	}
	c := t.counts
	if t.want[slotDoc] && doc > 0 {
		c[slotDoc][doc-1]++
	}
	if t.want[slotLang] && lang > 0 {
		c[slotLang][lang-1]++
	}
	if t.want[slotTheme] {
		counts := c[slotTheme]
		for ; themes != 0; themes &= themes - 1 {
			counts[bits.TrailingZeros64(themes)]++
		}
	}
	return true
}

// countRow counts one passage's row.
func (t *facetTally) countRow(row *facetRow) {
	if t.want[slotDoc] && row.doc > 0 {
		t.count(slotDoc, int(row.doc-1))
	}
	if t.want[slotLang] && row.lang > 0 {
		t.count(slotLang, int(row.lang-1))
	}
	if t.want[slotTheme] {
		for bits, k := row.themes, 0; bits != 0; bits, k = bits>>1, k+1 {
			if bits&1 != 0 {
				t.count(slotTheme, k)
			}
		}
	}
}

// snapshotFile returns the facet file of a snapshot: the library
// folder's when it was made from this snapshot, else one read from the
// index now and saved there. Nil without a folder, when the snapshot is
// not all on disk, or when the folder cannot take the file (then the rows
// are read as matches need them, as before).
func (c *facetColumn) snapshotFile(reader index.IndexReader) *facetFile {
	if c.dir == "" {
		return nil
	}
	key, n := facetFileKey(reader)
	if key == "" {
		return nil
	}
	path := filepath.Join(c.dir, facetFileName)
	if f, err := readFacetFile(path, key, n); err == nil {
		return f
	}
	if !folderWritable(c.dir) {
		return nil
	}
	return buildFacetFile(reader, path, key, n)
}

// close lets go of the column's facet files. The library calls it with
// no search running.
func (c *facetColumn) close() {
	c.mu.Lock()
	c.file.close()
	for _, f := range c.retired {
		f.close()
	}
	c.reader, c.rows, c.file, c.retired = nil, nil, nil, nil
	c.mu.Unlock()
}

// count adds one to a value's count.
func (t *facetTally) count(slot, n int) {
	if n >= len(t.counts[slot]) {
		// room for every value the column knows, at once
		t.room(slot, max(n+1, len(t.col.values[slot])))
	}
	t.counts[slot][n]++
}

// room makes a slot's counters at least n long, the new ones zero.
func (t *facetTally) room(slot, n int) {
	c := t.counts[slot]
	if n <= len(c) {
		return
	}
	if n <= cap(c) {
		t.counts[slot] = c[:n] // zero beyond len: see countBuffers
		return
	}
	grown := make([]int, n, n+n/8)
	copy(grown, c)
	t.counts[slot] = grown
}

// release gives the counters back, zeroed, once every wanted facet was
// taken.
func (t *facetTally) release() {
	if t.counts == nil {
		return
	}
	for slot, c := range t.counts {
		clear(c[:cap(c)])
		t.counts[slot] = c[:0]
	}
	countBuffers.Put(t.counts)
	t.counts = nil
}

// fill reads a passage's facet values from the index (the column's lock
// held), or reports false when the row cannot hold them.
func (t *facetTally) fill(reader index.IndexReader, id index.IndexInternalID, row *facetRow) bool {
	if t.dvr == nil {
		var fields []string
		for slot, field := range []string{fieldDoc, fieldLang, fieldThemes} {
			if t.want[slot] {
				fields = append(fields, field)
			}
		}
		dvr, err := reader.DocValueReader(fields)
		if err != nil {
			return false
		}
		t.dvr = dvr
	}
	ok := true
	missing := t.mask &^ row.filled // the slots to read; the others are read
	err := t.dvr.VisitDocValues(id, func(field string, term []byte) {
		if missing&(1<<slotOfField(field)) == 0 {
			return
		}
		switch field {
		case fieldDoc:
			ok = ok && row.doc == 0
			row.doc = int32(t.col.intern(slotDoc, string(term)) + 1)
		case fieldLang:
			ok = ok && row.lang == 0
			row.lang = int32(t.col.intern(slotLang, string(term)) + 1)
		case fieldThemes:
			n := t.col.intern(slotTheme, string(term))
			if n >= maxThemes {
				ok = false
				return
			}
			row.themes |= 1 << n
		}
	})
	if err != nil || !ok {
		*row = facetRow{}
		return false
	}
	row.filled |= missing
	return true
}

// slotOfField is the slot of a facet's index field.
func slotOfField(field string) int {
	switch field {
	case fieldDoc:
		return slotDoc
	case fieldLang:
		return slotLang
	}
	return slotTheme
}

// intern returns a value's number in a slot, giving it one if new.
func (c *facetColumn) intern(slot int, v string) int {
	if c.ids[slot] == nil {
		c.ids[slot] = map[string]int{}
	}
	n, ok := c.ids[slot][v]
	if !ok {
		n = len(c.values[slot])
		c.values[slot] = append(c.values[slot], v)
		c.ids[slot][v] = n
	}
	return n
}

// facets returns the counts of a facet, largest first, then by value, at
// most facetSize of them: what facetCounts makes of Bleve's. It sets
// failed when the column changed since the counts were taken.
func (t *facetTally) facets(name string) []FacetCount {
	slot := slotOf(name)
	t.col.mu.Lock()
	values := t.col.values[slot]
	if t.gen != 0 && t.gen != t.col.gen {
		t.failed = true
	}
	t.col.mu.Unlock()
	if t.read&(1<<slot) != 0 {
		return slices.Clone(t.taken[slot])
	}
	var counts []int
	if t.counts != nil {
		counts = t.counts[slot]
	}
	out := topFacets(counts, values, facetSize)
	t.taken[slot] = out // a repeat gets a copy
	if t.read |= 1 << slot; t.read&t.mask == t.mask {
		t.release()
	}
	return out
}
