package briefing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	b := sampleBrief(t)
	b.Contents = ContentsOn
	b.Sections[0].Text = append(b.Sections[0].Text, "# not a heading *nor emphasis*")
	var sb strings.Builder
	warn, err := WriteMarkdown(&sb, b, Options{})
	if err != nil || strings.Join(warn, "|") != `section "Issue" is empty|section "Recommendation" is empty` {
		t.Fatalf("%v %v", warn, err)
	}
	md := sb.String()
	for _, want := range []string{
		"**RESTRICTED**\n\n# EU digital diplomacy: the international digital strategy\n\n*Preparing the G7 digital ministerial*\n\n**For decision**\n\n",
		"**For:** the Minister  \n**From:** A. Rossi, Policy Planning Unit  \n**Date:** 20 June 2025\n\n",
		"> **Key messages**\n>\n> - The EU’s strategy puts digital at the heart of external action.\n",
		"**Contents**\n\n1. Summary\n2. Issue\n",
		"## 3. Background\n\n*In Italian:*\n\n> La rete di partenariati bilaterali e regionali dell'UE è in costante crescita",
		"tutelando e promuovendo i suoi interessi strategici.[^1][^2]\n\n",
		"[^3]\n\nThe Council already asked for this in 2023.\n\n",
		"## 4. Considerations\n\n> The TECH7 associations discussed",
		`\# not a heading \*nor emphasis\*`,
		"## Sources\n\n- Anitec-Assinform (for the TECH7 associations), *TECH7: digital industry",
		"[^1]: Commissione europea; Alto rappresentante dell'Unione per gli affari esteri e la politica di sicurezza, *Una strategia digitale internazionale per l'Unione europea* JOIN(2025) 140 final (Bruxelles, 5 June 2025) section 1, para. 2. <https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140>\n",
		"[^2]: Source note 1: Cfr. le conclusioni",
		"[^5]: *Strategia digitale internazionale* (n 1) section 1, para. 3.\n[^6]: Source note 2: Relazione di Mario Draghi",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if !strings.HasSuffix(md, "\n\n**RESTRICTED**\n") {
		t.Error("no marking at the end")
	}
	if strings.Contains(md, "*In English:*") {
		t.Error("language shown for a quotation in the brief's language")
	}
}

func TestExportAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brief.md")
	if _, err := Export(out, sampleBrief(t), Markdown, Options{}); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(out)
	if _, err := Export(out, sampleBrief(t), "rtf", Options{}); err == nil || !strings.Contains(err.Error(), "pdf, docx, odt or md") {
		t.Errorf("unknown format: %v", err)
	}
	if _, err := Export(filepath.Join(dir, "missing", "x.md"), sampleBrief(t), Markdown, Options{}); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	if now, _ := os.ReadFile(out); string(now) != string(old) {
		t.Error("failed export touched the old file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestExportNeverOverwritesABrief checks that an export aimed at a .brief
// file (the brief's own name typed by mistake) is refused in one line and
// leaves the brief as it was, instead of replacing it with a PDF.
func TestExportNeverOverwritesABrief(t *testing.T) {
	path := filepath.Join(t.TempDir(), "note.brief")
	if err := Save(path, sampleBrief(t)); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	for _, f := range []string{PDF, Markdown} {
		_, err := Export(path, sampleBrief(t), f, Options{})
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "will not write over") {
			t.Errorf("%s over a brief: %v", f, err)
		}
	}
	if now, _ := os.ReadFile(path); string(now) != string(old) {
		t.Error("the brief was replaced by its export")
	}
}
