package index

import (
	"math/rand"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens returns "" when got are the tokens want are, else what
// differs.
func sameTokens(got, want analysis.TokenStream) string {
	if len(got) != len(want) {
		return "token count"
	}
	for i := range want {
		g, w := got[i], want[i]
		if string(g.Term) != string(w.Term) || g.Start != w.Start || g.End != w.End || g.Position != w.Position || g.Type != w.Type {
			return "token " + string(w.Term)
		}
	}
	return ""
}

// TestLatinWordTokenizerCutsAsUnicode checks latinWordTokenizer against
// Bleve's unicode tokenizer: on texts that exercise each of its rules, and
// on half a million random strings of the characters those rules tell
// apart (letters, accented ones, digits, the characters that join words,
// the ones that never do, characters it leaves to the unicode tokenizer).
// TestPassageFieldsAreWhatTheMappingMade checks it on the seeds' passages
// (and, with ATTACHE_FIELDS_GIMP=1, the GIMP manual's).
func TestLatinWordTokenizerCutsAsUnicode(t *testing.T) {
	full := unicode.NewUnicodeTokenizer()
	fast := &latinWordTokenizer{full: full}
	check := func(s string) {
		t.Helper()
		if d := sameTokens(fast.Tokenize([]byte(s)), full.Tokenize([]byte(s))); d != "" {
			t.Fatalf("%q: %s differs:\n got %v\nwant %v", s, d, fast.Tokenize([]byte(s)), full.Tokenize([]byte(s)))
		}
	}
	for _, s := range []string{
		"", " ", "a", "_", "__", "1", "a1", "1a", "_1", "1_", "a_b", "a_.b", "a._b",
		"l'anno", "dell'Unione", "don't", "it's'", "'quoted'", "e.g.", "a.b.c", "a.1", "1.a", "1.2.3", "3.5%",
		"1,000,000", "1;2", "a,b", "a;b", "a:b", "1:2", "a::b", "a..b", "a.'b", "12'34", "x'1",
		"città perché più", "À la carte; naïve façade", "Straße ×2 ÷3 µm ªº", "tab\tnew\nline\r\ncr\rff\f",
		"GIMP 2.10: Filters → Blur → Gaussian", "“quoted” l’immagine — dash", "e-mail re-use", "C++ C# .NET",
		"U.S.A. 1.5.2 v2.10.34", "€5 £3 ¥2", "\x00\x01a\x7f", "l’anno dell’Unione", "«Filtri» → “Sfocatura”… 5° ©2024™", "a’b a’ ’a 1’2", "\xe2\x80", "\xe2", "a\xc3",
	} {
		check(s)
	}
	alphabet := []string{"a", "Z", "é", "À", "ÿ", "µ", "1", "0", "_", ":", ".", "'", ",", ";", " ", "\n", "\r",
		"-", "\"", "×", "÷", "’", "‘", "“", "”", "«", "»", "–", "—", "…", "→", "©", "°", "™", "½", "\u00a0", "\u00ad",
		"·", "‥", "․", "日", "\u0301", "\u200d", "\u2028", "ℂ", "Ω"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 500000; n++ {
		var s string
		for k := r.Intn(10); k >= 0; k-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		check(s)
	}
}
