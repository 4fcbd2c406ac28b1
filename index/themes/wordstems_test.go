package themes

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// trickyWords are texts where Unicode word boundaries, possessives,
// elisions, stop words and the Italian fold meet.
var trickyWords = []string{
	"", " ", "the", "The Commission's 2024 report, in 3.5 parts; l'Unione e dell'Europa",
	"E-mail: info@example.eu — www.example.eu/a_b?c=1", "l’Unione, dell’ambiente, quell'anno", "U.S.A. 1,000.50 3.14 a.b a:b a_b _ __ ___x",
	"naïve café résumé Ærø straße ΣΊΣΥΦΟΣ Москва 東京 カタカナ ひらがな 한국어", "don't can't won't it's 'quoted' \"double\"",
	"soft\u00adhyphen zero\u200bwidth join\u200dme e\u0301 combining", "emoji 🇮🇹🇪🇺 flags 👍🏽 ok", "tab\tnew\nline\r\nfeed\f end",
	"CAPITALS AND lower Mixed123abc 123abc abc123 1a2b3c", "cavi sottomarini, cavo, tecnologie quantistiche, cibersicurezza",
	"\xff invalid", "a\u00a0b\u2009c", "١٢٣ arabic digits ٤٥", "x'y'z x''y x.y.z x..y 1''2 1.2.3 1..2",
}

func TestWordStemsAreTheAnalyzers(t *testing.T) {
	// The cache of words gives what Bleve's analyzers give, for the seeds'
	// passages and headings and for tricky texts, in both languages, on
	// a first reading (words not cached yet) and a second (cached).
	texts := slices.Clone(trickyWords)
	for _, d := range taggedSeeds(t) {
		for _, p := range d.Passages {
			texts = append(texts, p.Text)
			texts = append(texts, p.Section...)
		}
	}
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			for _, lang := range []string{"en", "it", "fr"} {
				if got, want := wordStemsOf(s, lang), liveStems(s, lang); !slices.Equal(got, want) {
					t.Fatalf("round %d, %s, %q: stems %q, the analyzer's %q", round, lang, s, got, want)
				}
			}
		}
	}
}

func FuzzWordStems(f *testing.F) {
	for _, s := range trickyWords {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, lang := range []string{"en", "it"} {
			if got, want := wordStemsOf(s, lang), liveStems(s, lang); !slices.Equal(got, want) {
				t.Fatalf("%s, %q: stems %q, the analyzer's %q", lang, s, got, want)
			}
		}
	})
}
