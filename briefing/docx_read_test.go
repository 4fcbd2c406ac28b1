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

// A small reader of the Word files the tests write: it unzips the parts,
// parses each with encoding/xml (a part that is not well-formed fails the
// test) and reads paragraphs back with their style, language and text.

// xnode is an element of a parsed part.
type xnode struct {
	name  string // prefix:local, as the writer's namespaces are fixed
	attr  map[string]string
	kids  []*xnode
	text  string
	above *xnode
}

// prefixes of the namespaces the parts use.
var prefixes = map[string]string{
	nsW: "w", nsR: "r", nsRel: "rel",
	"http://schemas.openxmlformats.org/package/2006/metadata/core-properties":   "cp",
	"http://purl.org/dc/elements/1.1/":                                          "dc",
	"http://purl.org/dc/terms/":                                                 "dcterms",
	"http://www.w3.org/2001/XMLSchema-instance":                                 "xsi",
	"http://schemas.openxmlformats.org/package/2006/content-types":              "ct",
	"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
	"http://www.w3.org/XML/1998/namespace":                                      "xml",
}

func qname(n xml.Name) string {
	if p, ok := prefixes[n.Space]; ok {
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

// plain is the text of w:t elements under n, w:tab as a tab.
func (n *xnode) plain() string {
	var sb strings.Builder
	var walk func(*xnode)
	walk = func(x *xnode) {
		switch x.name {
		case "w:t":
			sb.WriteString(x.text)
		case "w:tab":
			if x.above != nil && x.above.name == "w:r" {
				sb.WriteString("\t")
			}
		case "w:instrText":
			return
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return sb.String()
}

// wpara is a paragraph read back.
type wpara struct {
	style string
	text  string
	node  *xnode
}

func paragraphs(root *xnode) []wpara {
	var out []wpara
	for _, p := range root.all("w:p") {
		wp := wpara{text: p.plain(), node: p}
		if ps := p.first("w:pStyle"); ps != nil {
			wp.style = ps.attr["w:val"]
		}
		out = append(out, wp)
	}
	return out
}

// docx is a Word file's parts, parsed.
type docx struct {
	raw   map[string][]byte
	parts map[string]*xnode
}

func readDOCX(t testing.TB, path string) *docx {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open %s as a zip: %v", path, err)
	}
	defer zr.Close()
	d := &docx{raw: map[string][]byte{}, parts: map[string]*xnode{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		d.raw[f.Name] = data
		d.parts[f.Name] = parseXML(t, f.Name, data)
	}
	return d
}

func (d *docx) part(t testing.TB, name string) *xnode {
	t.Helper()
	p, ok := d.parts[name]
	if !ok {
		t.Fatalf("the file has no part %s", name)
	}
	return p
}

// target resolves a relationship of word/document.xml.
func (d *docx) target(t testing.TB, rels, id string) string {
	t.Helper()
	for _, r := range d.part(t, rels).all("rel:Relationship") {
		if r.attr["Id"] == id {
			return r.attr["Target"]
		}
	}
	t.Fatalf("%s has no relationship %s", rels, id)
	return ""
}

// exportDOCX exports b as a Word file in a temporary folder.
func exportDOCX(t testing.TB, b *Brief, opt Options) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.docx")
	w, err := Export(path, b, DOCX, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path, w
}
