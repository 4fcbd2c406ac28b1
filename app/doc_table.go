package app

import (
	"strings"

	"attache/index"
	"attache/index/corpus"
)

// docTable is the library's documents as the window knows them: in the
// library's order, each found by its ID, with the details a brief cites
// (not the original's file name or checksum, which the window never
// shows). Each document's details are packed into one string, unpacked
// when asked for: for 8,000 documents the table holds about 1.2 MB where
// the library's DocInfo values, kept in a map, held 3.5 MB.
type docTable struct {
	rows []docRow
	at   map[string]int32
	// langs are the languages the documents are in.
	langs map[string]bool
}

// docRow is one document of a docTable.
type docRow struct {
	id string
	// meta is the document's Title, ShortTitle, Issuer, Date, Place,
	// Lang, Kind, Reference and URL, each ended by a zero byte.
	meta     string
	passages int32
	seed     bool
}

// metaFields are the fields of m a docRow keeps, in the order it packs
// them.
func metaFields(m *corpus.Meta) [9]*string {
	return [...]*string{&m.Title, &m.ShortTitle, &m.Issuer, &m.Date, &m.Place, &m.Lang, &m.Kind, &m.Reference, &m.URL}
}

// info unpacks a row.
func (r *docRow) info() index.DocInfo {
	d := index.DocInfo{Passages: int(r.passages), Seed: r.seed}
	d.ID = r.id
	rest := r.meta
	for _, f := range metaFields(&d.Meta) {
		i := strings.IndexByte(rest, 0)
		if i < 0 {
			break
		}
		*f, rest = rest[:i], rest[i+1:]
	}
	return d
}

// readDocTable lists lib's documents for the window. It reads the
// library: call it off the UI goroutine (a million passages: 75,000
// documents).
func readDocTable(lib index.Library) (docTable, error) {
	infos, err := lib.Documents()
	if err != nil {
		return docTable{}, err
	}
	return newDocTable(infos), nil
}

// newDocTable keeps the documents of a library, in the order given. Their
// IDs and details are copied into one string, which the rows and the map
// share: thousands of small strings among the garbage of the list they
// came from would keep most of its memory pages in use.
func newDocTable(infos []index.DocInfo) docTable {
	size := 0
	for i := range infos {
		size += len(infos[i].ID)
		for _, f := range metaFields(&infos[i].Meta) {
			size += len(*f) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	spans := make([][2]int, len(infos)) // where each row's ID ends and its meta ends
	for i := range infos {
		b.WriteString(infos[i].ID)
		spans[i][0] = b.Len()
		for _, f := range metaFields(&infos[i].Meta) {
			b.WriteString(*f)
			b.WriteByte(0)
		}
		spans[i][1] = b.Len()
	}
	all := b.String()
	t := docTable{rows: make([]docRow, len(infos)), at: make(map[string]int32, len(infos)), langs: map[string]bool{}}
	from := 0
	for i := range infos {
		r := &t.rows[i]
		r.id, r.meta = all[from:spans[i][0]], all[spans[i][0]:spans[i][1]]
		r.passages, r.seed = int32(infos[i].Passages), infos[i].Seed
		t.at[r.id] = int32(i)
		t.langs[infos[i].Lang] = true
		from = spans[i][1]
	}
	return t
}

// get returns the document with this ID, without its Source and Checksum.
func (t docTable) get(id string) (index.DocInfo, bool) {
	i, ok := t.at[id]
	if !ok {
		return index.DocInfo{}, false
	}
	return t.rows[i].info(), true
}

// len is the number of documents.
func (t docTable) len() int { return len(t.rows) }

// passages is the number of passages of all the documents.
func (t docTable) passages() int {
	n := 0
	for i := range t.rows {
		n += int(t.rows[i].passages)
	}
	return n
}

// idAt is the ID of the i-th document.
func (t docTable) idAt(i int) string { return t.rows[i].id }

// ids lists the documents' IDs in the library's order.
func (t docTable) ids() []string {
	ids := make([]string, len(t.rows))
	for i := range t.rows {
		ids[i] = t.rows[i].id
	}
	return ids
}
