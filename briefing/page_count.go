package briefing

import "fmt"

// PageCount returns how many pages the brief's PDF has with the options:
// what "attache export --json" reports, for a Word file too (Word lays the
// same text out on the same paper and margins, and may break a page a few
// lines differently).
func PageCount(b *Brief, opt Options) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("PDF layout failed: %v", r)
		}
	}()
	d, err := layoutPDF(b, opt)
	if err != nil {
		return 0, err
	}
	if err := d.pdf.Error(); err != nil {
		return 0, fmt.Errorf("PDF layout failed: %v", err)
	}
	return d.pdf.PageCount(), nil
}
