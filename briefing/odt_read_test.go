package briefing

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The ODT tests read the file as any reader would: the zip's entries in
// order, each XML part parsed with encoding/xml (a part that is not
// well-formed fails the test), paragraphs read back with their style and
// text in document order.

// odtPrefixes name the ODF namespaces as the tests write them.
var odtPrefixes = map[string]string{
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":                 "office",
	"urn:oasis:names:tc:opendocument:xmlns:style:1.0":                  "style",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":                   "text",
	"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0":      "fo",
	"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0":         "svg",
	"http://www.w3.org/1999/xlink":                                     "xlink",
	"http://purl.org/dc/elements/1.1/":                                 "dc",
	"urn:oasis:names:tc:opendocument:xmlns:meta:1.0":                   "meta",
	"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0":               "manifest",
	"http://www.w3.org/XML/1998/namespace":                             "xml",
	"urn:oasis:names:tc:opendocument:xmlns:of:1.2":                     "of",
	"http://www.w3.org/1999/xhtml":                                     "xhtml",
	"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0":              "number",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":                  "table",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":                "draw",
	"urn:org:documentfoundation:names:experimental:office:xmlns:loext": "loext",
}

// onode is an element of a parsed ODF part; text nodes are "#text".
type onode struct {
	name  string
	attr  map[string]string
	kids  []*onode
	text  string
	above *onode
}

func parseODF(t testing.TB, name string, data []byte) *onode {
	t.Helper()
	root := &onode{name: "#root"}
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
		qn := func(n xml.Name) string {
			if p, ok := odtPrefixes[n.Space]; ok {
				return p + ":" + n.Local
			}
			return n.Local
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &onode{name: qn(tk.Name), attr: map[string]string{}, above: cur}
			for _, a := range tk.Attr {
				n.attr[qn(a.Name)] = a.Value
			}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			cur = cur.above
		case xml.CharData:
			cur.kids = append(cur.kids, &onode{name: "#text", text: string(tk), above: cur})
		}
	}
	return root
}

// all returns the elements named name under n, in document order.
func (n *onode) all(name string) []*onode {
	var out []*onode
	var walk func(*onode)
	walk = func(x *onode) {
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

func (n *onode) first(name string) *onode {
	if a := n.all(name); len(a) > 0 {
		return a[0]
	}
	return nil
}

// plain is the text under n as a reader shows it (text:s as spaces,
// text:tab as a tab), without the bodies of notes when notes is false.
func (n *onode) plain(notes bool) string {
	var sb strings.Builder
	var walk func(*onode)
	walk = func(x *onode) {
		switch x.name {
		case "#text":
			sb.WriteString(x.text)
		case "text:tab":
			sb.WriteString("\t")
		case "text:line-break":
			sb.WriteString("\n")
		case "text:s":
			c := 1
			if v := x.attr["text:c"]; v != "" {
				c, _ = strconv.Atoi(v)
			}
			sb.WriteString(strings.Repeat(" ", c))
		case "text:note":
			if !notes {
				return
			}
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return sb.String()
}

// odt is an ODT file read back.
type odt struct {
	entries []*zip.File
	raw     map[string][]byte
	parts   map[string]*onode
}

func readODT(t testing.TB, path string) *odt {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open %s as a zip: %v", path, err)
	}
	defer zr.Close()
	o := &odt{raw: map[string][]byte{}, parts: map[string]*onode{}}
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
		if strings.HasSuffix(f.Name, ".xml") {
			o.parts[f.Name] = parseODF(t, f.Name, data)
		}
	}
	return o
}

func (o *odt) part(t testing.TB, name string) *onode {
	t.Helper()
	p, ok := o.parts[name]
	if !ok {
		t.Fatalf("the file has no part %s", name)
	}
	return p
}

// opara is a paragraph or heading read back.
type opara struct {
	style string
	text  string // without note bodies
	node  *onode
}

func odtParagraphs(root *onode) []opara {
	var out []opara
	var walk func(*onode)
	walk = func(x *onode) {
		for _, k := range x.kids {
			if k.name == "text:p" || k.name == "text:h" {
				out = append(out, opara{style: k.attr["text:style-name"], text: k.plain(false), node: k})
			}
			if k.name != "text:note" {
				walk(k)
			}
		}
	}
	walk(root)
	return out
}

// odtStyleMap is the styles of a file by name, automatic and named: a
// paragraph's own style and its parents.
type odtStyleMap map[string]*onode

func odtStylesOf(t testing.TB, o *odt) odtStyleMap {
	m := odtStyleMap{}
	for _, part := range []string{"styles.xml", "content.xml"} {
		for _, s := range o.part(t, part).all("style:style") {
			m[s.attr["style:name"]] = s
		}
	}
	return m
}

// prop is a property of a style, looked up through its parents and the
// default style.
func (m odtStyleMap) prop(o *odt, t testing.TB, style, props, attr string) string {
	for s := m[style]; s != nil; s = m[s.attr["style:parent-style-name"]] {
		if p := s.first(props); p != nil && p.attr[attr] != "" {
			return p.attr[attr]
		}
		if s.attr["style:parent-style-name"] == "" {
			break
		}
	}
	if d := o.part(t, "styles.xml").first("style:default-style"); d != nil {
		if p := d.first(props); p != nil {
			return p.attr[attr]
		}
	}
	return ""
}

// exportODT exports b as an ODT file in a temporary folder.
func exportODT(t testing.TB, b *Brief, opt Options) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.odt")
	w, err := Export(path, b, ODT, opt)
	if err != nil {
		t.Fatal(err)
	}
	return path, w
}
