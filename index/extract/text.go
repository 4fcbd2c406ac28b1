package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"attache/lazyregexp"
)

// hasBOM16 reports whether data starts with a UTF-16 byte order mark.
func hasBOM16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// decodeText turns the bytes of a text file into a Go string: UTF-8 (with
// or without a BOM), UTF-16 with a BOM, or else Windows-1252 (a superset of
// Latin-1's printable characters). It says which encoding it read.
func decodeText(data []byte) (string, string, error) {
	var dec *encoding.Decoder
	name := "UTF-8"
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		dec, name = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		dec, name = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16BE"
	case !utf8.Valid(data):
		dec, name = charmap.Windows1252.NewDecoder(), "Windows-1252"
	}
	if dec == nil {
		return string(data), name, nil
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return "", name, fmt.Errorf("%w: not valid %s text: %v", ErrBroken, name, err)
	}
	return string(out), name, nil
}

// normalizeText makes line ends "\n", drops NULs and other control
// characters that are not white space or form feeds, and rejects lines
// longer than MaxLine.
func normalizeText(s string) (string, error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			if i-start > MaxLine {
				return "", fmt.Errorf("%w: a line of %s; the longest line read is %s", ErrUnsupported, humanSize(int64(i-start)), humanSize(MaxLine))
			}
			start = i + 1
		}
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\f' || r == 0x7f || r == '\ufeff' {
			return -1
		}
		return r
	}, s), nil
}

// extractText reads a plain-text file. Its title is its first line when
// that line is short and followed by a blank line or underlined.
func extractText(data []byte) (*Result, error) {
	s, r, err := readText(data)
	if err != nil {
		return nil, err
	}
	r.Text = s
	r.Title = firstLineTitle(s)
	return r, nil
}

// readText decodes and normalises a text file (plain or Markdown) and
// starts its Result, with a warning when it was not UTF-8.
func readText(data []byte) (string, *Result, error) {
	s, enc, err := decodeText(data)
	if err != nil {
		return "", nil, err
	}
	s, err = normalizeText(s)
	if err != nil {
		return "", nil, err
	}
	r := &Result{}
	if enc != "UTF-8" {
		r.Warnings = append(r.Warnings, "read as "+enc)
	}
	return s, r, nil
}

// firstLineTitle returns the first line of s when it reads as a title.
func firstLineTitle(s string) string {
	s = strings.TrimLeft(s, " \t\n\f")
	line, rest, _ := strings.Cut(s, "\n")
	line = strings.TrimSpace(strings.TrimLeft(line, "# "))
	if line == "" || utf8.RuneCountInString(line) > 150 {
		return ""
	}
	next, _, _ := strings.Cut(rest, "\n")
	next = strings.TrimSpace(next)
	if next == "" || strings.Trim(next, "=-") == "" || strings.HasPrefix(s, "#") {
		return strings.TrimRight(line, ".:")
	}
	return ""
}

var (
	mdSetext1  = lazyregexp.New(`(?m)^([^\n#>\-*+ ][^\n]*)\n=+[ \t]*$`)
	mdSetext2  = lazyregexp.New(`(?m)^([^\n#>\-*+ ][^\n]*)\n-{2,}[ \t]*$`)
	mdImage    = lazyregexp.New(`!\[([^\]\n]*)\]\([^)\n]*\)`)
	mdFence    = lazyregexp.New("(?m)^[ \t]*(```|~~~).*$")
	mdHeading  = lazyregexp.New(`(?m)^#{1,6}[ \t]+(.+?)[ \t#]*$`)
	mdRefDef   = lazyregexp.New(`(?m)^[ ]{0,3}\[[^\]^\n]+\]:[ \t]+\S+.*$`)
	mdHTMLNote = lazyregexp.New(`(?s)<!--.*?-->`)
)

// extractMarkdown reads a Markdown file: front matter gives metadata,
// setext headings become ATX headings, images, link definitions, comments
// and code fences go; the rest is already the text form corpus parses.
func extractMarkdown(data []byte) (*Result, error) {
	s, r, err := readText(data)
	if err != nil {
		return nil, err
	}
	s = frontMatter(s, r)
	s = mdHTMLNote.ReplaceAllString(s, "")
	s = mdSetext1.ReplaceAllString(s, "# $1")
	s = mdSetext2.ReplaceAllString(s, "## $1")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdFence.ReplaceAllString(s, "")
	s = mdRefDef.ReplaceAllString(s, "")
	if r.Title == "" {
		if m := mdHeading.FindStringSubmatch(s); m != nil {
			r.Title = m[1]
		}
	}
	r.Text = s
	return r, nil
}

// frontMatter strips a YAML front-matter block from s, keeping its title,
// author and date in r.
func frontMatter(s string, r *Result) string {
	if !strings.HasPrefix(s, "---\n") {
		return s
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 || end > 64<<10 {
		return s
	}
	block := s[4 : 4+end]
	for _, line := range strings.Split(block, "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			r.Title = val
		case "author", "authors", "issuer":
			r.Author = val
		case "date":
			r.Date = val
		case "lang", "language":
			r.Lang = val
		case "description", "summary":
			r.Description = val
		}
	}
	rest := s[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		return rest[i+1:]
	}
	return ""
}
