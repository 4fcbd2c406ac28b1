package themes

import (
	"strings"
	"testing"

	"attache/assets"
)

func TestDefaultTaxonomyLoads(t *testing.T) {
	tx := Default()
	if n := len(tx.Themes); n < 18 || n > 25 {
		t.Fatalf("shipped taxonomy has %d themes, want about 20", n)
	}
	for _, id := range []string{"ai-governance", "undersea-cables", "digital-skills-divide", "internet-governance", "cybersecurity"} {
		if tx.Theme(id) == nil {
			t.Errorf("theme %q missing", id)
		}
	}
	if got := tx.Theme("undersea-cables").Label("it"); got != "Cavi sottomarini e terrestri" {
		t.Errorf("Italian label = %q", got)
	}
}

func TestLoadRejectsBadTaxonomies(t *testing.T) {
	good := `{"id":"a-b","label_en":"A","label_it":"A","description":"d","terms":[{"en":"cable","it":"cavo"}]}`
	cases := []struct {
		name, json, want string
	}{
		{"not json", `{`, "read themes"},
		{"empty", `[]`, "no themes"},
		{"duplicate id", "[" + good + "," + good + "]", `theme "a-b": duplicate id`},
		{"bad id", `[{"id":"A B","label_en":"A","label_it":"A","description":"d","terms":[{"en":"x","it":"y"}]}]`, "not kebab-case"},
		{"missing label", `[{"id":"a","label_en":"A","description":"d","terms":[{"en":"x","it":"y"}]}]`, "missing label_en or label_it"},
		{"missing description", `[{"id":"a","label_en":"A","label_it":"A","terms":[{"en":"x","it":"y"}]}]`, "missing description"},
		{"no terms", `[{"id":"a","label_en":"A","label_it":"A","description":"d","terms":[]}]`, "no en terms"},
		{"no italian terms", `[{"id":"a","label_en":"A","label_it":"A","description":"d","terms":[{"en":"x"}]}]`, "no it terms"},
		{"stop words only", `[{"id":"a","label_en":"A","label_it":"A","description":"d","terms":[{"en":"the","it":"cavo"}]}]`, `term "the" has no words`},
		{"unknown field", `[{"id":"a","label":"A"}]`, "unknown field"},
	}
	for _, c := range cases {
		_, err := Load([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := Load([]byte("[" + good + "]")); err != nil {
		t.Errorf("good taxonomy: %v", err)
	}
}

func TestShippedGlossaryLoads(t *testing.T) {
	list, err := LoadGlossary(assets.Glossary)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < 250 {
		t.Errorf("glossary has %d pairs, want a few hundred", len(list))
	}
	if _, err := LoadGlossary([]byte(`[{"en":"x"}]`)); err == nil || !strings.Contains(err.Error(), "needs both en and it") {
		t.Errorf("one-sided entry: err = %v", err)
	}
}
