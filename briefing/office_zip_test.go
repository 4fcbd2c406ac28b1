package briefing

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// TestWriteOfficeZip: the parts come out in order with their content;
// with storedFirst the first is stored with no extra field (ODF's
// mimetype), the rest deflated.
func TestWriteOfficeZip(t *testing.T) {
	for _, stored := range []bool{false, true} {
		var buf bytes.Buffer
		parts := []officePart{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}
		if err := writeOfficeZip(&buf, parts, stored); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil || len(zr.File) != 2 {
			t.Fatalf("storedFirst=%v: %v, %d entries", stored, err, len(zr.File))
		}
		for i, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			want := zip.Deflate
			if i == 0 && stored {
				want = zip.Store
				if len(f.Extra) != 0 || f.Modified.Year() < 2020 {
					t.Errorf("stored entry: %d bytes of extra field, dated %v", len(f.Extra), f.Modified)
				}
			}
			if f.Name != parts[i].name || string(data) != parts[i].body || f.Method != want {
				t.Errorf("storedFirst=%v entry %d: %s %q method %d", stored, i, f.Name, data, f.Method)
			}
		}
	}
}
