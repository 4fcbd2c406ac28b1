package briefing

import (
	"errors"
	"io"
)

// WritePDF writes the brief as PDF.
func WritePDF(w io.Writer, b *Brief, opt Options) ([]string, error) {
	return nil, errors.New("PDF export is not built yet")
}
