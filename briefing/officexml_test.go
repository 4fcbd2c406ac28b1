package briefing

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small reader of the Word and ODT files the tests write, as any reader
// would take them: the zip's entries in order, each XML part parsed with
// encoding/xml (a part that is not well-formed fails the test) into a tree
// of elements named prefix:local, as the writers' namespaces are fixed.
// docx_read_test.go and odt_read_test.go read paragraphs from the tree.

// xmlPrefixes name the namespaces of both formats as the tests write them.
var xmlPrefixes = map[string]string{
	// Word
	nsW: "w", nsR: "r", nsRel: "rel",
	"http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
	"http://purl.org/dc/terms/":                                                 "dcterms",
	"http://www.w3.org/2001/XMLSchema-instance":                                 "xsi",
	"http://schemas.openxmlformats.org/package/2006/content-types":              "ct",
	"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
	// OpenDocument
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":                 "office",
	"urn:oasis:names:tc:opendocument:xmlns:style:1.0":                  "style",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":                   "text",
	"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0":      "fo",
	"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0":         "svg",
	"http://www.w3.org/1999/xlink":                                     "xlink",
	"urn:oasis:names:tc:opendocument:xmlns:meta:1.0":                   "meta",
	"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0":               "manifest",
	"urn:oasis:names:tc:opendocument:xmlns:of:1.2":                     "of",
	"http://www.w3.org/1999/xhtml":                                     "xhtml",
	"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0":              "number",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":                  "table",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":                "draw",
	"urn:org:documentfoundation:names:experimental:office:xmlns:loext": "loext",
	// both
	"http://purl.org/dc/elements/1.1/":     "dc",
	"http://www.w3.org/XML/1998/namespace": "xml",
}

// xnode is an element of a parsed part. Its character data is in text,
// and also among its kids as nodes named "#text", in document order with
// the elements (ODF spells spaces and tabs as elements between them).
type xnode struct {
	name  string // prefix:local
	attr  map[string]string
	kids  []*xnode
	text  string
	above *xnode
}

func qname(n xml.Name) string {
	if p, ok := xmlPrefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	return n.Local
}

func parseXML(t testing.TB, name string, data []byte) *xnode {
	t.Helper()
	root := &xnode{name: "#root"}
	cur := root
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: qname(tk.Name), attr: map[string]string{}, above: cur}
			for _, a := range tk.Attr {
				n.attr[qname(a.Name)] = a.Value
			}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			cur = cur.above
		case xml.CharData:
			cur.text += string(tk)
			cur.kids = append(cur.kids, &xnode{name: "#text", text: string(tk), above: cur})
		}
	}
	return root
}

// all returns the elements named name under n, in document order.
func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	var walk func(*xnode)
	walk = func(x *xnode) {
		for _, k := range x.kids {
			if k.name == name {
				out = append(out, k)
			}
			walk(k)
		}
	}
	walk(n)
	return out
}

// first returns the first element named name under n, or nil.
func (n *xnode) first(name string) *xnode {
	if a := n.all(name); len(a) > 0 {
		return a[0]
	}
	return nil
}

// readPara is a paragraph (or an ODT heading) read back: its style, its
// text as a reader shows it, and its element.
type readPara struct {
	style string
	text  string
	node  *xnode
}

// officeFile is a Word or ODT file read back: its entries in order, their
// bytes, and the XML parts parsed.
type officeFile struct {
	entries []*zip.File
	raw     map[string][]byte
	parts   map[string]*xnode
}

func readOffice(t testing.TB, path string) *officeFile {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open %s as a zip: %v", path, err)
	}
	defer zr.Close()
	o := &officeFile{raw: map[string][]byte{}, parts: map[string]*xnode{}}
	for _, f := range zr.File {
		o.entries = append(o.entries, f)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		o.raw[f.Name] = data
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			o.parts[f.Name] = parseXML(t, f.Name, data)
		}
	}
	return o
}

func (o *officeFile) part(t testing.TB, name string) *xnode {
	t.Helper()
	p, ok := o.parts[name]
	if !ok {
		t.Fatalf("the file has no part %s", name)
	}
	return p
}

// exportAs exports b in format to a file in a temporary folder and
// returns its path and the export's warnings.
func exportAs(t testing.TB, b *Brief, format string, opt Options) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief."+format)
	w, err := Export(path, b, format, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path, w
}

// exportPartsBrief exports the fixture brief, its contents list on, in
// format for a test that reads the file part by part, and checks the
// export's warnings: the empty section, and the pages over the limit.
func exportPartsBrief(t *testing.T, format string) (*Brief, string) {
	b := sampleBrief(t)
	b.Contents = ContentsOn
	path, warnings := exportAs(t, b, format, Options{})
	if len(warnings) != 3 || !strings.Contains(warnings[0], `"Issue" is empty`) || warnings[2] != "the brief has 3 pages, over its limit of 2" {
		t.Errorf("warnings %v", warnings)
	}
	return b, path
}

// exportDOCX exports b as a Word file in a temporary folder.
func exportDOCX(t testing.TB, b *Brief, opt Options) (string, []string) {
	return exportAs(t, b, DOCX, opt)
}

// exportODT exports b as an ODT file in a temporary folder.
func exportODT(t testing.TB, b *Brief, opt Options) (string, []string) {
	return exportAs(t, b, ODT, opt)
}

// benchmarkWrite writes b with write (WritePDF, WriteDOCX, WriteODT)
// again and again, and returns the size of what it wrote.
func benchmarkWrite(bm *testing.B, b *Brief, write func(io.Writer, *Brief, Options) ([]string, error)) int {
	var buf bytes.Buffer
	for bm.Loop() {
		buf.Reset()
		if _, err := write(&buf, b, Options{}); err != nil {
			bm.Fatal(err)
		}
	}
	return buf.Len()
}

// benchmarkExportOffice writes a brief of n excerpts as a Word or ODT file
// and reports its pages and size.
func benchmarkExportOffice(bm *testing.B, n int, write func(io.Writer, *Brief, Options) ([]string, error)) {
	b := bigBrief(bm, n)
	size := benchmarkWrite(bm, b, write)
	bm.ReportMetric(float64(Render(b, Options{}).Pages), "pages")
	bm.ReportMetric(float64(size)/1024, "KiB")
}
