package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

func mustExtract(t *testing.T, path string, data []byte) *Result {
	t.Helper()
	r, err := Extract(path, data)
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return r
}

func contains(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, s)
		}
	}
}

func lacks(t *testing.T, what, s string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(s, w) {
			t.Errorf("%s has %q:\n%s", what, w, s)
		}
	}
}

func TestHTMLVisibleTextOnly(t *testing.T) {
	r, err := ExtractFile("../../testdata/import/council.html")
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != FormatHTML || r.Lang != "it" || r.Title != "Conclusioni sulla diplomazia digitale" ||
		r.Author != "Consiglio dell'Unione europea" || r.Date != "2023-06-26" || r.Description == "" {
		t.Errorf("metadata: %+v", r)
	}
	contains(t, "text", r.Text,
		"# Conclusioni del Consiglio sulla diplomazia digitale dell'UE\n",
		"## Priorità\n",
		"- rafforzare la cooperazione con i paesi partner;\n",
		"componente essenziale dell'azione esterna dell'Unione e che deve essere rafforzata.")
	lacks(t, "text", r.Text, "cookie", "tracking", "color: red", "Sala stampa", "Home", "correlati", "Cerca", "Privacy")

	page := `<html><body><header><a href="/">Ministero</a> Servizi Contatti</header>
<article><header><h1>Nota sui cavi</h1><p>Pubblicato il 3 marzo 2025</p></header>
<p>Il Ministero ha presentato la nota sulla sicurezza dei cavi sottomarini.</p>
<footer>Aggiornato il 4 marzo 2025</footer></article>
<footer>© Ministero – Note legali – Accessibilità</footer></body></html>`
	r = mustExtract(t, "nota.html", []byte(page))
	contains(t, "article", r.Text, "# Nota sui cavi", "Pubblicato il 3 marzo 2025", "Aggiornato il 4 marzo 2025")
	lacks(t, "article", r.Text, "Servizi Contatti", "Note legali")
}

func TestMarkdownKeepsStructure(t *testing.T) {
	r, err := ExtractFile("../../testdata/import/strategy.md")
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != FormatMarkdown || r.Title != "Digital strategy notes" || r.Lang != "en" {
		t.Errorf("metadata: %+v", r)
	}
	contains(t, "text", r.Text, "## Priorities", "- secure connectivity", "[^1]: See the AI Act")

	fm := "---\ntitle: \"Cable security\"\nauthor: DG CNECT\ndate: 2025-02-21\n---\nSetext heading\n==============\n\nThe cables are the backbone of the internet and the Union will protect them.\n"
	r = mustExtract(t, "x.md", []byte(fm))
	if r.Title != "Cable security" || r.Author != "DG CNECT" || r.Date != "2025-02-21" {
		t.Errorf("front matter: %+v", r)
	}
	contains(t, "text", r.Text, "# Setext heading")
	lacks(t, "text", r.Text, "title:", "====")
}

func TestTextEncodings(t *testing.T) {
	r, err := ExtractFile("../../testdata/import/nota-latin1.txt")
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "latin-1", r.Text, "sarà discussa", "è stato preparato", "perché")
	if r.Lang != "it" || r.Title != "Nota sulla strategia digitale" || len(r.Warnings) == 0 {
		t.Errorf("latin-1: %+v", r)
	}

	want := "Über die Zukunft der Union\n\nDie Kommission und der Hohe Vertreter legen eine Strategie für die digitale Zusammenarbeit mit den Partnern vor, die auf Sicherheit und Vertrauen beruht.\n"
	for _, bo := range []string{"le", "be"} {
		u := utf16.Encode([]rune(want))
		var b bytes.Buffer
		if bo == "le" {
			b.Write([]byte{0xff, 0xfe})
		} else {
			b.Write([]byte{0xfe, 0xff})
		}
		for _, c := range u {
			if bo == "le" {
				b.Write([]byte{byte(c), byte(c >> 8)})
			} else {
				b.Write([]byte{byte(c >> 8), byte(c)})
			}
		}
		r := mustExtract(t, "note.txt", b.Bytes())
		if r.Text != strings.TrimSpace(want) || r.Lang != "de" {
			t.Errorf("UTF-16%s: lang %q text %q", bo, r.Lang, r.Text)
		}
	}

	r = mustExtract(t, "bom.txt", []byte("\xef\xbb\xbfLa strategia è pronta e la Commissione la presenterà al Consiglio.\r\nUna seconda riga.\r\n"))
	if strings.ContainsAny(r.Text, "\r\ufeff") {
		t.Errorf("BOM or CR kept: %q", r.Text)
	}
}

