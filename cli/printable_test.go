package cli

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"report.txt":          "report.txt",
		"relazione è più.pdf": "relazione è più.pdf",
		"x\ny.txt":            `"x\ny.txt"`,
		"a\x1b[2Jb":           `"a\x1b[2Jb"`,
		"abc\u202etxt.exe":    `"abc\u202etxt.exe"`,
		"tab\there":           `"tab\there"`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %s, want %s", in, got, want)
		}
	}
}
