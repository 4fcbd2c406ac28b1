package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"attache/seeds"
)

// FuzzParse checks that Parse never panics and that what it returns keeps
// its promises, whatever the text.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"000_fea732852672aab9.txt", "001_2fc69bc64bb88772.txt", "002_2851658771870aa1.txt", "003_e68c56b7d9ccb62f.txt"} {
		raw, err := seeds.FS.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw[:len(raw)/3])
	}
	f.Add([]byte(markdownSample))
	f.Add([]byte("1 2 3\n\n[^1]: x\n\n¹ y\n\f\f- a) b\n# \n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := Parse(Meta{ID: "fuzz", Lang: "en"}, raw)
		if err != nil {
			if utf8.Valid(raw) && !errors.Is(err, ErrNoText) {
				t.Fatalf("valid UTF-8 refused: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on two lines: %q", err)
			}
			return
		}
		ids := map[string]bool{}
		for i, p := range d.Passages {
			if p.Text == "" || p.Seq != i || ids[p.ID] || p.Locator == "" || strings.ContainsAny(p.Text, "\n\f") {
				t.Fatalf("passage %d: %+v", i, p)
			}
			ids[p.ID] = true
		}
		for _, s := range d.Sections {
			if s.First < 0 || s.First > len(d.Passages) {
				t.Fatalf("section %+v", s)
			}
		}
	})
}
