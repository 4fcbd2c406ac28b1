package corpus

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"attache/seeds"
)

func TestLocatorsPinpointTheSource(t *testing.T) {
	cases := []struct{ doc, locator, start string }{
		{"council-2023", "para. 1", "In un contesto geopolitico"},
		{"council-2023", "para. 4", "Il Consiglio invita l'alto rappresentante, la Commissione e gli Stati membri a rafforzare"},
		{"council-2023", "para. 4(c)", "Rafforzare il ruolo dell'UE nell'Unione internazionale"},
		{"council-2023", "para. 3, 2nd subpara.", "In linea con il piano d'azione dell'UE"},
		{"council-2023", "para. 16", "Il Consiglio tornerà sulla questione"},
		{"join-2025-140", "§ 1", "Nel contesto dell'attuale congiuntura geopolitica"},
		{"join-2025-140", "§ 1, point (a)", "rafforzare la competitività tecnologica dell'UE"},
		{"join-2025-140", `§ 4, "Tecnologie emergenti"`, "Intelligenza artificiale: come indicato"},
		{"join-2025-140", `§ 4, "Cybersicurezza"`, "Nel contesto attuale di un mondo iperconnesso"},
		{"join-2025-140", `§ 4, "Cybersicurezza", para. 2`, "L'UE dispone inoltre degli strumenti"},
		{"join-2025-140", "§ 2, point 1", "approfondimento dei partenariati"},
		{"join-2025-140", "para. 1", "La rivoluzione digitale e dell'intelligenza artificiale"},
		{"tech7-2024", "point 6", "Promotion of open and responsible digital trade and free flow of data:"},
		{"tech7-2024", "para. 1", "Digital industry associations from G7 countries"},
		{"tech7-2024", "para. 7", "TECH7 associations invite the governments"},
		{"g7-2024", "para. 1", "The Group of Seven (G7) is an informal forum"},
		{"g7-2024", `"Digital Government Systems"`, "A robust digital public infrastructure"},
		{"g7-2024", `"Digital Government Systems", para. 2`, "On 15 March, at the end of the Ministerial Meeting"},
	}
	for _, c := range cases {
		p := at(t, seed(t, c.doc), c.locator)
		if !strings.HasPrefix(p.Text, c.start) {
			t.Errorf("%s %s: got %.60q, want %q…", c.doc, c.locator, p.Text, c.start)
		}
	}
	kinds := map[string]string{"para. 4": KindParagraph, "para. 4(c)": KindPoint, "para. 3, 2nd subpara.": KindParagraph}
	for loc, kind := range kinds {
		if p := at(t, seed(t, "council-2023"), loc); p.Kind != kind {
			t.Errorf("council %s kind %q, want %q", loc, p.Kind, kind)
		}
	}
	if p := at(t, seed(t, "tech7-2024"), "point 6"); p.Kind != KindItem {
		t.Errorf("TECH7 point 6 kind %q", p.Kind)
	}
	if p := at(t, seed(t, "join-2025-140"), `§ 4, "Tecnologie emergenti"`); p.Kind != KindBullet {
		t.Errorf("JOIN bullet kind %q", p.Kind)
	}
}

func TestLocatorsAreUniqueInEachSeed(t *testing.T) {
	for _, d := range allSeeds(t) {
		seen := map[string]bool{}
		for _, p := range d.Passages {
			if p.Locator == "" || seen[p.Locator] {
				t.Errorf("%s: locator %q empty or repeated", d.ID, p.Locator)
			}
			seen[p.Locator] = true
		}
	}
}

