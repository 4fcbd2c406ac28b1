package extract

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// skipTags are elements whose content is never visible text of a page.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Svg: true,
	atom.Canvas: true, atom.Object: true, atom.Head: true, atom.Dialog: true,
}

// blockTags end a paragraph where they open and close.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Figure: true,
	atom.Figcaption: true, atom.Address: true, atom.Hr: true, atom.Header: true,
	atom.Footer: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
	atom.Center: true, atom.Tbody: true, atom.Thead: true,
}

// extractHTML reads the visible text of an HTML page: headings as #
// lines, list items as "- " lines, paragraphs separated by blank lines;
// the title, meta tags and lang attribute give the metadata.
func extractHTML(data []byte) (*Result, error) {
	z := html.NewTokenizer(htmlReader(data))
	z.SetMaxBuf(MaxLine)
	w := &htmlWriter{res: &Result{}}
	var stack []htmlFrame
	skipping := 0
	inTitle := false
	var title strings.Builder
	var attrs htmlAttrs
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return w.finish(strings.TrimSpace(title.String()))
			}
			return nil, fmt.Errorf("%w: unreadable HTML: %v", ErrBroken, z.Err())
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
			} else if skipping == 0 {
				w.text(z.Text(), w.pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs.reset()
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if attrs.len() < 64 {
					attrs.set(k, v)
				}
			}
			switch a {
			case atom.Html:
				w.res.Lang = attrs.get("lang")
				if w.res.Lang == "" {
					w.res.Lang = attrs.get("xml:lang")
				}
			case atom.Meta:
				w.meta(&attrs)
			case atom.Title:
				if tt == html.StartTagToken {
					inTitle = true
				}
				continue
			}
			if tt == html.SelfClosingTagToken || voidTag(a) {
				if a == atom.Br && skipping == 0 {
					w.br()
				}
				if (a == atom.Hr || a == atom.Img) && skipping == 0 {
					w.block()
				}
				continue
			}
			// Elements HTML lets go unclosed end where a sibling starts
			// (<p>, <li>, <td>…) or, for <p>, where a block starts.
			if n := implicitEnd(stack, a); n < len(stack) {
				for j := len(stack) - 1; j >= n; j-- {
					if stack[j].skip {
						skipping--
					} else if skipping == 0 {
						w.close(stack[j].tag)
					}
				}
				stack = stack[:n]
			}
			if len(stack) >= MaxDepth {
				return nil, fmt.Errorf("%w: HTML nested deeper than %d elements", ErrUnsupported, MaxDepth)
			}
			skip := skipTags[a] || hiddenElement(&attrs) || (a == atom.Header || a == atom.Footer) && !inContent(stack)
			stack = append(stack, htmlFrame{a, skip})
			if skip {
				skipping++
			}
			if skipping == 0 {
				w.open(a)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
				continue
			}
			// Pop to the matching open element, as browsers do.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag != a {
					continue
				}
				for j := len(stack) - 1; j >= i; j-- {
					if stack[j].skip {
						skipping--
					} else if skipping == 0 {
						w.close(stack[j].tag)
					}
				}
				stack = stack[:i]
				break
			}
		}
	}
}

// htmlReader reads a page in UTF-8: through charset's decoder, except for
// a page in valid UTF-8 that says it is or says nothing, which the decoder
// would hand on unchanged (most pages: no copy through a transformer).
func htmlReader(data []byte) io.Reader {
	if _, name, _ := charset.DetermineEncoding(data, "text/html"); name == "utf-8" && utf8.Valid(data) {
		return bytes.NewReader(data)
	}
	rd, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return bytes.NewReader(data)
	}
	return rd
}

// htmlAttrs are the attributes of one start tag, as the tokenizer gives
// them (valid until its next token): names in lower case, a name given
// twice keeping its last value.
type htmlAttrs struct {
	keys, vals [][]byte
}