func TestDetectLang(t *testing.T) {
	cases := map[string]string{
		"en": "The Council stresses that digital diplomacy is an essential part of the external action of the Union and that it should be strengthened with the partners.",
		"it": "Il Consiglio sottolinea che la diplomazia digitale è una componente essenziale dell'azione esterna dell'Unione e che deve essere rafforzata con i partner.",
		"fr": "Le Conseil souligne que la diplomatie numérique est une composante essentielle de l'action extérieure de l'Union et qu'elle doit être renforcée avec les partenaires.",
		"de": "Der Rat betont, dass die digitale Diplomatie ein wesentlicher Bestandteil des auswärtigen Handelns der Union ist und mit den Partnern gestärkt werden muss.",
		"es": "El Consejo subraya que la diplomacia digital es un componente esencial de la acción exterior de la Unión y que debe reforzarse con los socios.",
		"el": "Το Συμβούλιο τονίζει ότι η ψηφιακή διπλωματία είναι ουσιώδες στοιχείο της εξωτερικής δράσης της Ένωσης.",
		"ru": "Совет подчеркивает, что цифровая дипломатия является важной частью внешней деятельности Союза и что она должна быть укреплена.",
		"":   "x = 3; y = 4; z = x + y",
	}
	byText := map[string]string{}
	for want, text := range cases {
		byText[text] = want
	}
	checkDetectLang(t, byText)
}

