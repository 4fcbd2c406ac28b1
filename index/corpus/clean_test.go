package corpus

import (
	"regexp"
	"strings"
	"testing"
)

func TestNoBoilerplateInAnySeed(t *testing.T) {
	banned := []string{"cookie", "robot", "privacy policy", "follow us", "was this page helpful",
		"back to top", "press office", "3398955856", "joint declaration_", "_summary", "website:"}
	for _, d := range allSeeds(t) {
		for _, p := range d.Passages {
			texts := []string{p.Text}
			for _, n := range p.Notes {
				texts = append(texts, n.Text)
			}
			for _, text := range texts {
				low := strings.ToLower(text)
				for _, b := range banned {
					if strings.Contains(low, b) {
						t.Errorf("%s %s holds boilerplate %q: %.80s", d.ID, p.Locator, b, text)
					}
				}
			}
		}
	}
}

func TestTECH7EndsWithTheAssociationNotItsContacts(t *testing.T) {
	d := seed(t, "tech7-2024")
	last := d.Passages[len(d.Passages)-1]
	if !strings.HasSuffix(last.Text, "It is headquartered in Milan and Rome.") {
		t.Errorf("last passage ends %q", last.Text[len(last.Text)-60:])
	}
}

func TestPassagesAreSingleSpacedLines(t *testing.T) {
	for _, d := range allSeeds(t) {
		for _, p := range d.Passages {
			if strings.ContainsAny(p.Text, "\n\r\t\f\u00a0") || strings.Contains(p.Text, "  ") ||
				p.Text != strings.TrimSpace(p.Text) {
				t.Errorf("%s %s: white space not collapsed: %q", d.ID, p.Locator, p.Text)
			}
		}
	}
}

func TestHardWrappedCouncilTextIsJoined(t *testing.T) {
	d := seed(t, "council-2023")
	p := at(t, d, "para. 1")
	for _, s := range []string{
		"illegale su vasta scala e dalla guerra di aggressione",
		"preservando nel contempo un'economia aperta.",
		"come pure il settore privato e le associazioni professionali.",
	} {
		if !strings.Contains(p.Text, s) {
			t.Errorf("para. 1 lacks %q", s)
		}
	}
	if !strings.HasPrefix(p.Text, "In un contesto geopolitico") {
		t.Errorf("para. 1 starts %.40q", p.Text)
	}
	// A line ending in ";" that goes on in lower case is the same point.
	f := at(t, d, "para. 4(f)")
	if !strings.Contains(f.Text, "con fiducia; partecipare in modo attivo") {
		t.Errorf("4(f) was cut: %q", f.Text)
	}
	// Point (h) is one passage with the sentence after its first line.
	h := at(t, d, "para. 4(h)")
	if !strings.Contains(h.Text, "governance di internet. Riconoscendo l'importanza") {
		t.Errorf("4(h): %q", h.Text)
	}
}

func TestPageBreakAndFootnotesDoNotCutAParagraph(t *testing.T) {
	d := seed(t, "join-2025-140")
	p := containing(t, d, "imputabile alla maggiore capacità")
	if !strings.Contains(p.Text, "imputabile alla maggiore capacità degli Stati Uniti di innovare") {
		t.Errorf("not rejoined: %q", p.Text)
	}
	for _, bad := range []string{"Relazione di Mario Draghi", "Cfr. le conclusioni", "pag. 10"} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("footnote text %q in passage", bad)
		}
	}
	if got := noteNumbers(p); strings.Join(got, ",") != "2,3" {
		t.Errorf("notes %v, want 2 and 3", got)
	}
	// A list point cut by a page of footnotes goes on after them.
	b := at(t, d, "§ 1, point (b)")
	if !strings.Contains(b.Text, "ciberdifesa, in particolare per quanto riguarda le infrastrutture critiche") {
		t.Errorf("point (b) cut: %.200q", b.Text)
	}
	// A sentence cut by a blank line only, going on in lower case.
	g := containing(t, d, "la chiusura e la censura di")
	if !strings.Contains(g.Text, "la chiusura e la censura di siti internet") {
		t.Errorf("not rejoined: %q", g.Text)
	}
	// A sentence cut before its footnotes, going on with a capital.
	r := containing(t, d, "In linea con la strategia ProtectEU,")
	if !strings.Contains(r.Text, "In linea con la strategia ProtectEU, L'UE insisterà") {
		t.Errorf("not rejoined: %q", r.Text)
	}
}

