package briefing

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzParseBrief checks the .brief loader on any bytes: it never panics,
// its errors are one line, and a brief it reads saves and reads back the
// same (the second save is byte for byte the first).
func FuzzParseBrief(f *testing.F) {
	if data, err := os.ReadFile("../examples/sample.brief"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"format": "attache-brief", "version": "1.3", "title": "Future", "watermark": {"text": "DRAFT"},
		"sections": [{"id": "s1", "heading": "One", "text": "A.\n\nB.", "collapsed": true,
		"excerpts": [{"id": "x1", "passage": "p1", "source": {"doc": "d", "title": "T", "url": "javascript:x"}, "text": "Hello … world", "full": "Hello big world", "mark": [1]}]}]}`))
	f.Add([]byte(`{"format": "attache-brief", "version": "1.0", "sections": [{"id": "s1"}, {"id": "s1"}]}`))
	f.Add([]byte(`{"format": "attache-brief", "version": "2.0"}`))
	f.Add([]byte(`{"format": "attache-brief", "version": "1.0", "x": [[[[[[1]]]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data, "fuzz.brief")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error on two lines: %q", err)
			}
			return
		}
		out, err := Marshal(b)
		if err != nil {
			t.Fatalf("a brief read cannot be saved: %v", err)
		}
		b2, err := Parse(out, "saved.brief")
		if err != nil {
			t.Fatalf("a saved brief cannot be read: %v\n%s", err, out)
		}
		out2, err := Marshal(b2)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("save, read, save differs:\n%s\n---\n%s", out, out2)
		}
	})
}
