package briefing

import "testing"

// TestDOCXLibreOffice checks the Word export through LibreOffice (see
// checkWithLibreOffice). LibreOffice prints Word's endnotes on a page of
// their own without the header and footer; that page alone may lack the
// marking.
func TestDOCXLibreOffice(t *testing.T) { checkWithLibreOffice(t, "docx", exportDOCX) }
