package corpus

import (
	"regexp"
	"strings"
	"testing"
)

// TestShortParagraphsStaySeparate checks that thousands of short
// paragraphs, each looking like the continuation of the one before (lower
// case, no full stop), do not all become one passage: the join of pieces
// of a paragraph is bounded. Before the fix the 5,000 lines were one
// passage of 100 KB.
func TestShortParagraphsStaySeparate(t *testing.T) {
	d, err := Parse(Meta{ID: "p", Lang: "en"}, shortParagraphs(100_000))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) < 1000 {
		t.Fatalf("%d passages from 5,000 paragraphs", len(d.Passages))
	}
	for _, p := range d.Passages {
		if n := strings.Count(p.Text, "digital cooperation"); n > 1+maxContinuations {
			t.Fatalf("passage %s joins %d paragraphs", p.ID, n)
		}
	}
}

// TestContinuationAcrossPageBreak checks the repair the seeds need: a
// paragraph cut by a page break (and by the footnotes at the foot of the
// page) is one passage again, and a paragraph that runs over two breaks
// too.
func TestContinuationAcrossPageBreak(t *testing.T) {
	raw := "# Report\n\nThe Council stresses that the partners should work together on\n\f" +
		"the security of undersea cables and on the resilience of\n\f" +
		"their networks, as agreed in Brussels.\n\nA second paragraph stands alone.\n"
	d, err := Parse(Meta{ID: "p", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) != 2 {
		for _, p := range d.Passages {
			t.Logf("%q", p.Text)
		}
		t.Fatalf("%d passages, want 2", len(d.Passages))
	}
	if got := d.Passages[0].Text; !strings.HasPrefix(got, "The Council") || !strings.HasSuffix(got, "as agreed in Brussels.") {
		t.Errorf("joined passage %q", got)
	}
}

// TestTrailingRefMatchesPattern checks trailingRef against the regular
// expression it replaces.
func TestTrailingRefMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`\[\^[^\]\s]+\]$`)
	for _, s := range []string{"", "]", "[^]", "[^1]", "text.[^12]", "a [^1] b", "x[^a[^b]", "x[^ a]", "x[^a]]", "[^^]", "é[^è]", "[[^1]", "^1]", "x[^1\t]"} {
		want := -1
		if loc := re.FindStringIndex(s); loc != nil {
			want = loc[0]
		}
		if got := trailingRef(s); got != want {
			t.Errorf("trailingRef(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestParseKeepsMetadataOnOneLine checks that a title (an imported file's
// title is often its name) holding newlines or other control characters
// becomes one line, so that no list, report or citation prints a line it
// did not mean to. Before the fix the title kept its newline.
func TestParseKeepsMetadataOnOneLine(t *testing.T) {
	meta := Meta{ID: "x", Lang: "en", Title: "x\nadded    fake-doc  Injected\x1b[2J line", Issuer: "A\tB\r\nC", Place: "Rome\u2028Italy"}
	d, err := Parse(meta, []byte("Some text about cables."))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "x added fake-doc Injected [2J line" || d.Issuer != "A B C" || d.Place != "Rome Italy" {
		t.Errorf("metadata %q %q %q", d.Title, d.Issuer, d.Place)
	}
}