func TestHeadingsNameSectionsAndAreNotPassages(t *testing.T) {
	join := seed(t, "join-2025-140")
	want := []Section{
		{Number: "1", Heading: "IL DIGITALE COME FULCRO DELL'AZIONE ESTERNA DELL'UE", Level: 1},
		{Number: "4", Heading: "SETTORI PRIORITARI DI COOPERAZIONE CON I PAESI PARTNER", Level: 1},
		{Heading: "Tecnologie emergenti", Level: 2},
		{Number: "6", Heading: "UN'EUROPA COMPETITIVA E SICURA, APERTA ALLE IMPRESE, COLLEGATA AL MONDO", Level: 1},
	}
	for _, w := range want {
		found := false
		for _, s := range join.Sections {
			if s.Number == w.Number && s.Heading == w.Heading && s.Level == w.Level {
				found = true
			}
		}
		if !found {
			t.Errorf("JOIN lacks section %+v", w)
		}
	}
	if len(join.Sections) != 12 {
		t.Errorf("JOIN has %d sections, want 12", len(join.Sections))
	}
	p := at(t, join, `§ 4, "Tecnologie emergenti"`)
	if strings.Join(p.Section, " / ") != "4. SETTORI PRIORITARI DI COOPERAZIONE CON I PAESI PARTNER / Tecnologie emergenti" {
		t.Errorf("section path %q", p.Section)
	}
	for _, s := range join.Sections {
		if s.First < len(join.Passages) && s.Heading == "Tecnologie emergenti" && join.Passages[s.First].ID != p.ID {
			t.Errorf("section First %d is not the first passage under it", s.First)
		}
	}
	council := seed(t, "council-2023")
	if len(council.Sections) != 2 || council.Sections[0].Heading != "INTRODUZIONE" || council.Sections[1].Number != "2" ||
		council.Sections[1].Heading != "AZIONI PRIORITARIE" {
		t.Errorf("council sections %+v", council.Sections)
	}
	g7 := seed(t, "g7-2024")
	if at(t, g7, `"Digital Government Systems"`).Section[0] != "Digital Government Systems" {
		t.Error("G7 section path")
	}
	for _, d := range allSeeds(t) {
		for _, p := range d.Passages {
			for _, s := range d.Sections {
				if p.Text == s.Heading {
					t.Errorf("%s: heading %q is a passage", d.ID, s.Heading)
				}
			}
			if sameText(p.Text, d.Title) {
				t.Errorf("%s: the title is a passage", d.ID)
			}
		}
	}
}

func TestFrontMatterIsNotPassages(t *testing.T) {
	join := seed(t, "join-2025-140")
	if !strings.HasPrefix(join.Passages[0].Text, "La rivoluzione digitale") {
		t.Errorf("JOIN starts with %.60q", join.Passages[0].Text)
	}
	council := seed(t, "council-2023")
	if council.Passages[0].Locator != "para. 1" {
		t.Errorf("council starts with %s %.60q", council.Passages[0].Locator, council.Passages[0].Text)
	}
	for _, d := range []*Document{join, council} {
		for _, p := range d.Passages {
			for _, bad := range []string{"COMMISSIONE", "Bruxelles, 5.6.2025", "JOIN(2025) 140 final", "ALLEGATO", "CONCLUSIONI DEL CONSIGLIO", "COMUNICAZIONE CONGIUNTA"} {
				if strings.Contains(p.Text, bad) {
					t.Errorf("%s %s holds front matter %q", d.ID, p.Locator, bad)
				}
			}
		}
	}
}

var reID = regexp.MustCompile(`^[a-z0-9-]+#[0-9a-f]{10}(-\d+)?$`)

func TestPassageFields(t *testing.T) {
	kinds := map[string]bool{KindParagraph: true, KindPoint: true, KindItem: true, KindBullet: true}
	for _, d := range allSeeds(t) {
		ids := map[string]bool{}
		for i, p := range d.Passages {
			if !reID.MatchString(p.ID) || !strings.HasPrefix(p.ID, d.ID+"#") || ids[p.ID] {
				t.Errorf("%s: bad or repeated ID %q", d.ID, p.ID)
			}
			ids[p.ID] = true
			if p.ID != PassageID(d.ID, p.Text) {
				t.Errorf("%s: ID %s is not the hash of the text", d.ID, p.ID)
			}
			if p.DocID != d.ID || p.Lang != d.Lang || p.Seq != i || !kinds[p.Kind] || p.Text == "" {
				t.Errorf("%s: passage %d fields %+v", d.ID, i, p)
			}
			if got, ok := d.Passage(p.ID); !ok || got.Seq != i {
				t.Errorf("%s: Passage(%q) does not find it", d.ID, p.ID)
			}
		}
	}
	if _, ok := seed(t, "g7-2024").Passage("g7-2024#0000000000"); ok {
		t.Error("found a passage that does not exist")
	}
}

