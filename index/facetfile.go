package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/mmap-go"

	"attache/atomicfile"
)

// facetFileName is the facet column of the index's snapshot as saved in
// the library folder, so that a fresh process (every `attache search`)
// reads each match's facet values with one load of the file instead of
// decompressing them from the index's doc values, match by match.
const facetFileName = "facets.col"

// facetFileMagic begins a facet file; the number is its format's version
// (2: each facet's values in order, see sortFacetValues).
const facetFileMagic = "attache facets 2\n"

// facetRowSize is the bytes of one passage's row in the file: its
// document's and language's numbers plus one (0 for none) as uint32, then
// its themes as a uint64 set of bits, little-endian.
const facetRowSize = 16

// facetFile is a loaded facet file: the values of each facet by number,
// and one row per document number of the snapshot it was made from.
type facetFile struct {
	values [3][]string
	rows   []byte
	n      uint64
	// mapped is the file mapped into memory, which rows is part of: a
	// search touches the pages of the rows it counts only. Nil for a
	// file built in this process.
	mapped mmap.MMap
}

// row decodes the row of document number num. A row naming a value the
// file does not hold is refused (the caller then counts through Bleve).
func (f *facetFile) row(num uint64) (facetRow, bool) {
	if num >= f.n {
		return facetRow{}, false
	}
	b := f.rows[num*facetRowSize : (num+1)*facetRowSize]
	r := facetRow{
		filled: 1<<slotDoc | 1<<slotLang | 1<<slotTheme,
		doc:    int32(binary.LittleEndian.Uint32(b)),
		lang:   int32(binary.LittleEndian.Uint32(b[4:])),
		themes: binary.LittleEndian.Uint64(b[8:]),
	}
	if r.doc < 0 || int(r.doc) > len(f.values[slotDoc]) || r.lang < 0 || int(r.lang) > len(f.values[slotLang]) ||
		(len(f.values[slotTheme]) < 64 && r.themes>>len(f.values[slotTheme]) != 0) {
		return facetRow{}, false
	}
	return r, true
}

// close lets go of the file's mapping.
func (f *facetFile) close() {
	if f != nil && f.mapped != nil {
		f.mapped.Unmap()
		f.mapped, f.rows = nil, nil
	}
}

// facetFileKey identifies the document numbers of a snapshot: its
// segments in order, each by its file's name, size and modification time
// and its count of documents (deleted ones included, as the numbers
// are). It returns the key and the count of document numbers, or "" when
// the snapshot is not all on disk (an import in progress in this
// process), whose numbers no file can stand for.
func facetFileKey(reader index.IndexReader) (string, uint64) {
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return "", 0
	}
	var b strings.Builder
	var total uint64
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		p, ok := seg.(interface{ Path() string })
		if !ok {
			return "", 0
		}
		info, err := os.Stat(p.Path())
		if err != nil {
			return "", 0
		}
		n := seg.Count()
		fmt.Fprintf(&b, "%s %d %d %d;", filepath.Base(p.Path()), info.Size(), info.ModTime().UnixNano(), n)
		total += n
	}
	if b.Len() == 0 {
		return "", 0
	}
	return b.String(), total
}

// errStaleFacetFile says that a facet file is not of the snapshot asked
// for, or is damaged.
var errStaleFacetFile = errors.New("facet file: not this index's")

// readFacetFile maps the facet file at path if it was made from the
// snapshot key names with n document numbers.
func readFacetFile(path, key string, n uint64) (*facetFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() < int64(len(facetFileMagic)) || info.Size() > 1<<40 {
		return nil, errStaleFacetFile
	}
	m, err := mmap.Map(fh, mmap.RDONLY, 0)
	if err != nil {
		// a file system that cannot map it: read it, rather than
		// build it again in every process
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return decodeFacetFile(data, key, n)
	}
	f, err := decodeFacetFile(m, key, n)
	if err != nil {
		m.Unmap()
		return nil, err
	}
	f.mapped = m
	return f, nil
}

// decodeFacetFile reads a facet file's bytes (see encodeFacetFile); the
// rows stay in data.
func decodeFacetFile(data []byte, key string, n uint64) (*facetFile, error) {
	head := facetFileMagic + key + "\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		return nil, errStaleFacetFile
	}
	rest := data[len(head):]
	f := &facetFile{}
	for slot := range f.values {
		if len(rest) < 4 {
			return nil, errStaleFacetFile
		}
		count := binary.LittleEndian.Uint32(rest)
		rest = rest[4:]
		if uint64(count) > uint64(len(rest)) {
			return nil, errStaleFacetFile
		}
		values := make([]string, 0, count)
		for i := uint32(0); i < count; i++ {
			if len(rest) < 4 {
				return nil, errStaleFacetFile
			}
			l := binary.LittleEndian.Uint32(rest)
			rest = rest[4:]
			if uint64(l) > uint64(len(rest)) {
				return nil, errStaleFacetFile
			}
			values = append(values, string(rest[:l]))
			rest = rest[l:]
		}
		f.values[slot] = values
	}
	if len(rest) < 12 || binary.LittleEndian.Uint64(rest) != n {
		return nil, errStaleFacetFile
	}
	headLen := len(data) - len(rest) + 8
	if crc32.ChecksumIEEE(data[:headLen]) != binary.LittleEndian.Uint32(rest[8:]) {
		return nil, errStaleFacetFile
	}
	rows := rest[12:]
	if uint64(len(rows)) != n*facetRowSize {
		return nil, errStaleFacetFile
	}
	f.rows, f.n = rows, n
	return f, nil
}