func TestCouncilFootnoteBlocksStayOutOfText(t *testing.T) {
	d := seed(t, "council-2023")
	for _, p := range d.Passages {
		for _, bad := range []string{"18 luglio 2022", "http", "ST 12930/22", "progetti faro", "Cfr."} {
			if strings.Contains(p.Text, bad) {
				t.Errorf("%s holds footnote text %q", p.Locator, bad)
			}
		}
	}
	if p := at(t, d, "para. 3, 2nd subpara."); !strings.HasSuffix(p.Text, "della censura online e della sorveglianza online illecita.") {
		t.Errorf("para. 3 2nd subpara ends %q", p.Text[len(p.Text)-80:])
	}
}

func TestGluedDigitMarksBecomeNotes(t *testing.T) {
	d := seed(t, "council-2023")
	p := at(t, d, "para. 2")
	if !strings.Contains(p.Text, "conclusioni del Consiglio del 2022, nelle quali") || strings.Contains(p.Text, "20221") {
		t.Errorf("year with glued mark: %q", p.Text)
	}
	if len(p.Notes) != 1 || p.Notes[0].Number != "1" ||
		p.Notes[0].Text != "Conclusioni del Consiglio sulla diplomazia digitale dell'UE, 18 luglio 2022." ||
		strings.Join(p.Notes[0].URLs, " ") != "https://data.consilium.europa.eu/doc/document/ST-11406-2022-INIT/it/pdf" {
		t.Errorf("para. 2 notes: %+v", p.Notes)
	}
	seven := at(t, d, "para. 7")
	for _, s := range []string{"un ecosistema digitale resiliente. Con la strategia", `strategia "Global Gateway". In particolare`} {
		if !strings.Contains(seven.Text, s) {
			t.Errorf("para. 7 lacks %q", s)
		}
	}
	if got := noteNumbers(seven); strings.Join(got, ",") != "2,3" {
		t.Fatalf("para. 7 notes %v", got)
	}
	n2, n3 := seven.Notes[0], seven.Notes[1]
	if n2.Text != "Cfr.: Conclusioni del Consiglio sulla sicurezza della catena di approvvigionamento delle TIC (doc. ST 12930/22)" {
		t.Errorf("note 2 text %q", n2.Text)
	}
	if len(n2.URLs) != 1 || !strings.Contains(n2.URLs[0], "strengthen-the-security-of-ict-supply-chains") {
		t.Errorf("note 2 URLs %v", n2.URLs)
	}
	if len(n3.URLs) != 1 || n3.URLs[0] != "https://international-partnerships.ec.europa.eu/publications/global-gateway-2023-flagship-projects-infographics_en" {
		t.Errorf("note 3 URLs %v", n3.URLs)
	}
	// Numbers that are not marks stay.
	if e := at(t, d, "para. 4(e)"); !strings.Contains(e.Text, "in seno al G7 per") || !strings.Contains(e.Text, "obiettivi del G20") {
		t.Errorf("4(e) lost G7/G20: %q", e.Text)
	}
	if c := at(t, d, "para. 4(c)"); !strings.Contains(c.Text, "plenipotenziaria del 2026, elaborando") {
		t.Errorf("4(c) lost its year: %q", c.Text)
	}
}

var reSuperscript = regexp.MustCompile(`[⁰¹²³⁴⁵⁶⁷⁸⁹]`)

