package briefing

import (
	"archive/zip"
	"io"
	"time"
)

// officePart is one entry of a Word or ODT file: its name in the zip and
// its content.
type officePart struct{ name, body string }

// writeOfficeZip writes the parts of a Word or ODT file as a zip, in
// order, deflated and dated now. With storedFirst the first entry is
// stored uncompressed with no extra field, as ODF wants its mimetype
// (ODF 1.3 part 2, 3.3: the time goes in the DOS fields alone, since
// Modified would add an extra field).
func writeOfficeZip(w io.Writer, parts []officePart, storedFirst bool) error {
	zw := zip.NewWriter(w)
	for i, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Now()}
		if i == 0 && storedFirst {
			h = &zip.FileHeader{Name: p.name, Method: zip.Store}
			h.ModifiedDate, h.ModifiedTime = dosTime(time.Now())
		}
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// officeWarnings are the warnings of a Word or ODT export: the brief's
// (baseWarnings), the format's own, and the pages over the brief's limit
// (pages is the PDF layout's count, which the file follows).
func officeWarnings(b *Brief, opt Options, own []string, pages int) []string {
	warnings := append(baseWarnings(b, opt), own...)
	if limit := b.PageBudget(); limit > 0 && pages > limit {
		warnings = append(warnings, overWarning(&Layout{Pages: make([]Page, pages), Limit: limit}))
	}
	return warnings
}

// dosTime is t as a zip entry's MS-DOS date and time (local time, two
// seconds' precision).
func dosTime(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.Local)
	}
	date = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	clock = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	return date, clock
}