func TestIDsAreStable(t *testing.T) {
	raw, err := seeds.FS.ReadFile("000_fea732852672aab9.txt")
	if err != nil {
		t.Fatal(err)
	}
	meta := Meta{ID: "g7-2024", Lang: "en"}
	a, err := Parse(meta, raw)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Parse(meta, raw)
	for i := range a.Passages {
		if a.Passages[i].ID != b.Passages[i].ID {
			t.Fatalf("passage %d: %s then %s", i, a.Passages[i].ID, b.Passages[i].ID)
		}
	}
	// Editing one paragraph changes only that paragraph's ID.
	edited := strings.Replace(string(raw), "Italy assumed, for the seventh time,", "Italy assumed, for the 7th time,", 1)
	c, err := Parse(meta, []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for i := range a.Passages {
		if a.Passages[i].ID != c.Passages[i].ID {
			changed++
			if !strings.Contains(c.Passages[i].Text, "7th time") {
				t.Errorf("passage %d changed ID without changing", i)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d IDs changed, want 1", changed)
	}
	// The same text twice gets a suffix the second time.
	d, err := Parse(Meta{ID: "twice", Lang: "en"}, []byte("Same words here.\n\nOther words.\n\nSame words here.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Passages[2].ID != d.Passages[0].ID+"-2" {
		t.Errorf("repeated text IDs %s and %s", d.Passages[0].ID, d.Passages[2].ID)
	}
}

func TestParseErrors(t *testing.T) {
	meta := Meta{ID: "bad", Lang: "en"}
	for name, raw := range map[string]string{
		"empty":          "",
		"blank":          " \n\n\t \f \n",
		"boilerplate":    "Questo sito utilizza solo cookie tecnici necessari per la fruizione dei contenuti.\n\nPrivacy Policy\nFollow us\n\nWas this page helpful?\n\nYou did not validate the \"I am not a robot\" check\nBack to top of the page\n",
		"footnotes only": "¹ A footnote.\n\n² Another footnote.\n",
	} {
		_, err := Parse(meta, []byte(raw))
		if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), `"bad"`) {
			t.Errorf("%s: err = %v, want no text", name, err)
		}
	}
	_, err := Parse(meta, []byte("Caf\xe9 au lait.\n"))
	if err == nil || !strings.Contains(err.Error(), "UTF-8") || errors.Is(err, ErrNoText) {
		t.Errorf("latin-1 text: err = %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
}

const markdownSample = "# Annual report\n\n" +
	"Opening words of the report, with a footnote[^1] and **bold** text\n" +
	"hard-wrapped over two lines.\n\n" +
	"## 1. Scope\n\n" +
	"The scope covers *three* [areas](https://example.org/areas) in detail.\n\n" +
	"- first bullet point\n" +
	"- second bullet point[^2]\n\n" +
	"1. numbered item one\n" +
	"2. numbered item two\n\n" +
	"a) a lettered point\n\n" +
	"This paragraph runs on to the next page and\n" +
	"\f" +
	"[^1]: The first note, see https://example.org/one.\n" +
	"[^2]: The second note.\n\n" +
	"carries on here on page two.\n\n" +
	"## Sub-heading\n\n" +
	"Closing paragraph.\n"

func TestParseMarkdownContract(t *testing.T) {
	d, err := Parse(Meta{ID: "md", Lang: "en", Title: "Something else"}, []byte(markdownSample))
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ kind, locator, text string }
	wants := []want{
		// The text has pages (a form feed): locators lead with the page.
		{KindParagraph, `p. 1, "Annual report"`, "Opening words of the report, with a footnote and bold text hard-wrapped over two lines."},
		{KindParagraph, "p. 1, § 1", "The scope covers three areas in detail."},
		{KindBullet, "p. 1, § 1, para. 2", "first bullet point"},
		{KindBullet, "p. 1, § 1, para. 3", "second bullet point"},
		{KindItem, "p. 1, § 1, point 1", "numbered item one"},
		{KindItem, "p. 1, § 1, point 2", "numbered item two"},
		{KindPoint, "p. 1, § 1, point (a)", "a lettered point"},
		{KindParagraph, "p. 1, § 1, para. 4", "This paragraph runs on to the next page and carries on here on page two."},
		{KindParagraph, `p. 2, "Sub-heading"`, "Closing paragraph."},
	}
	if len(d.Passages) != len(wants) {
		for _, p := range d.Passages {
			t.Logf("%s | %s | %q", p.Kind, p.Locator, p.Text)
		}
		t.Fatalf("%d passages, want %d", len(d.Passages), len(wants))
	}
	for i, w := range wants {
		p := d.Passages[i]
		if p.Kind != w.kind || p.Locator != w.locator || p.Text != w.text {
			t.Errorf("passage %d: %s | %s | %q; want %s | %s | %q", i, p.Kind, p.Locator, p.Text, w.kind, w.locator, w.text)
		}
	}
	if d.Passages[0].Page != 1 || d.Passages[7].Page != 1 || d.Passages[8].Page != 2 {
		t.Errorf("pages %d %d %d", d.Passages[0].Page, d.Passages[7].Page, d.Passages[8].Page)
	}
	n := d.Passages[0].Notes
	if len(n) != 1 || n[0].Number != "1" || n[0].Text != "The first note, see https://example.org/one." || len(n[0].URLs) != 1 || n[0].URLs[0] != "https://example.org/one" {
		t.Errorf("note 1: %+v", n)
	}
	if n := d.Passages[3].Notes; len(n) != 1 || n[0].Text != "The second note." {
		t.Errorf("note 2: %+v", n)
	}
	wantSections := []Section{
		{Heading: "Annual report", Level: 1, First: 0},
		{Number: "1", Heading: "Scope", Level: 2, First: 1},
		{Heading: "Sub-heading", Level: 2, First: 8},
	}
	if len(d.Sections) != len(wantSections) {
		t.Fatalf("sections %+v", d.Sections)
	}
	for i, w := range wantSections {
		if d.Sections[i] != w {
			t.Errorf("section %d: %+v, want %+v", i, d.Sections[i], w)
		}
	}
	if got := strings.Join(d.Passages[8].Section, " / "); got != "Annual report / Sub-heading" {
		t.Errorf("section path %q", got)
	}
}

func TestWindowsLineEndingsAndBOM(t *testing.T) {
	d, err := Parse(Meta{ID: "crlf", Lang: "en"}, []byte("\ufeffFirst line\r\nof a paragraph.\r\n\r\nSecond paragraph.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) != 2 || d.Passages[0].Text != "First line of a paragraph." {
		t.Errorf("%+v", d.Passages)
	}
}

func TestPagedTextLosesRunningHeadsAndPageNumbers(t *testing.T) {
	raw := "Annual Report 2024 – Draft\n1\n\nFirst paragraph of page one is here and\nit wraps.\n\n" +
		"Second paragraph starts here and runs\n" +
		"\fAnnual Report 2024 – Draft\n2\n\non to the next page.\n\nThird paragraph.[^1]\n\n[^1]: A note at the foot.\n\n- 2 -\n" +
		"\fAnnual Report 2024 – Draft\nPage 3 of 3\n\nFourth paragraph.\n"
	d, err := Parse(Meta{ID: "paged", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text string
		page int
	}{
		{"First paragraph of page one is here and it wraps.", 1},
		{"Second paragraph starts here and runs on to the next page.", 1},
		{"Third paragraph.", 2},
		{"Fourth paragraph.", 3},
	}
	if len(d.Passages) != len(want) {
		for _, p := range d.Passages {
			t.Logf("%d %q", p.Page, p.Text)
		}
		t.Fatalf("%d passages, want %d", len(d.Passages), len(want))
	}
	for i, w := range want {
		if p := d.Passages[i]; p.Text != w.text || p.Page != w.page {
			t.Errorf("passage %d: page %d %q, want page %d %q", i, p.Page, p.Text, w.page, w.text)
		}
	}
	if n := d.Passages[2].Notes; len(n) != 1 || n[0].Text != "A note at the foot." {
		t.Errorf("note with the page foot: %+v", n)
	}
}

func TestMarkdownRulesAndQuotes(t *testing.T) {
	raw := "Title line\n===========\n\nA first paragraph.\n\n---\n\n> A quoted paragraph\n> on two lines.\n\n***\n\nLast one.\n"
	d, err := Parse(Meta{ID: "rules", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range d.Passages {
		texts = append(texts, p.Text)
	}
	if got := strings.Join(texts, " | "); got != "A first paragraph. | A quoted paragraph on two lines. | Last one." {
		t.Errorf("passages %q", got)
	}
}

func TestShortLinesAloneArePassages(t *testing.T) {
	d, err := Parse(Meta{ID: "short", Lang: "en"}, []byte("Hello world\n\nSecond line\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) != 2 || d.Passages[0].Text != "Hello world" || len(d.Sections) != 0 {
		t.Errorf("passages %+v sections %+v", d.Passages, d.Sections)
	}
}

func TestNumberedSubHeadings(t *testing.T) {
	raw := "1. FIRST PART\n\nOpening text of the part.\n\n1.1 Scope of the review\n\nText under the sub-heading.\n\n1.2. Method\n\nMore text.\n\n2. SECOND PART\n\nClosing text.\n"
	d, err := Parse(Meta{ID: "subs", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Passages {
		got = append(got, p.Locator+" = "+p.Text)
	}
	want := "§ 1 = Opening text of the part. | § 1.1 = Text under the sub-heading. | § 1.2 = More text. | § 2 = Closing text."
	if strings.Join(got, " | ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " | "), want)
	}
	if len(d.Sections) != 4 || d.Sections[1].Number != "1.1" || d.Sections[1].Level != 2 || d.Sections[3].Level != 1 {
		t.Errorf("sections %+v", d.Sections)
	}
	if p := d.Passages[1]; strings.Join(p.Section, " / ") != "1. FIRST PART / 1.1. Scope of the review" {
		t.Errorf("path %q", p.Section)
	}
}

func TestFootnotesWithoutMarks(t *testing.T) {
	// A page-foot note whose mark was lost goes to the passage above it; a
	// Markdown note that nothing refers to is left out.
	raw := "First paragraph.\n\n¹ A note whose mark was lost.\n\nSecond paragraph.\n\n[^9]: Never referred to.\n"
	d, err := Parse(Meta{ID: "stray", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Passages) != 2 || len(d.Passages[0].Notes) != 1 || d.Passages[0].Notes[0].Number != "1" || len(d.Passages[1].Notes) != 0 {
		t.Errorf("%+v", d.Passages)
	}
}

func TestImportedODTForm(t *testing.T) {
	// The text index/extract makes of an ODT note (see its tests).
	raw := "# Nota sulla sicurezza dei cavi\n\n" +
		"L'Unione dipende dai cavi sottomarini per quasi tutto il traffico[^1] di dati con il resto del mondo.\n\n" +
		"## Prossime tappe\n\n- mappare i cavi e le stazioni di approdo;\n\n" +
		"La Commissione riferirà al Consiglio entro la fine dell'anno.\n\n" +
		"[^1]: Comunicazione congiunta JOIN(2025) 9 final.\n"
	d, err := Parse(Meta{ID: "nota", Lang: "it", Title: "Sicurezza dei cavi"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Passages {
		got = append(got, p.Kind+" "+p.Locator+" = "+p.Text)
	}
	want := []string{
		`paragraph "Nota sulla sicurezza dei cavi" = L'Unione dipende dai cavi sottomarini per quasi tutto il traffico di dati con il resto del mondo.`,
		`bullet "Prossime tappe" = mappare i cavi e le stazioni di approdo;`,
		`paragraph "Prossime tappe", para. 2 = La Commissione riferirà al Consiglio entro la fine dell'anno.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := d.Passages[0].Notes; len(n) != 1 || n[0].Text != "Comunicazione congiunta JOIN(2025) 9 final." {
		t.Errorf("notes %+v", n)
	}
}

func TestPagedLocatorsLeadWithThePage(t *testing.T) {
	// A PDF's text without headings: paragraphs counted on each page.
	raw := "First paragraph on page one.\n\nSecond paragraph on page one.\n\n" +
		"\fOnly paragraph of page two, which runs on\n" +
		"\fto page three.\n\nA paragraph on page three.\n\nAnother on page three.\n\n" +
		"## 4. Findings\n\nThe findings start on page three.\n\n- a bullet of the findings.\n\n" +
		"\fThe findings go on, on page four.\n"
	d, err := Parse(Meta{ID: "pdf", Lang: "en"}, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Passages {
		got = append(got, p.Locator+" = "+p.Text)
	}
	want := []string{
		"p. 1 = First paragraph on page one.",
		"p. 1, para. 2 = Second paragraph on page one.",
		"p. 2 = Only paragraph of page two, which runs on to page three.",
		"p. 3 = A paragraph on page three.",
		"p. 3, para. 2 = Another on page three.",
		"p. 3, § 4 = The findings start on page three.",
		"p. 3, § 4, para. 2 = a bullet of the findings.",
		"p. 4, § 4 = The findings go on, on page four.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	seen := map[string]bool{}
	for _, p := range d.Passages {
		if seen[p.Locator] {
			t.Errorf("locator %q used twice", p.Locator)
		}
		seen[p.Locator] = true
	}
}
