package briefing

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nested is a JSON value nested depth arrays deep around a string.
func nested(depth int) string {
	return strings.Repeat("[", depth) + `"deep"` + strings.Repeat("]", depth)
}

// TestUnknownFieldsKeptByteForByte checks that saving a brief writes its
// unknown fields exactly as they were read, spacing and all, and does not
// re-indent them: a field nested 90 deep grew with the square of its depth
// (9,990 deep, 35 KB became 199.7 MB). Before the fix this failed.
func TestUnknownFieldsKeptByteForByte(t *testing.T) {
	odd := `{"a" :  [1,2,  3],` + "\n\t\"b\":" + nested(90) + `, "c": "\u00e8"}`
	in := `{"format": "attache-brief", "version": "1.0", "title": "T", "future": ` + odd + `,
  "sections": [{"id": "s1", "heading": "One", "later": ` + nested(60) + `,
    "excerpts": [{"id": "x1", "passage": "p1", "source": {"doc": "d", "title": "T"}, "text": "Hello", "full": "Hello", "mark":   [ "x" ]}]}]}`
	b, err := Parse([]byte(in), "future.brief")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "future.brief")
	if err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	for _, raw := range []string{odd, nested(60), `[ "x" ]`} {
		if !bytes.Contains(out, []byte(raw)) {
			t.Errorf("unknown field not kept byte for byte: %.80s…", raw)
		}
	}
	if len(out) > 3*len(in) {
		t.Errorf("saved %d bytes from %d", len(out), len(in))
	}
	again, err := Parse(out, path)
	if err != nil || again.Title != "T" || string(again.Extra["future"]) != odd {
		t.Errorf("reload: %v %q", err, again.Extra["future"])
	}
	// the known fields are still indented as before
	if !bytes.Contains(out, []byte("\n  \"title\": \"T\",\n")) {
		t.Errorf("known fields not indented:\n%.300s", out)
	}
}

// TestLoadCaps checks that the loader refuses, in one line, a brief nested
// deeper than any brief is and one larger than any brief is. Before the
// fix both were read (and the deep one saved as 199.7 MB).
func TestLoadCaps(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.brief")
	os.WriteFile(deep, []byte(`{"format": "attache-brief", "version": "1.0", "title": "T", "x": `+nested(9990)+`}`), 0o644)
	_, err := Load(deep)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep brief: %v", err)
	}
	big := filepath.Join(dir, "big.brief")
	f, _ := os.Create(big)
	f.WriteString(`{"format": "attache-brief", "version": "1.0", "title": "`)
	chunk := strings.Repeat("a", 1<<20)
	for i := 0; i <= MaxFileSize>>20; i++ {
		f.WriteString(chunk)
	}
	f.WriteString(`"}`)
	f.Close()
	_, err = Load(big)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "too large") {
		t.Errorf("big brief: %v", err)
	}
	if _, err := Parse(bytes.Repeat([]byte(" "), MaxFileSize+1), "big"); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("big bytes: %v", err)
	}
}

// TestParseManyIDlessSections checks that a brief of many sections and
// excerpts without IDs loads with unique IDs in linear time: each new ID
// was found by scanning the whole brief, so 20,000 sections took minutes
// (a 400 KB file within the size cap). Before the fix this test ran for
// over a minute.
func TestParseManyIDlessSections(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"format": "attache-brief", "version": "1.0", "sections": [{"id": "s2"}`)
	for i := 0; i < 20000; i++ {
		sb.WriteString(`, {"excerpts": [{"passage": "p", "text": "t"}]}`)
	}
	sb.WriteString(`]}`)
	b, err := Parse([]byte(sb.String()), "many.brief")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range b.Sections {
		if s.ID == "" || seen[s.ID] {
			t.Fatalf("section ID %q empty or repeated", s.ID)
		}
		seen[s.ID] = true
		for _, x := range s.Excerpts {
			if x.ID == "" || seen[x.ID] {
				t.Fatalf("excerpt ID %q empty or repeated", x.ID)
			}
			seen[x.ID] = true
		}
	}
	if b.Sections[1].ID != "s1" || b.Sections[2].ID != "s3" || b.Sections[1].Excerpts[0].ID != "x1" {
		t.Errorf("IDs %q %q %q", b.Sections[1].ID, b.Sections[2].ID, b.Sections[1].Excerpts[0].ID)
	}
}

// sizedBrief has about size bytes of the author's own text, in
// paragraphs of 20,000 characters.
func sizedBrief(t testing.TB, size int) *Brief {
	b, err := New(Header{Title: "Sized brief", Lang: "en"}, "blank")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := b.AddSection("Text", -1)
	s, _ := b.Section(id)
	for n := 0; n < size; n += 20_000 {
		s.Text = append(s.Text, strings.Repeat("digital cooperation ", 1000))
	}
	return b
}

func benchmarkSize(bm *testing.B, size int) {
	benchmarkWrite(bm, sizedBrief(bm, size), WritePDF)
	bm.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkExportPDFSize0_1MB and 1MB show export time linear in the
// brief's size (issue 11 item 7).
func BenchmarkExportPDFSize0_1MB(b *testing.B) { benchmarkSize(b, 100_000) }

// BenchmarkExportPDFSize1MB exports 1 MB of text (about 300 pages).
func BenchmarkExportPDFSize1MB(b *testing.B) { benchmarkSize(b, 1_000_000) }
