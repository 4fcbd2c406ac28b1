package extract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// extractODT reads an OpenDocument text: text:h headings as # lines,
// text:p paragraphs, list items as "- " items, text:note footnotes as
// [^N]: notes, and meta.xml's properties.
func extractODT(data []byte) (*Result, error) {
	a, body, err := openArchive(data, "ODT", "content.xml")
	if err != nil {
		return nil, err
	}
	res := &Result{}
	if s := a.optional("meta.xml", 1<<20); s != nil {
		readCoreProps(s, res)
	}
	text, title, err := odtText(body)
	if err != nil {
		return nil, err
	}
	if res.Title == "" {
		res.Title = title
	}
	res.Text = text
	return res, nil
}

// odtText walks content.xml. Notes are collected apart and written after
// the body, each referenced from its paragraph as [^N].
func odtText(data []byte) (string, string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var notes []string
	type block struct {
		b     strings.Builder
		level int
		item  bool
	}
	var stack []*block // open paragraphs: a note's paragraph nests in its caller's
	var noteNum string
	inNote, inCitation, listDepth, depth := 0, false, 0, 0
	var noteText strings.Builder
	title := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return strings.Join(append(out, notes...), "\n\n"), title, nil
		}
		if err != nil {
			return "", "", fmt.Errorf("%w: content.xml: %v", ErrBroken, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxDepth {
				return "", "", fmt.Errorf("%w: XML nested deeper than %d elements", ErrUnsupported, MaxDepth)
			}
			switch t.Name.Local {
			case "h", "p":
				if inNote > 0 {
					if noteText.Len() > 0 {
						noteText.WriteByte(' ')
					}
					continue
				}
				bl := &block{item: listDepth > 0}
				if t.Name.Local == "h" {
					bl.level, _ = strconv.Atoi(attr(t, "outline-level"))
					if bl.level < 1 {
						bl.level = 1
					}
				}
				stack = append(stack, bl)
			case "list":
				listDepth++
			case "note":
				inNote++
				noteText.Reset()
				noteNum = attr(t, "id")
			case "note-citation":
				inCitation = true
			case "s", "tab", "line-break":
				if inNote > 0 {
					noteText.WriteByte(' ')
				} else if len(stack) > 0 {
					stack[len(stack)-1].b.WriteByte(' ')
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "h", "p":
				if inNote > 0 || len(stack) == 0 {
					continue
				}
				bl := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				text := cleanField(bl.b.String())
				if text == "" {
					continue
				}
				switch {
				case bl.level > 0:
					if title == "" {
						title = text
					}
					text = strings.Repeat("#", min(bl.level, 6)) + " " + text
				case bl.item:
					text = "- " + text
				}
				out = append(out, text)
			case "list":
				listDepth--
			case "note-citation":
				inCitation = false
			case "note":
				inNote--
				if text := cleanField(noteText.String()); text != "" {
					notes = append(notes, "[^"+noteNum+"]: "+text)
				}
			}
		case xml.CharData:
			switch {
			case inCitation:
				noteNum = strings.TrimSpace(string(t))
				if len(stack) > 0 {
					stack[len(stack)-1].b.WriteString("[^" + noteNum + "]")
				}
			case inNote > 0:
				noteText.Write(t)
			case len(stack) > 0:
				stack[len(stack)-1].b.Write(t)
			}
		}
	}
}