// makeZip builds an archive from name/content pairs.
func makeZip(t *testing.T, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const docxDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Submarine cables: a security note</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The Union depends on submarine cables for </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>almost all</w:t></w:r><w:r><w:t xml:space="preserve"> of its data traffic with the rest of the world.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>map the cables and their landing stations;</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Titolo2"/></w:pPr><w:r><w:t>Next steps</w:t></w:r></w:p>
<w:p><w:r><w:t>The Commission will report to the Council by the end of the year.</w:t></w:r></w:p>
</w:body></w:document>`

const docxFootnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Joint Communication JOIN(2025) 9 final.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Cable security note</dc:title><dc:creator>EEAS Policy Unit</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-21T09:30:00Z</dcterms:created></cp:coreProperties>`

func TestDOCX(t *testing.T) {
	data := makeZip(t, "[Content_Types].xml", "<Types/>", "word/document.xml", docxDocument,
		"word/footnotes.xml", docxFootnotes, "docProps/core.xml", docxCore)
	r := mustExtract(t, "note.docx", data)
	if r.Format != FormatDOCX || r.Title != "Cable security note" || r.Author != "EEAS Policy Unit" || r.Date != "2025-02-21" || r.Lang != "en" {
		t.Errorf("metadata: %+v", r)
	}
	contains(t, "text", r.Text, "# Submarine cables: a security note\n\n# Background\n\n",
		"for almost all of its data traffic with the rest of the world.[^1]",
		"- map the cables", "## Next steps", "[^1]: Joint Communication JOIN(2025) 9 final.")
	lacks(t, "text", r.Text, "separator")
	// Without core properties the Title paragraph names the document.
	r = mustExtract(t, "note.docx", makeZip(t, "word/document.xml", docxDocument))
	if r.Title != "Submarine cables: a security note" {
		t.Errorf("title from heading: %q", r.Title)
	}
}

const odtContent = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Nota sulla sicurezza dei cavi</text:h>
<text:p>L'Unione dipende dai cavi sottomarini per quasi tutto il traffico<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Comunicazione congiunta JOIN(2025) 9 final.</text:p></text:note-body></text:note> di dati con il resto del mondo.</text:p>
<text:h text:outline-level="2">Prossime tappe</text:h>
<text:list><text:list-item><text:p>mappare i cavi e le stazioni di approdo;</text:p></text:list-item></text:list>
<text:p>La Commissione riferirà al Consiglio entro la fine dell'anno.</text:p>
</office:text></office:body></office:document-content>`

const odtMeta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>
<dc:title>Sicurezza dei cavi</dc:title><meta:initial-creator>Rappresentanza permanente</meta:initial-creator><meta:creation-date>2025-03-04T10:00:00</meta:creation-date><dc:language>it-IT</dc:language>
</office:meta></office:document-meta>`

func TestODT(t *testing.T) {
	data := makeZip(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", odtContent, "meta.xml", odtMeta)
	r := mustExtract(t, "nota.odt", data)
	if r.Format != FormatODT || r.Title != "Sicurezza dei cavi" || r.Author != "Rappresentanza permanente" || r.Date != "2025-03-04" || r.Lang != "it" {
		t.Errorf("metadata: %+v", r)
	}
	contains(t, "text", r.Text, "# Nota sulla sicurezza dei cavi\n",
		"quasi tutto il traffico[^1] di dati con il resto del mondo.",
		"## Prossime tappe", "- mappare i cavi", "[^1]: Comunicazione congiunta JOIN(2025) 9 final.")
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"a.txt", "hello there", FormatText},
		{"README", "hello there", FormatText},
		{"page.txt", "<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"x.pdf.download", "%PDF-1.4 ...", FormatPDF},
		{"notes.md", "# x", FormatMarkdown},
	}
	for _, c := range cases {
		got, err := Sniff(c.name, []byte(c.data))
		if err != nil || got != c.want {
			t.Errorf("Sniff(%s) = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.txt", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\t\n"), ErrEmpty},
		{"photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrUnsupported},
		{"data.bin", []byte("abc\x00\x01\x02\x03\x00def"), ErrUnsupported},
		{"sheet.xlsx", []byte("col1,col2"), ErrUnsupported},
		{"fake.pdf", []byte("this is not a pdf at all"), ErrBroken},
		{"broken.docx", []byte("PK\x03\x04garbage that is not a zip archive"), ErrBroken},
		{"other.zip", makeZip(t, "a.txt", "hello"), ErrUnsupported},
		{"empty.html", []byte("<html><head><title>x</title><script>a()</script></head><body><nav>Home</nav></body></html>"), ErrNoText},
		{"long.txt", bytes.Repeat([]byte("a"), MaxLine+10), ErrUnsupported},
		{"nodoc.docx", makeZip(t, "word/other.xml", "<x/>", "[Content_Types].xml", "<Types/>"), ErrUnsupported},
	}
	for _, c := range cases {
		_, err := Extract(c.name, c.data)
		if !errors.Is(err, c.want) {
			t.Errorf("Extract(%s) = %v, want %v", c.name, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("Extract(%s): error on more than one line: %q", c.name, err)
		}
	}
}

func TestUnclosedHTML(t *testing.T) {
	// Legacy pages leave <p>, <li> and <td> open; that is not nesting.
	page := "<html lang=en><body><h1>Old page</h1>" + strings.Repeat("<p>The Council met again and adopted its conclusions on the matter.\n", 2000) +
		"<ul><li>first point<li>second point</ul><table><tr><td>a<td>b<tr><td>c</table><p>The end.</body></html>"
	r := mustExtract(t, "old.html", []byte(page))
	contains(t, "text", r.Text, "# Old page\n\nThe Council met again", "conclusions on the matter.\n\nThe Council", "- first point\n\n- second point", "a b\n\nc", "The end.")
}

func TestDeepHTML(t *testing.T) {
	data := []byte("<html><body>" + strings.Repeat("<div>", 200000) + "deep" + "</body></html>")
	_, err := Extract("deep.html", data)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "nested") {
		t.Fatalf("deep HTML: %v", err)
	}
}

func TestHugeSingleLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "line.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("word "), 1<<18)
	for written := 0; written < 100<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	if _, err := ExtractFile(path); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("100 MB line: %v", err)
	}
}

func TestZipBomb(t *testing.T) {
	// An entry that declares a huge size is refused before it is inflated.
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
		CompressedSize64: 5, UncompressedSize64: 10 << 30})
	w.Write([]byte("<w:d>"))
	zw.Close()
	if _, err := Extract("bomb.docx", b.Bytes()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared bomb: %v", err)
	}
	// An entry that lies about its size stops at the limit.
	bomb := deflatedZeros(t, 300<<20)
	b.Reset()
	zw = zip.NewWriter(&b)
	w, _ = zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(bomb)), UncompressedSize64: 1000, CRC32: 0})
	w.Write(bomb)
	zw.Close()
	if _, err := Extract("bomb.docx", b.Bytes()); err == nil {
		t.Errorf("lying bomb accepted")
	}
}

func TestBoilerplateNamesAsThePatternSays(t *testing.T) {
	// isBoilerplateName answers as the pattern it replaced,
	// (?i)(^|[-_ ])(cookies?|…)($|[-_ ]), on ids and classes.
	re := regexp.MustCompile(`(?i)(^|[-_ ])(cookies?|consent|gdpr|banner|menu|nav|nav(bar|igation|header|footer)|breadcrumbs?|sidebar|share|social|skip|toolbar|popup|modal|newsletter|related|advert|ads?)($|[-_ ])`)
	for _, s := range []string{
		"", "nav", "NAV", "main-nav", "navigation", "site_menu top", "menus", "cookie-banner", "cookies", "adsense",
		"ad", "ads-top", "x-AD-y", "coo\u212aie", "\u017fhare", "ſocial", "breadcrumb", "breadcrumbs", "navfooter",
		"nav-", "-nav", "--", "a b  c", "sidebar2", "popup modal", "newsletter_box", "related posts", "advert",
		"relatedposts", "skip-link", "toolbar", "gdpr", "consent", "Navbar", "NAVHEADER", "menù", "ménu",
	} {
		if got, want := isBoilerplateName([]byte(s)), re.MatchString(s); got != want {
			t.Errorf("isBoilerplateName(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