// encodeFacetFile writes a facet file: the magic line, the snapshot's key
// on a line, each facet's values (a uint32 count, then each as a uint32
// length and its bytes), the count of rows as a uint64, a CRC-32 (IEEE)
// of all that, and the rows, little-endian throughout. The rows have no
// checksum, so that a search reads the pages of its rows only: the file
// is written whole or not at all (atomicfile), and a row naming a value
// the file lacks is refused.
func encodeFacetFile(key string, values [3][]string, rows []byte, n uint64) []byte {
	var b bytes.Buffer
	b.WriteString(facetFileMagic)
	b.WriteString(key)
	b.WriteByte('\n')
	var u4 [4]byte
	var u8 [8]byte
	for _, vs := range values {
		binary.LittleEndian.PutUint32(u4[:], uint32(len(vs)))
		b.Write(u4[:])
		for _, v := range vs {
			binary.LittleEndian.PutUint32(u4[:], uint32(len(v)))
			b.Write(u4[:])
			b.WriteString(v)
		}
	}
	binary.LittleEndian.PutUint64(u8[:], n)
	b.Write(u8[:])
	binary.LittleEndian.PutUint32(u4[:], crc32.ChecksumIEEE(b.Bytes()))
	b.Write(u4[:])
	b.Write(rows)
	return b.Bytes()
}

// buildFacetFile reads the facet values of every document number of the
// snapshot from its doc values and saves them at path. It returns nil
// when they do not fit a row (more distinct themes than a row holds) or
// the index cannot be read; saving is best effort.
func buildFacetFile(reader index.IndexReader, path, key string, n uint64) *facetFile {
	dvr, err := reader.DocValueReader([]string{fieldDoc, fieldLang, fieldThemes})
	if err != nil {
		return nil
	}
	var values [3][]string
	var ids [3]map[string]int
	intern := func(slot int, v []byte) int {
		if ids[slot] == nil {
			ids[slot] = map[string]int{}
		}
		k, ok := ids[slot][string(v)]
		if !ok {
			k = len(values[slot])
			values[slot] = append(values[slot], string(v))
			ids[slot][string(v)] = k
		}
		return k
	}
	rows := make([]byte, n*facetRowSize)
	var id [8]byte
	ok := true
	for num := uint64(0); num < n && ok; num++ {
		binary.BigEndian.PutUint64(id[:], num)
		row := rows[num*facetRowSize : (num+1)*facetRowSize]
		var themes uint64
		err := dvr.VisitDocValues(id[:], func(field string, term []byte) {
			switch field {
			case fieldDoc:
				binary.LittleEndian.PutUint32(row, uint32(intern(slotDoc, term)+1))
			case fieldLang:
				binary.LittleEndian.PutUint32(row[4:], uint32(intern(slotLang, term)+1))
			case fieldThemes:
				k := intern(slotTheme, term)
				if k >= maxThemes {
					ok = false
					return
				}
				themes |= 1 << k
			}
		})
		if err != nil {
			return nil
		}
		binary.LittleEndian.PutUint64(row[8:], themes)
	}
	if !ok {
		return nil
	}
	sortFacetValues(&values, rows, n)
	f := &facetFile{values: values, rows: rows, n: n}
	// A cache: a folder that cannot take it (read-only) goes without.
	_ = atomicfile.WriteFile(path, encodeFacetFile(key, values, rows, n))
	return f
}

// sortFacetValues puts each facet's values in order and renumbers the
// rows to match, so that value numbers order as the values do: the order
// a search's facets are listed in (topFacets) is then found by a sort of
// values already in order, cheap, in every fresh process.
func sortFacetValues(values *[3][]string, rows []byte, n uint64) {
	var renum [3][]int // old number -> new
	for slot, vs := range values {
		order := make([]int, len(vs))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return vs[order[a]] < vs[order[b]] })
		renum[slot] = make([]int, len(vs))
		sorted := make([]string, len(vs))
		for to, from := range order {
			renum[slot][from] = to
			sorted[to] = vs[from]
		}
		values[slot] = sorted
	}
	for num := uint64(0); num < n; num++ {
		row := rows[num*facetRowSize : (num+1)*facetRowSize]
		for slot, off := range []int{slotDoc: 0, slotLang: 4} {
			if v := binary.LittleEndian.Uint32(row[off:]); v > 0 {
				binary.LittleEndian.PutUint32(row[off:], uint32(renum[slot][v-1]+1))
			}
		}
		var themes uint64
		for bits, k := binary.LittleEndian.Uint64(row[8:]), 0; bits != 0; bits, k = bits>>1, k+1 {
			if bits&1 != 0 {
				themes |= 1 << renum[slotTheme][k]
			}
		}
		binary.LittleEndian.PutUint64(row[8:], themes)
	}
}

// folderWritable reports whether files can be made in dir.
func folderWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".facets-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
