package index

import (
	"regexp"
	"strings"
	"testing"
)

// The phrase contract: a quoted phrase returns only passages holding it as
// the language's analyzer sees it (its words in order, inflections
// allowed), or one of its whole-phrase equivalents in the other language,
// those holding it as typed first.
func TestQuotedPhrasesReturnOnlyPassagesHoldingThem(t *testing.T) {
	lib := openEvalLibrary(t)
	cases := []struct {
		query   string
		holds   *regexp.Regexp // the phrase or a whole-phrase equivalent
		literal *regexp.Regexp // the phrase as typed (inflected)
	}{
		{`"digital divide"`, regexp.MustCompile(`(?i)digital divides?|divar(io|i) digital[ei]`), regexp.MustCompile(`(?i)digital divides?`)},
		{`"Privacy Policy"`, regexp.MustCompile(`(?i)privacy polic(y|ies)|informativa sulla privacy`), regexp.MustCompile(`(?i)privacy polic(y|ies)`)},
		{`"la chiusura e la censura"`, regexp.MustCompile(`(?i)la chiusura e la censura`), regexp.MustCompile(`(?i)la chiusura e la censura`)},
		{`"cavo sottomarino"`, regexp.MustCompile(`(?i)cav[oi] sottomarin[oi]|undersea cables?|submarine cables?`), regexp.MustCompile(`(?i)cav[oi] sottomarin[oi]`)},
		{`"sovranità digitale"`, regexp.MustCompile(`(?i)sovranità digitale|digital sovereignty`), regexp.MustCompile(`(?i)sovranità digitale`)},
	}
	for _, c := range cases {
		for _, same := range []bool{false, true} {
			res := runQuery(t, lib, Query{Text: c.query, SameLanguage: same, Limit: MaxLimit})
			seenOther := false
			for i, h := range res.Hits {
				if !c.holds.MatchString(h.Text) {
					t.Errorf("%s (same-language %v): hit %d %s does not hold the phrase: %.100q", c.query, same, i+1, h.ID, h.Text)
				}
				literal := c.literal.MatchString(h.Text)
				if !literal {
					seenOther = true
				} else if seenOther {
					t.Errorf("%s: hit %d %s holds the phrase as typed but ranks after an equivalent", c.query, i+1, h.ID)
				}
				if same && !literal {
					t.Errorf("%s --same-language: hit %s holds only an equivalent", c.query, h.ID)
				}
			}
			if res.Total != len(res.Hits) {
				t.Errorf("%s: total %d, %d hits listed", c.query, res.Total, len(res.Hits))
			}
		}
	}
	// The phrase is found; the JOIN passage holding "la chiusura e la
	// censura" verbatim is the first hit.
	res := runQuery(t, lib, Query{Text: `"la chiusura e la censura"`})
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "la chiusura e la censura") {
		t.Errorf(`"la chiusura e la censura": first hit %v`, describeHits(res))
	}
	if res := runQuery(t, lib, Query{Text: `"digital divide"`}); len(res.Hits) < 3 {
		t.Errorf(`"digital divide": %d hits, want the TECH7 point and the Council's and JOIN's divari digitali`, len(res.Hits))
	}
}

// Signs, filters and prefixes keep working around and inside phrases.
func TestPhrasesWithSignsFiltersAndPrefixes(t *testing.T) {
	lib := openEvalLibrary(t)
	res := runQuery(t, lib, Query{Text: `"cavi sottomarini" -Artico lang:it`, Limit: MaxLimit})
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if h.Lang != "it" || strings.Contains(h.Text, "Artico") || !regexp.MustCompile(`(?i)cav[oi] (di comunicazione )?sottomarin`).MatchString(h.Text) {
			t.Errorf("hit %s breaks the query: %.100q", h.ID, h.Text)
		}
	}
	res = runQuery(t, lib, Query{Text: `"digital divide" skill*`, Limit: MaxLimit})
	for _, h := range res.Hits {
		if !regexp.MustCompile(`(?i)digital divide|divar(io|i) digital`).MatchString(h.Text) {
			t.Errorf("phrase with a prefix: hit %s lacks the phrase", h.ID)
		}
	}
	if len(res.Hits) == 0 || !strings.Contains(strings.ToLower(res.Hits[0].Text), "skills") {
		t.Errorf("phrase with a prefix: the hit with both should rank first: %s", describeHits(res))
	}
}
