package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// sniffZip tells a DOCX from an ODT by the archive's entries.
func sniffZip(ext string, data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: broken zip archive: %v", ErrBroken, err)
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return FormatDOCX, nil
		case "mimetype":
			if m, err := readEntry(f, 256, nil); err == nil && strings.TrimSpace(string(m)) == "application/vnd.oasis.opendocument.text" {
				return FormatODT, nil
			}
		}
	}
	for _, f := range zr.File {
		if f.Name == "content.xml" && ext == ".odt" {
			return FormatODT, nil
		}
	}
	return "", fmt.Errorf("%w: a zip archive that is neither DOCX nor ODT", ErrUnsupported)
}

// budget is what is left of MaxUnpacked for one archive.
type budget struct{ left int64 }

// readEntry inflates one archive entry, refusing entries whose declared
// or actual size is over limit or over what is left of the budget, so a zip
// bomb fails after reading at most that much.
func readEntry(f *zip.File, limit int64, b *budget) ([]byte, error) {
	if b != nil && b.left < limit {
		limit = b.left
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%w: archive entry %s unpacks to %s, over the limit of %s", ErrTooLarge, f.Name, humanSize(int64(min(f.UncompressedSize64, 1<<62))), humanSize(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: archive entry %s: %v", ErrBroken, f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: archive entry %s: %v", ErrBroken, f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: archive entry %s unpacks to more than %s", ErrTooLarge, f.Name, humanSize(limit))
	}
	if b != nil {
		b.left -= int64(len(data))
	}
	return data, nil
}

// archive is an opened DOCX or ODT package: its entries by name and what
// is left of MaxUnpacked to inflate them.
type archive struct {
	files  map[string]*zip.File
	budget budget
}

// openArchive opens a zip package and inflates its main entry (the
// document's body), which must be there: format names the package kind in
// the error ("the DOCX has no word/document.xml").
func openArchive(data []byte, format, main string) (*archive, []byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: broken zip archive: %v", ErrBroken, err)
	}
	a := &archive{files: make(map[string]*zip.File, len(zr.File)), budget: budget{left: MaxUnpacked}}
	for _, f := range zr.File {
		a.files[f.Name] = f
	}
	f, ok := a.files[main]
	if !ok {
		return nil, nil, fmt.Errorf("%w: the %s has no %s", ErrBroken, format, main)
	}
	body, err := readEntry(f, MaxUnpacked, &a.budget)
	if err != nil {
		return nil, nil, err
	}
	return a, body, nil
}

// optional inflates an entry the package may lack (styles, notes,
// properties), up to limit bytes; it returns nil when the entry is missing
// or cannot be read, since the document reads without it.
func (a *archive) optional(name string, limit int64) []byte {
	f, ok := a.files[name]
	if !ok {
		return nil
	}
	data, err := readEntry(f, limit, &a.budget)
	if err != nil {
		return nil
	}
	return data
}
