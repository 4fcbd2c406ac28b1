// Package extract turns document files (plain text, Markdown, HTML, PDF,
// DOCX, ODT) into the text form that package corpus parses, with the
// metadata the file carries and the language the text is written in.
//
// Every extractor is bounded: input over MaxSize, archives that inflate past
// MaxUnpacked, HTML nested deeper than MaxDepth, lines longer than MaxLine
// and PDFs that take longer than PDFTimeout fail with an error instead of
// exhausting memory or time. Errors wrap one of the Err values below so that
// callers can tell the reasons apart.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Limits on what Extract accepts.
const (
	// MaxSize is the largest file Extract reads: 50 MiB.
	MaxSize = 50 << 20
	// MaxUnpacked is the most bytes read from a DOCX or ODT archive, all
	// entries together: 200 MiB.
	MaxUnpacked = 200 << 20
	// MaxDepth is the deepest element nesting of an HTML page.
	MaxDepth = 512
	// MaxLine is the longest line of a plain-text or Markdown file: 1 MiB.
	MaxLine = 1 << 20
)

// Reasons a file cannot be imported. Extract's errors wrap one of them.
var (
	ErrEmpty       = errors.New("empty file")
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("unsupported format")
	ErrEncrypted   = errors.New("encrypted document")
	ErrNoText      = errors.New("no text")
	ErrBroken      = errors.New("damaged file")
)

// Format names, as found in Result.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatPDF      = "pdf"
	FormatDOCX     = "docx"
	FormatODT      = "odt"
)

// Result is a document extracted from a file.
type Result struct {
	// Text is the document in the text form corpus.Parse reads.
	Text string `json:"-"`
	// Title, Author, Date and Description come from the file's own metadata
	// or, for the title, its first heading; each may be empty. Date is
	// ISO 8601, possibly partial.
	Title       string `json:"title,omitempty"`
	Author      string `json:"author,omitempty"`
	Date        string `json:"date,omitempty"`
	Description string `json:"description,omitempty"`
	// Lang is the ISO 639-1 code of the text's language: the one the file
	// declares if the text does not contradict it, else the detected one,
	// else empty.
	Lang string `json:"lang,omitempty"`
	// Format is one of the Format constants.
	Format string `json:"format"`
	// Pages is the number of pages of a PDF, else 0.
	Pages int `json:"pages,omitempty"`
	// Warnings are problems that did not stop the extraction.
	Warnings []string `json:"warnings,omitempty"`
}

// ExtractFile reads and extracts the file at path, refusing files over
// MaxSize before reading them.
func ExtractFile(path string) (*Result, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file", ErrUnsupported)
	}
	if st.Size() > MaxSize {
		return nil, fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, humanSize(st.Size()), humanSize(MaxSize))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Extract(path, data)
}

// Extract extracts the document in data; path is used only for its file
// name extension, which decides the format when the content does not.
func Extract(path string, data []byte) (*Result, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, humanSize(int64(len(data))), humanSize(MaxSize))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	format, err := Sniff(path, data)
	if err != nil {
		return nil, err
	}
	var r *Result
	switch format {
	case FormatText:
		r, err = extractText(data)
	case FormatMarkdown:
		r, err = extractMarkdown(data)
	case FormatHTML:
		r, err = extractHTML(data)
	case FormatPDF:
		r, err = extractPDF(data)
	case FormatDOCX:
		r, err = extractDOCX(data)
	case FormatODT:
		r, err = extractODT(data)
	}
	if err != nil {
		return nil, err
	}
	r.Format = format
	r.Text = strings.TrimSpace(r.Text)
	if r.Text == "" {
		return nil, fmt.Errorf("%w: the %s file has no text", ErrNoText, format)
	}
	r.Title = cleanField(r.Title)
	r.Author = cleanField(r.Author)
	r.Description = cleanField(r.Description)
	r.Date = normalizeDate(r.Date)
	r.Lang = chooseLang(r.Lang, r.Text)
	return r, nil
}

// Sniff decides the format of data: by its first bytes for PDF and zip
// archives, by the name's extension and then the content for text.
func Sniff(path string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(ext, data)
	case bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return "", fmt.Errorf("%w: an empty zip archive", ErrBroken)
	}
	if k := binaryKind(data); k != "" {
		return "", fmt.Errorf("%w: %s", ErrUnsupported, k)
	}
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown, nil
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML, nil
	case ".txt", ".text", "":
	case ".pdf", ".docx", ".odt":
		return "", fmt.Errorf("%w: not a %s file", ErrBroken, strings.ToUpper(ext[1:]))
	default:
		if !textExt(ext) && !looksLikeHTML(data) {
			return "", fmt.Errorf("%w: %q files", ErrUnsupported, ext)
		}
	}
	if looksLikeHTML(data) {
		return FormatHTML, nil
	}
	return FormatText, nil
}

// textExt lists extensions of files that are plain text under another name.
func textExt(ext string) bool {
	switch ext {
	case ".asc", ".rst", ".org", ".log", ".csv", ".tsv":
		return true
	}
	return false
}

// looksLikeHTML reports whether data starts, after white space and a BOM,
// with an HTML doctype or tag.
func looksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.ToLower(bytes.TrimSpace(head))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!doctype html"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

// binaryKind names well-known binary formats, or says "binary data" for
// content that is not text in any encoding Extract reads; "" means text.
func binaryKind(data []byte) string {
	magic := []struct{ prefix, name string }{
		{"\x89PNG", "a PNG image"}, {"\xff\xd8\xff", "a JPEG image"}, {"GIF8", "a GIF image"},
		{"\x1f\x8b", "a gzip archive"}, {"BZh", "a bzip2 archive"}, {"\xfd7zXZ", "an xz archive"},
		{"7z\xbc\xaf", "a 7-zip archive"}, {"Rar!", "a RAR archive"}, {"\x7fELF", "a program"},
		{"MZ", "a Windows program"}, {"\xd0\xcf\x11\xe0", "an old Microsoft Office file (save it as DOCX)"},
		{"{\\rtf", "an RTF file"}, {"OggS", "an Ogg file"}, {"ID3", "an MP3 file"}, {"wOFF", "a web font"},
		{"wOF2", "a web font"}, {"%!PS", "a PostScript file"}, {"SQLite format", "an SQLite database"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.name
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "a video file"
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		return "a RIFF media file"
	}
	if hasBOM16(data) {
		return ""
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "binary data"
	}
	if utf8.Valid(head) || !utf8.Valid(head) && utf8.Valid(trimPartialRune(head)) {
		return ""
	}
	// Legacy 8-bit text: control characters other than white space mean binary.
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	if ctl > len(head)/100 {
		return "binary data"
	}
	return ""
}

// trimPartialRune drops a UTF-8 sequence cut off at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// humanSize formats a byte count for a message.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanField collapses white space in a metadata value.
func cleanField(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
