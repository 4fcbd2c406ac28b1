package briefing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// The JSON forms of Brief, Section and Excerpt keep unknown fields (from a
// newer minor version of the format) in Extra and write them back.

type (
	briefFields   Brief
	sectionFields Section
	excerptFields Excerpt
)

var (
	briefKeys   = jsonNames(reflect.TypeOf(Brief{}), map[string]bool{"format": true, "version": true})
	sectionKeys = jsonNames(reflect.TypeOf(Section{}), nil)
	excerptKeys = jsonNames(reflect.TypeOf(Excerpt{}), nil)
)

// MarshalJSON writes the brief with its format name and version first.
func (b Brief) MarshalJSON() ([]byte, error) {
	out := struct {
		Format  string `json:"format"`
		Version string `json:"version"`
		briefFields
	}{FormatName, newerVersion(b.FormatVersion, Version), briefFields(b)}
	if out.Sections == nil {
		out.Sections = []Section{}
	}
	return marshalWithExtra(out, b.Extra, briefKeys)
}

// UnmarshalJSON reads a brief, keeping unknown fields in Extra. It does not
// check the format name or version: Parse does.
func (b *Brief) UnmarshalJSON(data []byte) error {
	var in struct {
		Version string `json:"version"`
		briefFields
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	extra, err := extraFields(data, briefKeys)
	if err != nil {
		return err
	}
	*b = Brief(in.briefFields)
	b.FormatVersion = in.Version
	b.Extra = extra
	return nil
}

// MarshalJSON writes the section with its unknown fields.
func (s Section) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(sectionFields(s), s.Extra, sectionKeys)
}

// UnmarshalJSON reads a section; its text may be a list of paragraphs or one
// string with paragraphs separated by blank lines.
func (s *Section) UnmarshalJSON(data []byte) error {
	var in struct {
		sectionFields
		Text json.RawMessage `json:"text"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*s = Section(in.sectionFields)
	if len(in.Text) > 0 && !bytes.Equal(in.Text, []byte("null")) {
		if in.Text[0] == '"' {
			var t string
			if err := json.Unmarshal(in.Text, &t); err != nil {
				return err
			}
			s.Text = Paragraphs(t)
		} else if err := json.Unmarshal(in.Text, &s.Text); err != nil {
			return fmt.Errorf("section %q: text must be a string or a list of paragraphs", s.ID)
		}
	}
	extra, err := extraFields(data, sectionKeys)
	s.Extra = extra
	return err
}

// MarshalJSON writes the excerpt with its unknown fields.
func (x Excerpt) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(excerptFields(x), x.Extra, excerptKeys)
}

// UnmarshalJSON reads an excerpt, keeping unknown fields in Extra.
func (x *Excerpt) UnmarshalJSON(data []byte) error {
	var in excerptFields
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*x = Excerpt(in)
	extra, err := extraFields(data, excerptKeys)
	x.Extra = extra
	return err
}

// jsonNames lists the JSON names of a struct's fields, including those of
// embedded structs, plus the given extra names.
func jsonNames(t reflect.Type, plus map[string]bool) map[string]bool {
	names := map[string]bool{}
	for k := range plus {
		names[k] = true
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
			for k := range jsonNames(f.Type, nil) {
				names[k] = true
			}
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	return names
}

// extraFields returns the members of the JSON object data whose names are
// not in known, or nil when there are none.
func extraFields(data []byte, known map[string]bool) (map[string]json.RawMessage, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, v := range raw {
		if known[k] {
			continue
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[k] = v
	}
	return extra, nil
}

// marshalWithExtra writes v, a struct, as a JSON object followed by the
// unknown fields in extra, in name order.
func marshalWithExtra(v any, extra map[string]json.RawMessage, known map[string]bool) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var keys []string
	for k := range extra {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return data, nil
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.Write(bytes.TrimSpace(data)[:len(bytes.TrimSpace(data))-1])
	empty := bytes.Equal(bytes.TrimSpace(data), []byte("{}"))
	for i, k := range keys {
		if i > 0 || !empty {
			buf.WriteByte(',')
		}
		name, _ := json.Marshal(k)
		buf.Write(name)
		buf.WriteByte(':')
		v := extra[k]
		if !json.Valid(v) {
			return nil, fmt.Errorf("unknown field %q holds invalid JSON", k)
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