func (a *htmlAttrs) reset()   { a.keys, a.vals = a.keys[:0], a.vals[:0] }
func (a *htmlAttrs) len() int { return len(a.keys) }

// set gives the attribute k the value v.
func (a *htmlAttrs) set(k, v []byte) {
	for i, have := range a.keys {
		if bytes.Equal(have, k) {
			a.vals[i] = v
			return
		}
	}
	a.keys, a.vals = append(a.keys, k), append(a.vals, v)
}

// value returns the value of the attribute k and whether the tag has it.
func (a *htmlAttrs) value(k string) ([]byte, bool) {
	for i, have := range a.keys {
		if string(have) == k {
			return a.vals[i], true
		}
	}
	return nil, false
}

// get returns the value of the attribute k, or "".
func (a *htmlAttrs) get(k string) string {
	v, _ := a.value(k)
	return string(v)
}

// inContent reports whether an element opens inside the page's main
// content (<main>, <article>), where a <header> holds the article's title
// and a <footer> its date; elsewhere they are the site's banner and footer.
func inContent(stack []htmlFrame) bool {
	for _, f := range stack {
		if f.tag == atom.Main || f.tag == atom.Article {
			return true
		}
	}
	return false
}

// htmlFrame is an open element: its tag, and whether it is furniture
// whose text is skipped.
type htmlFrame struct {
	tag  atom.Atom
	skip bool
}

// implicitEnd returns the length the stack of open elements keeps when an
// element a starts: an open element of the same kind among <p>, <li>, <dt>,
// <dd>, <tr>, <td>, <th>, <option> ends (with what is open inside it) unless
// a list or table boundary comes first; a block element ends an open <p>.
func implicitEnd(stack []htmlFrame, a atom.Atom) int {
	top := func(i int) atom.Atom { return stack[i].tag }
	n := len(stack)
	if n > 0 && top(n-1) == atom.P && (blockTags[a] || a == atom.Li || a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6) {
		n--
	}
	var bounds []atom.Atom
	switch a {
	case atom.Li:
		bounds = []atom.Atom{atom.Ul, atom.Ol}
	case atom.Dt, atom.Dd:
		bounds = []atom.Atom{atom.Dl}
	case atom.Tr:
		bounds = []atom.Atom{atom.Table, atom.Tbody, atom.Thead, atom.Tfoot}
	case atom.Td, atom.Th:
		bounds = []atom.Atom{atom.Tr, atom.Table}
	case atom.Option:
		bounds = []atom.Atom{atom.Select}
	case atom.P:
		bounds = []atom.Atom{atom.Div, atom.Td, atom.Li, atom.Blockquote, atom.Section, atom.Article, atom.Body}
	default:
		return n
	}
	for i := n - 1; i >= 0 && i >= n-8; i-- {
		t := top(i)
		if t == a || (a == atom.Dt || a == atom.Dd) && (t == atom.Dt || t == atom.Dd) || (a == atom.Td || a == atom.Th) && (t == atom.Td || t == atom.Th) {
			return i
		}
		for _, b := range bounds {
			if t == b {
				return n
			}
		}
	}
	return n
}

// voidTag reports elements that have no end tag.
func voidTag(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Hr, atom.Img, atom.Input, atom.Meta, atom.Link, atom.Area,
		atom.Base, atom.Col, atom.Embed, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// hiddenElement reports page furniture: hidden elements, navigation roles,
// and header/footer/div elements whose id or class says banner or menu.
func hiddenElement(attrs *htmlAttrs) bool {
	if _, ok := attrs.value("hidden"); ok {
		return true
	}
	if v, _ := attrs.value("aria-hidden"); string(v) == "true" {
		return true
	}
	if v, _ := attrs.value("role"); len(v) > 0 {
		switch strings.ToLower(string(v)) {
		case "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar", "complementary":
			return true
		}
	}
	if v, _ := attrs.value("style"); len(v) > 0 {
		style := strings.ToLower(strings.ReplaceAll(string(v), " ", ""))
		if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
			return true
		}
	}
	id, _ := attrs.value("id")
	class, _ := attrs.value("class")
	return isBoilerplateName(id) || isBoilerplateName(class)
}

