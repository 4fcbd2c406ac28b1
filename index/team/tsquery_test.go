package team

import (
	"reflect"
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