func TestSuperscriptMarksBecomeNotes(t *testing.T) {
	d := seed(t, "join-2025-140")
	for _, p := range d.Passages {
		rest := strings.ReplaceAll(p.Text, "IRIS²", "")
		if reSuperscript.MatchString(rest) {
			t.Errorf("%s keeps a superscript mark: %q", p.Locator, reSuperscript.FindString(rest))
		}
	}
	containing(t, d, "IRIS², la nuova componente") // a name, not a mark
	p := containing(t, d, "Come sottolineato nella relazione Draghi, il crescente divario")
	if p.Notes[0].Text != "Relazione di Mario Draghi, The future of European competitiveness (2024)." {
		t.Errorf("note 2: %q", p.Notes[0].Text)
	}
	// Every one of the 49 footnotes is attached exactly once.
	seen := map[string]int{}
	for _, p := range d.Passages {
		for _, n := range p.Notes {
			seen[n.Number]++
		}
	}
	if len(seen) != 49 {
		t.Errorf("%d distinct notes, want 49", len(seen))
	}
	for num, k := range seen {
		if k != 1 {
			t.Errorf("note %s attached %d times", num, k)
		}
	}
	ten := containing(t, d, "In linea con gli impegni esistenti, l'UE")
	if got := noteNumbers(ten); len(got) == 0 || got[0] != "10" {
		t.Errorf("note ¹⁰ not attached: %v", got)
	}
	u := containing(t, d, "l'alleanza digitale UE-America latina e Caraibi,")
	var n25 *Note
	for i := range u.Notes {
		if u.Notes[i].Number == "25" {
			n25 = &u.Notes[i]
		}
	}
	if n25 == nil || len(n25.URLs) != 1 || n25.URLs[0] != "https://international-partnerships.ec.europa.eu/policies/global-gateway/eu-latin-america-and-caribbean-digital-alliance-it" {
		t.Errorf("note 25: %+v", n25)
	}
}

func TestMarkupReadsAsPlainText(t *testing.T) {
	for _, d := range allSeeds(t) {
		for _, p := range d.Passages {
			texts := []string{p.Text}
			for _, n := range p.Notes {
				texts = append(texts, n.Text)
			}
			for _, s := range texts {
				for _, bad := range []string{"**", "](#)", "[", `\(`, `\)`, "<http"} {
					if strings.Contains(s, bad) {
						t.Errorf("%s %s: markup %q left in %.120q", d.ID, p.Locator, bad, s)
					}
				}
			}
		}
	}
	d := seed(t, "join-2025-140")
	p := containing(t, d, "Una diplomazia digitale sempre più attiva")
	if !strings.Contains(p.Text, "del Global Gateway, anche") {
		t.Errorf("bold not removed: %.300q", p.Text)
	}
	q := containing(t, d, "Dispone infatti di un mercato unico digitale")
	for _, n := range q.Notes {
		if n.Number == "5" && n.Text != "Cfr. fonte Organizzazione mondiale del commercio (OMC)." {
			t.Errorf("note 5: %q", n.Text)
		}
	}
	for in, want := range map[string]string{
		`**bold** and *italic* [link](#) \(x\) *acquis* dell'UE`:                  "bold and italic link (x) acquis dell'UE",
		"__strong__, _em_ and `code` ![logo](logo.png) but snake_case_name stays": "strong, em and code logo but snake_case_name stays",
		"see <https://example.org/a> and [the rules](https://example.org/b)":      "see https://example.org/a and the rules",
		"**IRIS²**, the **Global Gateway**.":                                      "IRIS², the Global Gateway.",
		"*a* *b*, 5 * 3 and cyber* stay, *open source*.":                          "a b, 5 * 3 and cyber* stay, open source.",
	} {
		if got, _ := cleanInline(in); got != want {
			t.Errorf("cleanInline(%q) = %q, want %q", in, got, want)
		}
	}
	_, urls := cleanInline("see <https://example.org/a> and [the rules](https://example.org/b) and [anchor](#x)")
	if strings.Join(urls, " ") != "https://example.org/a https://example.org/b" {
		t.Errorf("link targets %v", urls)
	}
}

func TestCollapseSpaceKeepsCollapsedText(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"one":                      "one",
		"one two":                  "one two",
		" one":                     "one",
		"one ":                     "one",
		"one  two":                 "one two",
		"one\ttwo":                 "one two",
		"one\u00a0two":             "one two",
		"perché è così\u2003 sì  ": "perché è così sì",
		"   ":                      "",
		"a\nb":                     "a b",
	} {
		if got := collapseSpace(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}