// boilerplateNames are the words of ids and classes of page furniture:
// cookie and consent banners, menus, breadcrumbs, share buttons, skip
// links.
var boilerplateNames = [][]byte{
	[]byte("cookie"), []byte("cookies"), []byte("consent"), []byte("gdpr"), []byte("banner"), []byte("menu"),
	[]byte("nav"), []byte("navbar"), []byte("navigation"), []byte("navheader"), []byte("navfooter"),
	[]byte("breadcrumb"), []byte("breadcrumbs"), []byte("sidebar"), []byte("share"), []byte("social"),
	[]byte("skip"), []byte("toolbar"), []byte("popup"), []byte("modal"), []byte("newsletter"),
	[]byte("related"), []byte("advert"), []byte("ad"), []byte("ads"),
}

// isBoilerplateName reports whether an id or class names page furniture:
// one of its words (cut at '-', '_' and ' ') is one of boilerplateNames,
// in any case (as the pattern (?i)(^|[-_ ])(cookies?|…)($|[-_ ]) would
// find it, Unicode case folding included).
func isBoilerplateName(s []byte) bool {
	for len(s) > 0 {
		i := bytes.IndexAny(s, "-_ ")
		part := s
		if i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = nil
		}
		// the words are 2 to 10 letters; a letter that folds to an
		// ASCII one (K, ſ) is at most 3 bytes
		if len(part) < 2 || len(part) > 30 {
			continue
		}
		if isASCII(part) {
			// ASCII folds to ASCII only: compare words of its length
			for _, w := range boilerplateNames {
				if len(w) == len(part) && asciiEqualLower(part, w) {
					return true
				}
			}
			continue
		}
		for _, w := range boilerplateNames {
			if bytes.EqualFold(part, w) {
				return true
			}
		}
	}
	return false
}

// isASCII reports whether b is all ASCII.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiEqualLower reports whether the ASCII b is w (in lower case) in
// any case.
func asciiEqualLower(b, w []byte) bool {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// htmlWriter builds the text form from the visible text of a page.
type htmlWriter struct {
	res     *Result
	out     strings.Builder
	para    []byte // the current paragraph
	prefix  string
	lists   []atom.Atom
	counter []int
	heading int
	pre     int
	h1      string
}

func (w *htmlWriter) meta(attrs *htmlAttrs) {
	name := strings.ToLower(attrs.get("name"))
	if name == "" {
		name = strings.ToLower(attrs.get("property"))
	}
	content := attrs.get("content")
	switch name {
	case "author", "dc.creator", "dcterms.creator", "dc.publisher", "dcterms.publisher", "article:author":
		if w.res.Author == "" {
			w.res.Author = content
		}
	case "description", "dc.description", "dcterms.description", "og:description":
		if w.res.Description == "" {
			w.res.Description = content
		}
	case "date", "dc.date", "dcterms.date", "dcterms.issued", "dcterms.created", "article:published_time", "citation_date", "citation_publication_date":
		if w.res.Date == "" {
			w.res.Date = content
		}
	case "dc.title", "dcterms.title", "og:title", "citation_title":
		if w.res.Title == "" {
			w.res.Title = content
		}
	case "dc.language", "dcterms.language", "language", "content-language":
		if w.res.Lang == "" {
			w.res.Lang = content
		}
	}
	if strings.EqualFold(attrs.get("http-equiv"), "content-language") && w.res.Lang == "" {
		w.res.Lang = content
	}
}

// text adds visible text to the current paragraph: runs of white space
// (Unicode's) become one space, and a paragraph starts with none.
func (w *htmlWriter) text(s []byte, pre bool) {
	if pre {
		for i, ln := range bytes.Split(s, []byte("\n")) {
			if i > 0 {
				w.block()
			}
			w.text(ln, false)
		}
		return
	}
	if len(bytes.TrimSpace(s)) == 0 {
		if len(w.para) > 0 && len(s) > 0 {
			w.para = append(w.para, ' ')
		}
		return
	}
	if len(w.para) == 0 {
		s = bytes.TrimLeft(s, " \t\n\r\f")
	} else if htmlSpace(s[0]) {
		w.para = append(w.para, ' ')
	}
	w.para = appendFields(w.para, s)
	if htmlSpace(s[len(s)-1]) {
		w.para = append(w.para, ' ')
	}
}

// htmlSpace reports the bytes of HTML's white space.
func htmlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// appendFields appends the words of s (split at Unicode white space, as
// strings.Fields splits) to b, one space between them.
func appendFields(b, s []byte) []byte {
	inWord, first := false, true
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRune(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if inWord {
				if !first {
					b = append(b, ' ')
				}
				b = append(b, s[start:i]...)
				inWord, first = false, false
			}
		} else if !inWord {
			inWord, start = true, i
		}
		i += size
	}
	if inWord {
		if !first {
			b = append(b, ' ')
		}
		b = append(b, s[start:]...)
	}
	return b
}

