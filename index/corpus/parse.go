package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrNoText is returned by Parse when a text holds no passage at all.
var ErrNoText = errors.New("no text")

// Parse cleans a raw text and cuts it into sections and passages.
func Parse(meta Meta, raw []byte) (*Document, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("document %q: text is not valid UTF-8", meta.ID)
	}
	doc := &Document{Meta: meta}
	for _, block := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n") {
		text := strings.Join(strings.Fields(block), " ")
		if text == "" {
			continue
		}
		doc.Passages = append(doc.Passages, Passage{DocID: meta.ID, Lang: meta.Lang, Seq: len(doc.Passages), Kind: "paragraph", Text: text})
	}
	if len(doc.Passages) == 0 {
		return nil, fmt.Errorf("document %q: %w", meta.ID, ErrNoText)
	}
	assignIDs(doc)
	return doc, nil
}
