package briefing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"attache/atomicfile"
)

// The .brief file format: an indented JSON object whose "format" is
// FormatName and whose "version" is "MAJOR.MINOR". This version reads any
// 1.x file; fields it does not know are kept and written back.
const (
	// FormatName is the value of the "format" field of every .brief file.
	FormatName = "attache-brief"
	// Version is the format version this package writes.
	Version = "1.0"
	// Extension is the usual file name extension of a brief.
	Extension = ".brief"
	// MaxFileSize is the largest .brief file read: 32 MiB, a hundred times
	// a brief of a hundred long excerpts.
	MaxFileSize = 32 << 20
	// MaxDepth is the deepest nesting of JSON objects and arrays read; a
	// brief's own fields go 7 deep, and fields of later versions have room.
	MaxDepth = 100
)

// Marshal returns the brief as the indented JSON of a .brief file; its
// unknown fields are written as they were read, byte for byte.
func Marshal(b *Brief) ([]byte, error) {
	raw := newRawFields()
	held, err := raw.holdAll(b)
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(held, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(raw.restore(data), '\n'), nil
}

// Parse reads a brief from the bytes of a .brief file; name is used in
// error messages. Every error is one line saying what is wrong.
func Parse(data []byte, name string) (*Brief, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("brief %q is too large: %d MiB, the limit is %d MiB", name, len(data)>>20, MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("brief %q is empty", name)
	}
	if at := tooDeep(data, MaxDepth); at >= 0 {
		return nil, fmt.Errorf("brief %q is damaged: nested more than %d levels deep at byte %d", name, MaxDepth, at)
	}
	var probe any
	if err := json.Unmarshal(data, &probe); err != nil {
		if trimmed[0] != '{' {
			return nil, fmt.Errorf("file %q is not an Attaché brief (not JSON)", name)
		}
		return nil, fmt.Errorf("brief %q is damaged: %s", name, syntaxMessage(err, len(data)))
	}
	obj, ok := probe.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("file %q is not an Attaché brief (JSON, but not a brief)", name)
	}
	if f, _ := obj["format"].(string); f != FormatName {
		return nil, fmt.Errorf("file %q is not an Attaché brief (no \"format\": %q)", name, FormatName)
	}
	v, _ := obj["version"].(string)
	major, _, err := parseVersion(v)
	if err != nil {
		return nil, fmt.Errorf("brief %q is damaged: bad format version %q", name, v)
	}
	if major > 1 {
		return nil, fmt.Errorf("brief %q was written by a newer Attaché (format %s); this one reads 1.x", name, v)
	}
	if major < 1 {
		return nil, fmt.Errorf("brief %q has an unknown format version %s; this Attaché reads 1.x", name, v)
	}
	var b Brief
	if err := json.Unmarshal(data, &b); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("brief %q is damaged: field %s holds %s at byte %d", name, fieldPath(te.Field), te.Value, te.Offset)
		}
		return nil, fmt.Errorf("brief %q is damaged: %v", name, err)
	}
	b.fixIDs()
	return &b, nil
}

// Load reads a .brief file. It never writes to the file.
func Load(path string) (*Brief, error) {
	// Only a regular file is read: reading a FIFO or a device (/dev/zero)
	// would wait or read forever.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, fmt.Errorf("open brief %q: is a folder", path)
		}
		return nil, fmt.Errorf("open brief %q: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open brief %q: no such file", path)
		}
		return nil, fmt.Errorf("open brief %q: %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, fmt.Errorf("brief %q is too large: %d MiB, the limit is %d MiB", path, st.Size()>>20, MaxFileSize>>20)
	}
	// read one byte past the limit, so that a file growing meanwhile is
	// refused by Parse rather than read without end
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("open brief %q: %v", path, oneLineErr(err))
	}
	return Parse(data, path)
}

// Save writes the brief to path atomically: to a temporary file in the
// same folder, synced, then renamed over the old file, so a crash leaves
// either the old file or the new one whole.
func Save(path string, b *Brief) error {
	data, err := Marshal(b)
	if err != nil {
		return fmt.Errorf("save brief %q: %v", path, err)
	}
	if err := WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return fmt.Errorf("save brief %q: %w", path, err)
	}
	return nil
}

// WriteFileAtomic writes a file through write, atomically: see
// atomicfile.Write (links written through, a read-only file refused with
// atomicfile.ErrReadOnly). On any failure path is untouched.
func WriteFileAtomic(path string, write func(w io.Writer) error) error {
	return atomicfile.Write(path, write)
}

// oneLineErr is the message of a read error without the path os puts in.
func oneLineErr(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// tooDeep returns the offset in data where JSON objects and arrays nest
// deeper than max, or -1. Strings are skipped, escapes and all.
func tooDeep(data []byte, max int) int {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > max {
				return i
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return -1
}

func syntaxMessage(err error, size int) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Error(), "unexpected end") {
			return fmt.Sprintf("unexpected end of JSON at byte %d", size)
		}
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end") {
		return fmt.Sprintf("unexpected end of JSON at byte %d", size)
	}
	return err.Error()
}

// parseVersion reads "MAJOR.MINOR".
func parseVersion(v string) (major, minor int, err error) {
	a, b, ok := strings.Cut(v, ".")
	if !ok {
		return 0, 0, fmt.Errorf("bad version %q", v)
	}
	if major, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	if minor, err = strconv.Atoi(b); err != nil {
		return 0, 0, err
	}
	return major, minor, nil
}

// newerVersion returns the newer of two versions; an unreadable one loses.
func newerVersion(a, b string) string {
	am, an, aerr := parseVersion(a)
	bm, bn, berr := parseVersion(b)
	switch {
	case aerr != nil:
		return b
	case berr != nil:
		return a
	case am > bm || (am == bm && an > bn):
		return a
	}
	return b
}

// fixIDs gives an ID to every section and excerpt that has none or shares
// one with another, so the operations can find each.
func (b *Brief) fixIDs() {
	// sections and excerpts share one space of IDs: the first to use an ID
	// keeps it, a later one loses it
	seen := map[string]bool{}
	claim := func(id *string) {
		if seen[*id] {
			*id = ""
		} else if *id != "" {
			seen[*id] = true
		}
	}
	for i := range b.Sections {
		s := &b.Sections[i]
		claim(&s.ID)
		for j := range s.Excerpts {
			x := &s.Excerpts[j]
			claim(&x.ID)
			if x.Full == "" {
				x.Full = x.Text
			}
		}
	}
	// the lowest free number for each prefix, as newID gives, but counted
	// on from the last one: newID scans the whole brief for each ID, which
	// is quadratic in a file of thousands of sections without IDs
	next := map[string]int{}
	fresh := func(prefix string) string {
		for {
			next[prefix]++
			if id := prefix + strconv.Itoa(next[prefix]); !seen[id] {
				seen[id] = true
				return id
			}
		}
	}
	for i := range b.Sections {
		s := &b.Sections[i]
		if s.ID == "" {
			s.ID = fresh("s")
		}
		for j := range s.Excerpts {
			if s.Excerpts[j].ID == "" {
				s.Excerpts[j].ID = fresh("x")
			}
		}
	}
}

// fieldPath drops the names of this package's internal types from a JSON
// field path ("briefFields.sections" is "sections").
func fieldPath(p string) string {
	for _, t := range []string{"briefFields.", "sectionFields.", "excerptFields."} {
		p = strings.ReplaceAll(p, t, "")
	}
	return p
}
