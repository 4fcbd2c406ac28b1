package locale

import (
	"os"
	"testing"
)

func TestNoLanguage(t *testing.T) {
	for loc, want := range map[string]bool{
		"": true, "C": true, "POSIX": true, "C.UTF-8": true, "C.utf8": true,
		"en_US.UTF-8": false, "it_IT": false, "de_DE@euro": false,
	} {
		if got := NoLanguage(loc); got != want {
			t.Errorf("NoLanguage(%q) = %v, want %v", loc, got, want)
		}
	}
}

func TestFixSetsEnglishUnderC(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C.UTF-8")
	t.Setenv("LANGUAGE", "")
	if !Fix() {
		t.Fatal("Fix did not change the environment under LANG=C.UTF-8")
	}
	if got := os.Getenv("LANGUAGE"); got != "en" {
		t.Fatalf("LANGUAGE = %q, want en", got)
	}
}

func TestFixLeavesRealLocale(t *testing.T) {
	t.Setenv("LC_ALL", "it_IT.UTF-8")
	t.Setenv("LANGUAGE", "")
	if Fix() {
		t.Fatal("Fix changed the environment under an Italian locale")
	}
}
