package extract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// extractDOCX reads a Word document: paragraphs of word/document.xml,
// Heading and Title styles as # lines, list paragraphs as "- " items,
// footnotes as [^N]: notes, and docProps/core.xml's properties.
func extractDOCX(data []byte) (*Result, error) {
	a, body, err := openArchive(data, "DOCX", "word/document.xml")
	if err != nil {
		return nil, err
	}
	res := &Result{}
	styles := map[string]int{}
	if s := a.optional("word/styles.xml", MaxUnpacked); s != nil {
		styles = docxHeadingStyles(s)
	}
	var notes []string
	if s := a.optional("word/footnotes.xml", MaxUnpacked); s != nil {
		notes = docxNotes(s)
	}
	if s := a.optional("docProps/core.xml", 1<<20); s != nil {
		readCoreProps(s, res)
	}
	paras, title, err := docxParagraphs(body, styles)
	if err != nil {
		return nil, err
	}
	if res.Title == "" {
		res.Title = title
	}
	res.Text = strings.Join(append(paras, notes...), "\n\n")
	return res, nil
}

// docxHeadingStyles maps paragraph style IDs to heading levels (Title is 1),
// reading both built-in IDs and translated style names.
func docxHeadingStyles(data []byte) map[string]int {
	out := map[string]int{}
	d := xml.NewDecoder(bytes.NewReader(data))
	id := ""
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
			if lv := headingLevel(id); lv > 0 {
				out[id] = lv
			}
		case "name":
			if lv := headingLevel(attr(se, "val")); lv > 0 && id != "" {
				out[id] = lv
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(se, "val")); err == nil && id != "" && n < 6 {
				out[id] = n + 1
			}
		}
	}
}

// headingLevel reads "Heading 2", "heading2", "Titolo2", "Title" as levels.
func headingLevel(name string) int {
	l := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	if l == "title" || l == "titolo" {
		return 1
	}
	for _, p := range []string{"heading", "titolo", "titre", "überschrift", "título", "kop"} {
		if rest, ok := strings.CutPrefix(l, p); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 6 {
				return n
			}
		}
	}
	return 0
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxParagraphs reads the paragraphs of a document.xml or footnotes.xml,
// each as a text-form block; it returns the first Title or Heading 1 too.
func docxParagraphs(data []byte, styles map[string]int) ([]string, string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var paras []string
	var cur strings.Builder
	level, list, inText, depth := 0, false, false, 0
	title := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return paras, title, nil
		}
		if err != nil {
			return nil, "", fmt.Errorf("%w: word/document.xml: %v", ErrBroken, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxDepth {
				return nil, "", fmt.Errorf("%w: XML nested deeper than %d elements", ErrUnsupported, MaxDepth)
			}
			switch t.Name.Local {
			case "p":
				cur.Reset()
				level, list = 0, false
			case "pStyle":
				level = styles[attr(t, "val")]
				if level == 0 {
					level = headingLevel(attr(t, "val"))
				}
			case "numPr":
				list = true
			case "t":
				inText = true
			case "tab":
				cur.WriteByte(' ')
			case "br", "cr":
				cur.WriteByte(' ')
			case "footnoteReference":
				cur.WriteString("[^" + attr(t, "id") + "]")
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				text := cleanField(cur.String())
				if text == "" {
					continue
				}
				switch {
				case level > 0:
					if title == "" && level == 1 {
						title = text
					}
					text = strings.Repeat("#", level) + " " + text
				case list:
					text = "- " + text
				}
				paras = append(paras, text)
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}

// docxNotes reads footnotes.xml as [^N]: notes, leaving out the separator
// notes Word keeps there.
func docxNotes(data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	var notes []string
	var cur strings.Builder
	id, skip, inText := "", false, false
	for {
		tok, err := d.Token()
		if err != nil {
			return notes
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "footnote":
				id, skip = attr(t, "id"), attr(t, "type") != "" && attr(t, "type") != "normal"
				cur.Reset()
			case "t":
				inText = true
			case "p":
				if cur.Len() > 0 {
					cur.WriteByte(' ')
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "footnote":
				if text := cleanField(cur.String()); !skip && text != "" {
					notes = append(notes, "[^"+id+"]: "+text)
				}
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
}

// readCoreProps reads title, creator, date, description and language from
// docProps/core.xml (DOCX) or meta.xml (ODT), which share Dublin Core names.
func readCoreProps(data []byte, res *Result) {
	d := xml.NewDecoder(bytes.NewReader(data))
	field := ""
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			field = t.Name.Local
		case xml.EndElement:
			field = ""
		case xml.CharData:
			v := strings.TrimSpace(string(t))
			if v == "" {
				continue
			}
			switch field {
			case "title":
				res.Title = v
			case "creator", "initial-creator":
				if res.Author == "" {
					res.Author = v
				}
			case "created", "creation-date", "date":
				if res.Date == "" {
					res.Date = v
				}
			case "description", "subject":
				if res.Description == "" {
					res.Description = v
				}
			case "language":
				res.Lang = v
			}
		}
	}
}
