package index

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"attache/index/corpus"
)

func TestSnippetShortText(t *testing.T) {
	text := "Tale cavo sarà esteso ulteriormente."
	got := makeSnippet(text, []span{{5, 9}, {5, 9}, {100, 120}}, 200).Marked("<mark>", "</mark>")
	want := "Tale <mark>cavo</mark> sarà esteso ulteriormente."
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := makeSnippet(text, nil, 200).Marked("<mark>", "</mark>"); got != text {
		t.Errorf("no matches: got %q", got)
	}
}

func TestSnippetLongText(t *testing.T) {
	words := strings.Fields(strings.Repeat("perché città sicurezza diplomazia digitale ", 40))
	words[100] = "cavi"
	words[103] = "sottomarini"
	text := strings.Join(words, " ")
	var spans []span
	for _, w := range []string{"cavi", "sottomarini"} {
		i := strings.Index(text, w)
		spans = append(spans, span{i, i + len(w)})
	}
	got := makeSnippet(text, spans, 200).Marked("<mark>", "</mark>")
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("a cut snippet shows … at both ends: %q", got)
	}
	if !strings.Contains(got, "<mark>cavi</mark>") || !strings.Contains(got, "<mark>sottomarini</mark>") {
		t.Errorf("matches not marked: %q", got)
	}
	if !utf8.ValidString(got) {
		t.Errorf("snippet is not valid UTF-8: %q", got)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(got)
	if !strings.Contains(text, plain) || len(plain) > 200 || len(plain) < 150 {
		t.Errorf("snippet of %d bytes is not a piece of the text: %q", len(plain), plain)
	}
	for _, w := range strings.Fields(plain) {
		if !strings.Contains(" "+strings.Join(words, " ")+" ", " "+w+" ") {
			t.Errorf("snippet cuts a word: %q", w)
		}
	}
	// no match: the beginning
	if got := makeSnippet(text, nil, 200).Marked("<mark>", "</mark>"); !strings.HasPrefix(got, "perché città") || !strings.HasSuffix(got, "…") {
		t.Errorf("no matches: got %q", got)
	}
	// a match at the very end
	end := len(text) - len("digitale")
	got = makeSnippet(text, []span{{end, len(text)}}, 200).Marked("<mark>", "</mark>")
	if !strings.HasSuffix(got, "<mark>digitale</mark>") || !strings.HasPrefix(got, "…") {
		t.Errorf("match at the end: got %q", got)
	}
}

func TestSnippetMergesOverlaps(t *testing.T) {
	text := "undersea cables and cable security"
	got := makeSnippet(text, []span{{9, 15}, {9, 13}, {0, 8}}, 200).Marked("<mark>", "</mark>")
	want := "<mark>undersea</mark> <mark>cables</mark> and cable security"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// spans not on character boundaries are ignored
	text = "città digitali"
	if got := makeSnippet(text, []span{{5, 8}}, 200).Marked("<mark>", "</mark>"); got != text {
		t.Errorf("bad span: got %q", got)
	}
}

func TestCite(t *testing.T) {
	p := func(loc string) corpus.Passage { return corpus.Passage{Locator: loc} }
	tests := []struct {
		m    corpus.Meta
		loc  string
		want string
	}{
		{corpus.Meta{ID: "join-2025-140", Title: "Una strategia", ShortTitle: "Strategia", Reference: "JOIN(2025) 140 final"},
			`§ 4, "Tecnologie emergenti"`, `JOIN(2025) 140 final, § 4, "Tecnologie emergenti"`},
		{corpus.Meta{ID: "council-2023", Title: "Conclusioni del Consiglio", ShortTitle: "Conclusioni sulla diplomazia digitale"},
			"para. 4(c)", "Conclusioni sulla diplomazia digitale, para. 4(c)"},
		{corpus.Meta{ID: "x", Title: "A title"}, "point 6", "A title, point 6"},
		{corpus.Meta{ID: "x"}, "", "x"},
	}
	for _, tt := range tests {
		if got := Cite(tt.m, p(tt.loc)); got != tt.want {
			t.Errorf("Cite(%+v, %q) = %q, want %q", tt.m, tt.loc, got, tt.want)
		}
	}
}

func TestSnippetJSONMarksWords(t *testing.T) {
	sn := Snippet{Text: "undersea cables and cable landing", Marks: []Span{{9, 15}, {20, 25}}}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as the command line prints it
	if err := enc.Encode(sn); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(b.String()), `"undersea <mark>cables</mark> and <mark>cable</mark> landing"`; got != want {
		t.Errorf("JSON %s, want %s", got, want)
	}
}
