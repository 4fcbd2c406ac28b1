package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
)

// CatalogFile is the name of the catalogue that LoadSeeds reads.
const CatalogFile = "catalog.json"

// catalogEntry is one entry of catalog.json.
type catalogEntry struct {
	File       string `json:"file"`
	ID         string `json:"id"`
	Lang       string `json:"lang"`
	Kind       string `json:"kind"`
	Issuer     string `json:"issuer"`
	Date       string `json:"date"`
	Place      string `json:"place"`
	Title      string `json:"title"`
	ShortTitle string `json:"short_title"`
	Reference  string `json:"reference"`
	URL        string `json:"url"`
}

// LoadSeeds reads catalog.json from fsys and parses every text it lists, in
// catalogue order. Each document's Meta.Source is the file name and
// Meta.Checksum the hex SHA-256 of the raw bytes.
func LoadSeeds(fsys fs.FS) ([]*Document, error) {
	raw, err := fs.ReadFile(fsys, CatalogFile)
	if err != nil {
		return nil, fmt.Errorf("read seed catalogue: %w", err)
	}
	var entries []catalogEntry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("read seed catalogue %q: %v", CatalogFile, err)
	}
	seen := make(map[string]bool, len(entries))
	docs := make([]*Document, 0, len(entries))
	for _, e := range entries {
		if e.ID == "" || e.File == "" {
			return nil, fmt.Errorf("seed catalogue %q: an entry lacks its id or file", CatalogFile)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("seed catalogue %q: id %q is used twice", CatalogFile, e.ID)
		}
		seen[e.ID] = true
		text, err := fs.ReadFile(fsys, e.File)
		if err != nil {
			return nil, fmt.Errorf("read seed %q: %w", e.File, err)
		}
		sum := sha256.Sum256(text)
		meta := Meta{
			ID: e.ID, Title: e.Title, ShortTitle: e.ShortTitle, Issuer: e.Issuer,
			Date: e.Date, Place: e.Place, Lang: e.Lang, Kind: e.Kind,
			Reference: e.Reference, URL: e.URL, Source: e.File,
			Checksum: hex.EncodeToString(sum[:]),
		}
		doc, err := Parse(meta, text)
		if err != nil {
			return nil, fmt.Errorf("seed %q: %w", e.File, err)
		}
		docs = append(docs, doc)
	}
	return docs, nil
}
