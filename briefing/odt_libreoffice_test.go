package briefing

import "testing"

// TestODTLibreOffice checks the ODT export through LibreOffice (see
// checkWithLibreOffice): the marking on every page, the endnotes' pages
// too.
func TestODTLibreOffice(t *testing.T) { checkWithLibreOffice(t, "odt", exportODT) }