// asciiSpace is unicode.IsSpace on ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// br breaks a line: in running text, the end of a paragraph.
func (w *htmlWriter) br() { w.block() }

// block ends the current paragraph.
func (w *htmlWriter) block() {
	t := bytes.TrimSpace(w.para)
	w.para = w.para[:0]
	if len(t) == 0 {
		return
	}
	if w.heading > 0 {
		for range w.heading {
			w.out.WriteByte('#')
		}
		w.out.WriteByte(' ')
		if w.h1 == "" && w.heading == 1 {
			w.h1 = string(t)
		}
	} else if w.prefix != "" {
		w.out.WriteString(w.prefix)
		w.prefix = ""
	}
	w.out.Write(t)
	w.out.WriteString("\n\n")
}

func (w *htmlWriter) open(a atom.Atom) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.block()
		w.heading = int(a.String()[1] - '0')
	case atom.Ul, atom.Ol:
		w.block()
		w.lists = append(w.lists, a)
		w.counter = append(w.counter, 0)
	case atom.Li:
		w.block()
		if n := len(w.lists); n > 0 && w.lists[n-1] == atom.Ol {
			w.counter[n-1]++
			w.prefix = strconv.Itoa(w.counter[n-1]) + ". "
		} else {
			w.prefix = "- "
		}
	case atom.Pre:
		w.block()
		w.pre++
	case atom.Td, atom.Th:
		if len(w.para) > 0 {
			w.para = append(w.para, ' ')
		}
	default:
		if blockTags[a] {
			w.block()
		}
	}
}

func (w *htmlWriter) close(a atom.Atom) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.block()
		w.heading = 0
	case atom.Ul, atom.Ol:
		w.block()
		if n := len(w.lists); n > 0 {
			w.lists, w.counter = w.lists[:n-1], w.counter[:n-1]
		}
	case atom.Li:
		w.block()
		w.prefix = ""
	case atom.Pre:
		w.block()
		w.pre--
	default:
		if blockTags[a] {
			w.block()
		}
	}
}

// finish returns the result, titled by a title meta tag, else the page's
// <title>, else its first h1.
func (w *htmlWriter) finish(title string) (*Result, error) {
	w.block()
	r := w.res
	r.Text = w.out.String()
	if r.Title == "" {
		r.Title = cleanField(title)
	}
	if r.Title == "" {
		r.Title = w.h1
	}
	if strings.TrimSpace(r.Text) == "" {
		return nil, fmt.Errorf("%w: the HTML page has no visible text", ErrNoText)
	}
	return r, nil
}
