package extract

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// deflatedZeros returns a raw deflate stream that inflates to n zero bytes,
// built from one compressed megabyte repeated.
func deflatedZeros(t *testing.T, n int) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	fw.Write(make([]byte, 1<<20))
	fw.Flush()
	one := append([]byte(nil), chunk.Bytes()...)
	var out bytes.Buffer
	for i := 0; i < n>>20; i++ {
		out.Write(one)
	}
	out.Write([]byte{0x03, 0x00}) // final empty block
	return out.Bytes()
}

// testPDF makes a three-page report with a running header, page-number
// footers, headings, a footnote in small type and a word hyphenated at a
// line end.
func testPDF(t *testing.T, protect bool) []byte {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetTitle("Rapporto sulla connettività", true)
	pdf.SetAuthor("Ufficio studi", true)
	pdf.SetCreationDate(time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC))
	if protect {
		pdf.SetProtection(fpdf.CnProtectPrint, "secret", "owner")
	}
	pdf.SetHeaderFunc(func() {
		pdf.SetFont("Helvetica", "", 9)
		pdf.Text(72, 40, tr("Rapporto riservato - uso interno"))
	})
	pdf.SetFooterFunc(func() {
		pdf.SetFont("Helvetica", "", 9)
		pdf.Text(290, 810, fmt.Sprint(pdf.PageNo()))
	})
	body := func(y float64, lines ...string) float64 {
		pdf.SetFont("Helvetica", "", 11)
		for _, l := range lines {
			pdf.Text(72, y, tr(l))
			y += 14
		}
		return y + 10
	}
	for p := 1; p <= 3; p++ {
		pdf.AddPage()
		pdf.SetFont("Helvetica", "B", 16)
		pdf.Text(72, 100, tr(fmt.Sprintf("%d. Capitolo %d", p, p)))
		y := body(130,
			"La Commissione ha presentato una strategia per la connettività sicura",
			"che riguarda i cavi sottomarini, le reti mobili e i servizi satellitari",
			fmt.Sprintf("di nuova generazione nel capitolo %d della relazione annuale.", p))
		y = body(y,
			"Il Consiglio ha accolto con favore la proposta e ha invitato gli Stati",
			"membri a coordinare le rispettive strategie nazionali in modo coe-",
			"rente con gli obiettivi comuni dell'Unione.")
		if p == 2 {
			pdf.SetFont("Helvetica", "", 8)
			pdf.Text(72, 760, "1 Regolamento (UE) 2024/1689 del Parlamento europeo e del Consiglio.")
		}
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDF(t *testing.T) {
	r := mustExtract(t, "report.pdf", testPDF(t, false))
	if r.Format != FormatPDF || r.Pages != 3 || r.Title != "Rapporto sulla connettività" ||
		r.Author != "Ufficio studi" || r.Date != "2025-03-14" || r.Lang != "it" {
		t.Errorf("metadata: %+v", r)
	}
	pages := strings.Split(r.Text, "\f")
	if len(pages) != 3 {
		t.Fatalf("%d pages in text, want 3:\n%s", len(pages), r.Text)
	}
	contains(t, "page 1", pages[0], "# 1. Capitolo 1\n",
		"La Commissione ha presentato una strategia per la connettività sicura che riguarda i cavi sottomarini",
		"in modo coerente con gli obiettivi comuni")
	contains(t, "page 2", pages[1], "[^1]: Regolamento (UE) 2024/1689")
	lacks(t, "text", r.Text, "Rapporto riservato", "coe- rente", "\n1\n", "\n2\n")
	// Paragraphs stay apart.
	contains(t, "page 3", pages[2], "annuale.\n\nIl Consiglio")
}

func TestPDFBad(t *testing.T) {
	if _, err := Extract("locked.pdf", testPDF(t, true)); !errors.Is(err, ErrEncrypted) {
		t.Errorf("encrypted: %v", err)
	}

	scan := fpdf.New("P", "pt", "A4", "")
	for i := 0; i < 2; i++ {
		scan.AddPage()
		scan.Rect(50, 50, 400, 600, "F")
	}
	var b bytes.Buffer
	scan.Output(&b)
	if _, err := Extract("scan.pdf", b.Bytes()); !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "text layer") {
		t.Errorf("scan: %v", err)
	}

	if _, err := Extract("cut.pdf", testPDF(t, false)[:2000]); !errors.Is(err, ErrBroken) {
		t.Errorf("truncated: %v", err)
	}

	start := time.Now()
	for name, data := range map[string][]byte{
		"kids loop":   loopPDF("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "/Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >>"),
		"parent loop": loopPDF("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "/Parent 3 0 R"),
	} {
		_, err := Extract(name+".pdf", data)
		if !errors.Is(err, ErrBroken) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A font with no Unicode map: the codes decode to symbols.
	garbled := "BT /F1 12 Tf 72 700 Td <" + strings.Repeat("2a2b2c2d2e2f3a3b3c3d3e3f40", 20) + "> Tj ET"
	if _, err := Extract("garbled.pdf", buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(garbled), garbled),
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Secret /Encoding /Identity-H /DescendantFonts [] >>"})); !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "unreadable") {
		t.Errorf("garbled: %v", err)
	}
	// A stream whose length is itself, and a form drawing itself ten times
	// over: both end at once without text.
	form := strings.Repeat("/X1 Do\n", 10)
	for name, data := range map[string][]byte{
		"self length": buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", "<< /Length 4 0 R >>\nstream\nBT ET\nendstream"}),
		"form loop": buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /X1 4 0 R >> >> >>",
			fmt.Sprintf("<< /Type /XObject /Subtype /Form /Length %d /Resources << /XObject << /X1 4 0 R >> >> >>\nstream\n%s\nendstream", len(form), form)}),
	} {
		if _, err := Extract(name+".pdf", data); !errors.Is(err, ErrNoText) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("loops took %v", d)
	}
}

// loopPDF builds a one-page PDF from its page tree root (object 2) and the
// page's (object 3) parent and resources entries.
func loopPDF(node2, page string) []byte {
	content := "BT /F1 12 Tf 72 700 Td (Hello loop, this page has a text layer that is long enough) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		node2,
		"<< /Type /Page " + page + " /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	return buildPDF(objs)
}

// buildPDF writes objects 1… as a PDF with a cross-reference table; object
// 1 is the catalogue.
func buildPDF(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestDebianPDF reads a real manual if a Debian documentation package with
// one is installed.
func TestDebianPDF(t *testing.T) {
	for _, path := range []string{
		"/usr/share/doc/libtasn1-doc/libtasn1.pdf",
		"/usr/share/debian-reference/debian-reference.it.pdf",
		"/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
	} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		r, err := ExtractFile(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if r.Pages < 2 || strings.Count(r.Text, "\f") != r.Pages-1 || r.Lang == "" || len(r.Text) < 1000 {
			t.Errorf("%s: %d pages, %d form feeds, lang %q, %d bytes", path, r.Pages, strings.Count(r.Text, "\f"), r.Lang, len(r.Text))
		}
	}
}
