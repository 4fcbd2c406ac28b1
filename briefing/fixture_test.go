package briefing

import (
	"path/filepath"
	"testing"
)

// Test fixtures: excerpts built from real passages of the seed texts.

var (
	srcJoin = Source{DocID: "join-2025-140", Title: "Una strategia digitale internazionale per l'Unione europea",
		ShortTitle: "Strategia digitale internazionale", Issuer: "Commissione europea; Alto rappresentante dell'Unione per gli affari esteri e la politica di sicurezza",
		Date: "2025-06-05", Place: "Bruxelles", Lang: "it", Kind: "joint communication", Reference: "JOIN(2025) 140 final",
		URL: "https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:52025JC0140"}
	srcCouncil = Source{DocID: "council-2023", Title: "Conclusioni del Consiglio sulla diplomazia digitale dell'UE",
		ShortTitle: "Conclusioni sulla diplomazia digitale", Issuer: "Consiglio dell'Unione europea", Date: "2023-06-26",
		Lang: "it", Kind: "Council conclusions (annex)"}
	srcTech7 = Source{DocID: "tech7-2024", Title: "TECH7: digital industry associations from G7 countries urge governments and the Italian Presidency to launch joint initiatives",
		ShortTitle: "TECH7 Joint Declaration", Issuer: "Anitec-Assinform (for the TECH7 associations)", Date: "2024-04-11", Place: "Rome",
		Lang: "en", Kind: "press release", Reference: "Joint Declaration TECH7 Italy, 11.4.2024"}
)

func xJoinPartners() Excerpt {
	t := "La rete di partenariati bilaterali e regionali dell'UE è in costante crescita e consente all'Unione di essere più forte sulla scena mondiale grazie alla costruzione di coalizioni per il perseguimento di obiettivi condivisi in seno ai consessi e alle organizzazioni principali a livello internazionale. Dalla definizione delle norme nell'ambito di consessi multilaterali all'approfondimento dei partenariati bilaterali, l'UE mira a compiere progressi su priorità concrete e immediate, tutelando e promuovendo i suoi interessi strategici."
	return Excerpt{PassageID: "join-2025-140-p6", Source: srcJoin, Locator: "section 1, para. 2", Page: 1,
		SectionPath: []string{"1. IL DIGITALE COME FULCRO DELL'AZIONE ESTERNA DELL'UE"}, Text: t, Full: t,
		Notes: []Note{{Number: "1", Text: "Cfr. le conclusioni del Consiglio europeo, del 17 aprile 2024: \"Il Consiglio europeo sottolinea inoltre la necessità di rafforzare la leadership dell'UE nelle questioni digitali globali e invita la Commissione e l'alto rappresentante a elaborare una comunicazione congiunta sul tema\" (pag. 10)."}}}
}

func xJoinDraghi() Excerpt {
	t := "Come sottolineato nella relazione Draghi, il crescente divario in termini di produttività tra l'UE e gli Stati Uniti dalla metà degli anni Novanta è in gran parte imputabile alla maggiore capacità"
	return Excerpt{PassageID: "join-2025-140-p7", Source: srcJoin, Locator: "section 1, para. 3", Page: 2, Text: t, Full: t,
		Notes: []Note{{Number: "2", Text: "Relazione di Mario Draghi, The future of European competitiveness (2024)."}}}
}

func xCouncil2() Excerpt {
	t := "Sulla base dei progressi compiuti nell'attuazione delle conclusioni del Consiglio del 2022, nelle quali sono enunciati i principi, gli obiettivi e gli strumenti della diplomazia digitale dell'UE, fondati sui diritti umani universali, le libertà fondamentali, lo Stato di diritto e i principi democratici, il Consiglio sottolinea la necessità di migliorare l'attuazione e la coerenza di tutti gli aspetti della diplomazia digitale realizzando una serie di azioni prioritarie."
	return Excerpt{PassageID: "council-2023-p2", Source: srcCouncil, Locator: "para. 2", Text: t, Full: t}
}

func xTech7() Excerpt {
	t := "The TECH7 associations discussed, together with representatives from the Ministry of Enterprises and Made in Italy and the Department for Digital Transformation, as well as the diplomatic representations of G7 countries, the crucial role of digital technology in ensuring economic growth and security for citizens, institutions, and businesses, as well as ensuring economic, social, and environmental sustainability of development models."
	return Excerpt{PassageID: "tech7-2024-p3", Source: srcTech7, Locator: "para. 3", Text: t, Full: t}
}

// sampleBrief is a briefing note in English with excerpts in both languages.
func sampleBrief(t interface{ Fatal(...any) }) *Brief {
	b, err := New(Header{Title: "EU digital diplomacy: the international digital strategy", Subtitle: "Preparing the G7 digital ministerial",
		Author: "A. Rossi", Organisation: "Policy Planning Unit", For: "the Minister", Date: "2025-06-20",
		Classification: "RESTRICTED", Lang: "en", Purpose: "for decision"}, "briefing-note")
	if err != nil {
		t.Fatal(err)
	}
	b.KeyMessages = []string{"The EU’s strategy puts digital at the heart of external action.", "Partners expect concrete “Digital Partnerships” — not words."}
	sum, bg, cons := b.Sections[0].ID, b.Sections[2].ID, b.Sections[3].ID
	b.SetSectionText(sum, "The joint communication JOIN(2025) 140 final sets out how the EU will work with partners.\n\nThis note recommends support.")
	if _, err := b.AddExcerpt(bg, xJoinPartners(), -1); err != nil {
		t.Fatal(err)
	}
	id, _ := b.AddExcerpt(bg, xCouncil2(), -1)
	b.SetExcerptComment(id, "The Council already asked for this in 2023.")
	b.AddExcerpt(cons, xTech7(), -1)
	b.AddExcerpt(cons, xJoinDraghi(), -1)
	return b
}

// exampleBrief is examples/sample.brief, the two-page briefing note users
// open first (no contents list, no Sources list: it fits its limit).
func exampleBrief(t testing.TB) *Brief {
	t.Helper()
	b, err := Load(filepath.Join("..", "examples", "sample.brief"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// exampleWithEveryPart is the sample brief with its contents and Sources
// lists on, so that a reader's test sees every part an export can have.
func exampleWithEveryPart(t testing.TB) *Brief {
	b := exampleBrief(t)
	b.Contents, b.Sources = ContentsOn, SourcesOn
	return b
}

// printedQuotes are the quotations as an export prints them in the text:
// the original, or the own translation where the template puts it in the
// text (its original then is a note).
func printedQuotes(b *Brief) []string {
	var out []string
	for _, s := range Render(b, Options{}).Sections {
		for _, bl := range s.Blocks {
			if bl.Kind == Quotation {
				out = append(out, bl.Text)
			}
		}
	}
	return out
}
