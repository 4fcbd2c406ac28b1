package extract

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// zipOf builds an archive from name/content pairs, for the fuzz seeds.
func zipOf(tb testing.TB, entries ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(entries[i+1]))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// checkResult checks what every extraction promises: an error of one
// line, or text in valid UTF-8 that corpus can read.
func checkResult(t *testing.T, r *Result, err error) {
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error on two lines: %q", err)
		}
		return
	}
	if r == nil {
		t.Fatal("no result and no error")
	}
	if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
		t.Fatalf("text not valid UTF-8: %q", r.Text)
	}
}

// FuzzExtractHTML checks that the HTML extractor never panics nor hangs
// and keeps its promises, whatever the page.
func FuzzExtractHTML(f *testing.F) {
	if data, err := os.ReadFile("../../testdata/import/council.html"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`<html lang="it"><head><title>T</title></head><body><h1>A</h1><p>One <a href="javascript:x">two</a></p><ul><li>x<li>y</ul><table><tr><td>c</td></tr></table></body></html>`))
	f.Add([]byte(`<p>` + strings.Repeat("<div>", 300) + `deep` + `<script>alert(1)</script><!-- c --><p>&amp;&#x1F600;&bogus;`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Extract("page.html", data)
		checkResult(t, r, err)
	})
}

// FuzzExtractDOCX checks that the Word extractor never panics nor hangs
// and keeps its promises, whatever the archive.
func FuzzExtractDOCX(f *testing.F) {
	f.Add(zipOf(f, "[Content_Types].xml", "<Types/>", "word/document.xml", docxDocument,
		"word/footnotes.xml", docxFootnotes, "docProps/core.xml", docxCore))
	f.Add(zipOf(f, "word/document.xml", docxDocument))
	f.Add(zipOf(f, "word/document.xml", `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`+strings.Repeat("a", 100)+`</w:t></w:r></w:p></w:body></w:document>`))
	f.Add([]byte("PK\x03\x04garbage that is not a zip archive"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Extract("note.docx", data)
		checkResult(t, r, err)
	})
}
