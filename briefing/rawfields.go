package briefing

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
)

// The unknown fields of a brief (from a later version of the format) are
// written back byte for byte as they were read. encoding/json would
// compact them and MarshalIndent re-indent them, which makes a deeply
// nested field grow with the square of its depth; so Marshal writes a
// placeholder string for each and puts the raw bytes back in its place.

// rawFields holds the raw values behind the placeholders of one Marshal.
type rawFields struct {
	nonce string
	vals  []json.RawMessage
}

func newRawFields() *rawFields {
	var n [8]byte
	rand.Read(n[:])
	return &rawFields{nonce: hex.EncodeToString(n[:])}
}

// hold replaces every value of extra by a placeholder, in a new map.
func (r *rawFields) hold(extra map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	if len(extra) == 0 {
		return extra, nil
	}
	out := make(map[string]json.RawMessage, len(extra))
	for k, v := range extra {
		if !json.Valid(v) {
			return nil, fmt.Errorf("unknown field %q holds invalid JSON", k)
		}
		out[k] = json.RawMessage(`"attache-raw-` + r.nonce + "-" + strconv.Itoa(len(r.vals)) + `"`)
		r.vals = append(r.vals, bytes.TrimSpace(v))
	}
	return out, nil
}

// holdAll returns a copy of b whose unknown fields, at every level, are
// placeholders.
func (r *rawFields) holdAll(b *Brief) (*Brief, error) {
	c := *b
	var err error
	if c.Extra, err = r.hold(b.Extra); err != nil {
		return nil, err
	}
	c.Sections = make([]Section, len(b.Sections))
	for i, s := range b.Sections {
		if s.Extra, err = r.hold(s.Extra); err != nil {
			return nil, err
		}
		if s.Excerpts != nil {
			xs := make([]Excerpt, len(s.Excerpts))
			for j, x := range s.Excerpts {
				if x.Extra, err = r.hold(x.Extra); err != nil {
					return nil, err
				}
				xs[j] = x
			}
			s.Excerpts = xs
		}
		c.Sections[i] = s
	}
	return &c, nil
}

// restore puts the raw values back in place of their placeholders.
func (r *rawFields) restore(data []byte) []byte {
	if len(r.vals) == 0 {
		return data
	}
	re := regexp.MustCompile(`"attache-raw-` + r.nonce + `-(\d+)"`)
	return re.ReplaceAllFunc(data, func(m []byte) []byte {
		i, _ := strconv.Atoi(string(m[len(`"attache-raw-`)+len(r.nonce)+1 : len(m)-1]))
		return r.vals[i]
	})
}
