package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// PassageID returns the stable ID of a passage text in a document: the
// document ID, "#", and the first 10 hex digits of the SHA-256 of the text.
func PassageID(docID, text string) string {
	sum := sha256.Sum256([]byte(text))
	return docID + "#" + hex.EncodeToString(sum[:])[:10]
}

// assignIDs gives every passage its stable ID; a text that occurs again in
// the same document gets "-2", "-3"… after its hash.
func assignIDs(doc *Document) {
	seen := make(map[string]int, len(doc.Passages))
	for i := range doc.Passages {
		p := &doc.Passages[i]
		id := PassageID(doc.ID, p.Text)
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		p.ID = id
	}
}

// Passage returns the document's passage with the given ID.
func (d *Document) Passage(id string) (*Passage, bool) {
	for i := range d.Passages {
		if d.Passages[i].ID == id {
			return &d.Passages[i], true
		}
	}
	return nil, false
}
