package briefing

import (
	"strings"
	"testing"
)

func TestCitations(t *testing.T) {
	b := sampleBrief(t)
	// quote the joint communication a second time, later, in another section
	rec := b.Sections[4].ID
	b.AddExcerpt(rec, xJoinPartners(), -1)
	c := Cite(b)
	var got []string
	for _, n := range c.Notes {
		got = append(got, n.Text())
	}
	want := []string{
		// first citation of the joint communication: full, with its URL
		"Commissione europea; Alto rappresentante dell'Unione per gli affari esteri e la politica di sicurezza, Una strategia digitale internazionale per l'Unione europea JOIN(2025) 140 final (Bruxelles, 5 June 2025) section 1, para. 2. <https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140>",
		// its own footnote travels with it
		"Source note 1: Cfr. le conclusioni del Consiglio europeo, del 17 aprile 2024: \"Il Consiglio europeo sottolinea inoltre la necessità di rafforzare la leadership dell'UE nelle questioni digitali globali e invita la Commissione e l'alto rappresentante a elaborare una comunicazione congiunta sul tema\" (pag. 10).",
		// no place, no reference
		"Consiglio dell'Unione europea, Conclusioni del Consiglio sulla diplomazia digitale dell'UE (26 June 2023) para. 2.",
		"Anitec-Assinform (for the TECH7 associations), TECH7: digital industry associations from G7 countries urge governments and the Italian Presidency to launch joint initiatives Joint Declaration TECH7 Italy, 11.4.2024 (Rome, 11 April 2024) para. 3.",
		// later: short form pointing back to note 1
		"Strategia digitale internazionale (n 1) section 1, para. 3.",
		"Source note 2: Relazione di Mario Draghi, The future of European competitiveness (2024).",
		"Strategia digitale internazionale (n 1) section 1, para. 2.",
		"Source note 1: Cfr. le conclusioni del Consiglio europeo, del 17 aprile 2024: \"Il Consiglio europeo sottolinea inoltre la necessità di rafforzare la leadership dell'UE nelle questioni digitali globali e invita la Commissione e l'alto rappresentante a elaborare una comunicazione congiunta sul tema\" (pag. 10).",
	}
	if len(got) != len(want) {
		t.Fatalf("%d notes:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("note %d:\n got %s\nwant %s", i+1, got[i], want[i])
		}
		if c.Notes[i].Number != i+1 {
			t.Errorf("note %d numbered %d", i+1, c.Notes[i].Number)
		}
	}
	if !c.Notes[1].FromSource || c.Notes[0].FromSource {
		t.Error("source notes not marked")
	}
	// marks in reading order
	xs := b.Excerpts()
	marks := [][]int{{1, 2}, {3}, {4}, {5, 6}, {7, 8}}
	for i, x := range xs {
		if fmtInts(c.Marks[x.ID]) != fmtInts(marks[i]) {
			t.Errorf("excerpt %d marks %v, want %v", i, c.Marks[x.ID], marks[i])
		}
	}
	// the title is italic, the rest not
	for _, r := range c.Notes[0].Runs {
		if r.Italic != (r.Text == srcJoin.Title) {
			t.Errorf("run %q italic=%v", r.Text, r.Italic)
		}
	}
	// Sources: each document once, by issuer, no pinpoint
	var src []string
	for _, s := range c.Sources {
		src = append(src, s.Text())
	}
	wantSrc := []string{
		"Anitec-Assinform (for the TECH7 associations), TECH7: digital industry associations from G7 countries urge governments and the Italian Presidency to launch joint initiatives Joint Declaration TECH7 Italy, 11.4.2024 (Rome, 11 April 2024).",
		"Commissione europea; Alto rappresentante dell'Unione per gli affari esteri e la politica di sicurezza, Una strategia digitale internazionale per l'Unione europea JOIN(2025) 140 final (Bruxelles, 5 June 2025). <https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140>",
		"Consiglio dell'Unione europea, Conclusioni del Consiglio sulla diplomazia digitale dell'UE (26 June 2023).",
	}
	if strings.Join(src, "\n") != strings.Join(wantSrc, "\n") {
		t.Errorf("sources:\n%s", strings.Join(src, "\n"))
	}
}

func fmtInts(n []int) string {
	var s []string
	for _, i := range n {
		s = append(s, itoa(i))
	}
	return strings.Join(s, ",")
}

func TestCitationsItalian(t *testing.T) {
	b := sampleBrief(t)
	b.Lang = "it"
	b.AddExcerpt(b.Sections[4].ID, xCouncil2(), -1)
	c := Cite(b)
	if got := c.Notes[2].Text(); !strings.HasSuffix(got, "(26 giugno 2023) par. 2.") {
		t.Errorf("italian date: %s", got)
	}
	if got := c.Notes[1].Text(); !strings.HasPrefix(got, "Nota 1 della fonte: Cfr.") {
		t.Errorf("italian source note: %s", got)
	}
	if got := c.Notes[len(c.Notes)-1].Text(); got != "Conclusioni sulla diplomazia digitale (nota 3) par. 2." {
		t.Errorf("italian short form: %s", got)
	}
}

func TestCitationFallbacks(t *testing.T) {
	b := &Brief{Header: Header{Title: "x"}}
	b.AddSection("A", -1)
	s := b.Sections[0].ID
	// no issuer, no short title: short form falls back to the reference
	src := Source{DocID: "d", Title: "A report", Reference: "COM(2024) 1 final", Date: "2024-03"}
	b.AddExcerpt(s, Excerpt{PassageID: "p1", Source: src, Text: "One.", Page: 4}, -1)
	b.AddExcerpt(s, Excerpt{PassageID: "p2", Source: src, Text: "Two."}, -1)
	c := Cite(b)
	if got := c.Notes[0].Text(); got != "A report COM(2024) 1 final (March 2024) p. 4." {
		t.Errorf("full: %s", got)
	}
	if got := c.Notes[1].Text(); got != "COM(2024) 1 final (n 1)." {
		t.Errorf("short: %s", got)
	}
	if got := linkify("see https://example.org/a, and http://x.y."); plain(got) != "see https://example.org/a, and http://x.y." || got[1].URL != "https://example.org/a" || got[3].URL != "http://x.y" {
		t.Errorf("linkify: %+v", got)
	}
}

func TestFormatDate(t *testing.T) {
	for _, c := range [][3]string{
		{"2025-06-05", "en", "5 June 2025"}, {"2025-06-05", "it", "5 giugno 2025"},
		{"2024-03", "en", "March 2024"}, {"2024-03", "it", "marzo 2024"}, {"2024", "it", "2024"},
		{"2024-05-01", "it", "1º maggio 2024"}, {"next week", "en", "next week"}, {"2024-13-01", "en", "2024-13-01"},
	} {
		if got := FormatDate(c[0], c[1]); got != c[2] {
			t.Errorf("FormatDate(%q, %s) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
