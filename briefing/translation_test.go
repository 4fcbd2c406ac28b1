package briefing

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

const ownEN = "The security and resilience of digital networks and infrastructure are essential for critical sectors such as energy, transport, finance and health."

// TestOwnTranslationPrints checks both template layouts in the PDF and in
// Markdown, in both label languages, and that the quote check still
// checks the original.
func TestOwnTranslationPrints(t *testing.T) {
	for _, tc := range []struct {
		template, lang, label, original string
	}{
		{"briefing-note", "en", "Own translation", "Original (Italian): «La sicurezza e la resilienza"},
		{"briefing-note", "it", "Traduzione non ufficiale", ""}, // an Italian quotation in an Italian brief
		{"policy-brief", "en", "Own translation", ""},
	} {
		b := cablesBrief(t)
		b.Template, b.Lang = tc.template, tc.lang
		x := &b.Sections[2].Excerpts[0]
		if err := b.SetTranslation(x.ID, ownEN); err != nil {
			t.Fatal(err)
		}
		path, warnings := exportPDF(t, b, Options{})
		for _, w := range warnings {
			if strings.Contains(w, "not a part of the passage") {
				t.Errorf("%s/%s: %s", tc.template, tc.lang, w)
			}
		}
		pages, _ := pageTexts(t, path, b)
		all := strings.Join(pages, " ")
		var md bytes.Buffer
		if _, err := WriteMarkdown(&md, b, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{tc.label, ownEN} {
			if !strings.Contains(all, want) {
				t.Errorf("%s/%s: the PDF lacks %q", tc.template, tc.lang, want)
			}
			if !strings.Contains(md.String(), want) {
				t.Errorf("%s/%s: the Markdown lacks %q", tc.template, tc.lang, want)
			}
		}
		inText := b.TranslationLayout() == TranslationInText
		label := strings.Index(all, tc.label)
		orig := strings.Index(all, "La sicurezza e la resilienza delle reti")
		switch {
		case inText && tc.original != "":
			// the translation in the text, the original in the note
			if !strings.Contains(all, tc.original) || orig < 0 {
				t.Errorf("%s/%s: the original is not in a note: %q", tc.template, tc.lang, tc.original)
			}
			if !strings.Contains(md.String(), "[^5]: "+tc.original) {
				t.Errorf("%s/%s: Markdown note 5 (after the citation and source notes 35 and 36) is not the original:\n%s", tc.template, tc.lang, md.String())
			}
		case inText:
			if !strings.Contains(all, "Testo originale (italiano): «La sicurezza") {
				t.Errorf("%s/%s: no original note", tc.template, tc.lang)
			}
		default:
			// the original, then the translation under it
			if orig < 0 || label < orig {
				t.Errorf("%s/%s: original at %d, translation label at %d", tc.template, tc.lang, orig, label)
			}
		}
		if err := b.SetTranslation(x.ID, ""); err != nil || x.Translation != "" {
			t.Errorf("translation not removed: %v", err)
		}
	}
}

// TestTrimDropsCutNotesInPrint trims the two-page brief's first Italian
// quotation before "5G": source note 35 (its mark after "5G") and 36 leave
// the quotation in the PDF and the Markdown, and the numbers follow.
func TestTrimDropsCutNotesInPrint(t *testing.T) {
	b := cablesBrief(t)
	x := &b.Sections[2].Excerpts[0]
	if len(x.Notes) != 2 {
		t.Fatalf("fixture: %d source notes", len(x.Notes))
	}
	if err := b.TrimExcerptTo(x.ID, "La sicurezza e la resilienza delle reti e delle infrastrutture digitali sono essenziali per consentire sviluppi in settori critici quali l'energia, i trasporti, la finanza e la sanità."); err != nil {
		t.Fatal(err)
	}
	path, _ := exportPDF(t, b, Options{})
	pages, _ := pageTexts(t, path, b)
	all := strings.Join(pages, " ")
	var md bytes.Buffer
	WriteMarkdown(&md, b, Options{})
	for _, gone := range []string{"Source note 35", "Source note 36"} {
		if strings.Contains(all, gone) || strings.Contains(md.String(), gone) {
			t.Errorf("%q still printed after the trim cut its mark away", gone)
		}
	}
	c := Cite(b)
	for i, n := range c.Notes {
		if n.Number != i+1 {
			t.Fatalf("note numbers %v", c.Notes)
		}
		if !strings.Contains(all, fmt.Sprintf("%d %s", n.Number, squash(n.Text()))) {
			t.Errorf("note %d missing: %s", n.Number, n.Text())
		}
	}
	if len(c.Notes) != 5 {
		t.Errorf("%d notes, want 5 (7 less the two cut away)", len(c.Notes))
	}
}
