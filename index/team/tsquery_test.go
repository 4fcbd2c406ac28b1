package team

import (
	"reflect"
	"strings"
	"testing"
)

func TestInText(t *testing.T) {
	for in, want := range map[string]string{
		`'digit' <-> 'divid'`:     `'digit':A <-> 'divid':A`,
		`'cyber':*`:               `'cyber':*A`,
		`'o''reilly' & !'x'`:      `'o''reilly':A & !'x':A`,
		`( 'a' <2> 'b' ) | 'c':B`: `( 'a':A <2> 'b':A ) | 'c':B`,
		`'back\\slash' <-> 'y'`:   `'back\\slash':A <-> 'y':A`,
	} {
		if got := inText(in); got != want {
			t.Errorf("inText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLexemes(t *testing.T) {
	words, prefixes := lexemes(`'digit':A <-> 'o''reilly' | 'cyber':*A`)
	if !reflect.DeepEqual(words, []string{"digit", "o'reilly"}) || !reflect.DeepEqual(prefixes, []string{"cyber"}) {
		t.Errorf("lexemes: %q %q", words, prefixes)
	}
}

// TestPhraseWordsAndTypedQuery reads ts_debug's tokens as the local
// library counts places: a hyphenated compound as its parts, an elided
// article left out; the typed query lets a word stand one place further
// after an article or the compound it begins.
func TestPhraseWordsAndTypedQuery(t *testing.T) {
	tok := func(alias, text, kind string) string { return alias + "\x1f" + text + "\x1f" + kind }
	// "ricerca e l'innovazione"
	it := []string{tok("asciiword", "ricerca", "wricerc"), tok("blank", " ", "b"), tok("asciiword", "e", "s"), tok("blank", " ", "b"),
		tok("asciiword", "l", "s"), tok("blank", "'", "b"), tok("asciiword", "innovazione", "winnov")}
	ws := phraseWords("italian", it)
	if len(ws) != 3 || ws[0].pos != 1 || ws[2].pos != 3 || ws[2].lexeme != "innov" {
		t.Fatalf("ricerca e l'innovazione: %+v, want ricerca 1, e 2, innovazione 3", ws)
	}
	if got, want := looseQuery(ws), "( 'ricerc' ) <2> 'innov' | ( 'ricerc' ) <3> 'innov'"; got != want {
		t.Errorf("loose: %s, want %s", got, want)
	}
	typed := typedQuery("italian", ws)
	for _, part := range []string{"'rice':*", "'innovazi':*", "!(", "'nell'"} {
		if !strings.Contains(typed, part) {
			t.Errorf("typed %s lacks %s", typed, part)
		}
	}
	// "small and medium-sized enterprises"
	en := []string{tok("asciiword", "small", "wsmall"), tok("blank", " ", "b"), tok("asciiword", "and", "s"), tok("blank", " ", "b"),
		tok("asciihword", "medium-sized", "wmedium-s"), tok("hword_asciipart", "medium", "wmedium"), tok("blank", "-", "b"),
		tok("hword_asciipart", "sized", "wsize"), tok("blank", " ", "b"), tok("asciiword", "enterprises", "wenterpris")}
	ws = phraseWords("english", en)
	if len(ws) != 5 || ws[2].text != "medium" || ws[4].pos != 5 {
		t.Fatalf("small and medium-sized enterprises: %+v, want the compound as its parts", ws)
	}
	if plain, adjacent := plainQuery(ws); plain != "( ( ( 'small' ) <2> 'medium' ) <-> 'size' ) <-> 'enterpris'" || adjacent {
		t.Errorf("plain %q (adjacent %v): want the stems at their distances, not adjacent (and between)", plain, adjacent)
	}
	if plain, _ := plainQuery(phraseWords("english", []string{tok("asciiword", "digital", "wdigit"), tok("blank", " ", "b"),
		tok("asciiword", "governance", "wgovern")})); plain != "" {
		t.Errorf("digital governance: plain %q, want none ('govern' is also government's stem)", plain)
	}
	if ws := phraseWords("english", []string{tok("asciiword", "governance", "wgovern")}); ws != nil {
		t.Errorf("one word: %+v, want nil", ws)
	}
}
