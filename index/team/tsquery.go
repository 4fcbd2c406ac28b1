package team

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"attache/index/query"
)

// The language fields a plan is made for: one per text search
// configuration, "xx" for the unstemmed one (other languages), which gets
// no glossary expansion, as in the local library.
var planLangs = []query.Lang{{Code: "en", Expand: true}, {Code: "it", Expand: true}, {Code: "xx"}}

// cfgOf is the configuration of a plan's language code.
func cfgOf(code string) string {
	switch code {
	case "en":
		return "english"
	case "it":
		return "italian"
	}
	return "simple"
}

// wording is one text of a plan to turn into a tsquery in a configuration.
type wording struct {
	cfg    string
	text   string
	prefix bool
}

// normal is a wording as the server analyses it: its tsquery in canonical
// text form ("" when it is only stop words), and how rare its rarest word
// is among the configuration's passages (see query.Options.Rarity).
type normal struct {
	tsq    string
	rarity float64
	// lexemes are the wording's distinct lexemes (its prefix, for a
	// prefix) and dfs how many passages of the configuration hold each in
	// their text; total is the library's passages in every configuration:
	// what the text score weighs each word by (see textScoreSQL).
	lexemes []string
	dfs     []float64
	total   float64
	// typed is, for a wording of several words, the tsquery (canonical
	// text, for the 'simple' configuration) of its words as typed or
	// inflected, in order at their distances (see typedQuery); "" for
	// one word or a prefix.
	typed string
	// exact is phraseto_tsquery's reading of the wording, the words at
	// the distances of the query: what its highlights mark; tsq, for a
	// wording of several words, also lets each word have one place more
	// before it (see looseQuery).
	exact string
	// plain, when not "", is the tsquery of the wording's words at their
	// distances where a text holding them by their stems holds them as
	// typed or inflected too (each lexeme begins with the letters an
	// inflection must share with the typed word: 'layer' <-> 'mask'), so
	// that no typed check is needed where it matches: when the words are
	// adjacent, or in a text without apostrophes (no elided article that
	// the typed check would refuse between them). See plainQuery.
	plain    string
	adjacent bool
}

// normalise asks the server for the tsqueries and rarities of wordings, in
// one round trip: phraseto_tsquery for words and phrases (a hyphenated
// word, as "e-government", as its parts in order), and
// to_tsquery for a prefix, whose text is reduced to letters and digits so
// that it cannot be read as tsquery syntax. Rarity is the inverse passage
// frequency of the wording's rarest lexeme, scaled to 1 for a lexeme in no
// passage, as the local library measures it.
func normalise(ctx context.Context, db querier, ws []wording) (map[wording]normal, error) {
	out := make(map[wording]normal, len(ws))
	if len(ws) == 0 {
		return out, nil
	}
	cfgs := make([]string, len(ws))
	texts := make([]string, len(ws))
	prefixes := make([]bool, len(ws))
	originals := make([]string, len(ws))
	for i, w := range ws {
		originals[i] = w.text
		// Hyphens apart: PostgreSQL's parser reads "e-commerce" as one
		// word with its parts, which the Italian configuration stems to
		// 'e-commerc' (found only where the text has the whole) while
		// the local library reads the parts ("commerce", "e" being an
		// Italian stop word); their parts in order find the compound in
		// the text all the same ('e' <-> 'commerc').
		cfgs[i], texts[i], prefixes[i] = w.cfg, strings.ReplaceAll(w.text, "-", " "), w.prefix
		if w.prefix {
			texts[i] = prefixText(w.text)
		}
	}
	rows, err := db.Query(ctx, `
		SELECT x.i,
			CASE WHEN x.t = '' THEN ''
				WHEN x.prefix THEN to_tsquery(x.cfg, x.t || ':*')::text
				ELSE phraseto_tsquery(x.cfg, x.t)::text END,
			CASE WHEN x.prefix OR coalesce(n.passages, 0) = 0 THEN 1 ELSE coalesce(s.rarity, 1) END,
			coalesce(s.lexemes, '{}'), coalesce(s.dfs, '{}'),
			(SELECT coalesce(sum(passages), 0)::float8 FROM lexemes WHERE lexeme = ''),
			CASE WHEN x.prefix THEN '{}' ELSE coalesce((
				SELECT array_agg(d.alias || E'\x1f' || d.token || E'\x1f' ||
					CASE WHEN d.lexemes IS NULL THEN 'b' WHEN d.lexemes = '{}' THEN 's' ELSE 'w' || d.lexemes[1] END ORDER BY d.o)
				FROM ts_debug(x.cfg, x.typed) WITH ORDINALITY AS d(alias, description, token, dictionaries, dictionary, lexemes, o)), '{}') END
		FROM unnest($1::regconfig[], $2::text[], $3::bool[], $4::text[]) WITH ORDINALITY AS x(cfg, t, prefix, typed, i)
		LEFT JOIN lexemes n ON n.cfg = x.cfg AND n.lexeme = ''
		LEFT JOIN LATERAL (
			SELECT max(ln(1 + n.passages / (coalesce(lx.passages, 0) + 1.0)) / ln(1.0 + n.passages)) AS rarity,
				array_agg(w.lexeme ORDER BY w.lexeme) AS lexemes,
				array_agg(coalesce(lx.passages, 0)::float8 ORDER BY w.lexeme) AS dfs
			FROM unnest(tsvector_to_array(to_tsvector(x.cfg, x.t))) AS w(lexeme)
			LEFT JOIN lexemes lx ON lx.cfg = x.cfg AND lx.lexeme = w.lexeme
			WHERE NOT x.prefix) s ON true`, cfgs, texts, prefixes, originals)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var nm normal
		var toks []string
		if err := rows.Scan(&i, &nm.tsq, &nm.rarity, &nm.lexemes, &nm.dfs, &nm.total, &toks); err != nil {
			return nil, err
		}
		nm.exact = nm.tsq
		if words := phraseWords(ws[i-1].cfg, toks); len(words) > 0 {
			nm.tsq, nm.typed = looseQuery(words), typedQuery(ws[i-1].cfg, words)
			nm.plain, nm.adjacent = plainQuery(words)
		}
		if ws[i-1].prefix {
			_, nm.lexemes = lexemes(nm.tsq)
			nm.dfs = make([]float64, len(nm.lexemes))
		}
		out[ws[i-1]] = nm
	}
	return out, rows.Err()
}

// phraseWord is a word of a wording of several words as PostgreSQL's
// parser reads it: its place, its lexeme ("" for a stop word) and its
// text.
type phraseWord struct {
	pos    int
	lexeme string
	text   string
}

// elided are the Italian articles and prepositions that an apostrophe
// joins to the next word (l'innovazione, dell'IA), which the local
// library's analyzer drops, and the English possessive's s (the EU's):
// PostgreSQL's parser gives each a place of its own.
var elided = map[string]bool{"c": true, "l": true, "all": true, "dall": true, "dell": true, "nell": true, "sull": true,
	"coll": true, "pell": true, "gl": true, "agl": true, "dagl": true, "degl": true, "negl": true, "sugl": true,
	"un": true, "m": true, "t": true, "s": true, "v": true, "d": true, "quell": true, "quest": true}

// phraseWords reads ts_debug's tokens of a wording (alias, token and
// 'b' for a blank, 's' for a stop word or 'w' and the lexeme, joined by
// U+001F) into its words at their places as the local library counts
// them: a hyphenated compound only as its parts (the parser gives the
// whole a place of its own before them), an elided article (see elided)
// left out. It returns nil for fewer than two words with lexemes.
func phraseWords(cfg string, toks []string) []phraseWord {
	type tok struct{ alias, text, kind string }
	ts := make([]tok, 0, len(toks))
	for _, t := range toks {
		f := strings.SplitN(t, "\x1f", 3)
		if len(f) != 3 || f[2] == "" {
			return nil
		}
		ts = append(ts, tok{f[0], f[1], f[2]})
	}
	apostrophe := func(t tok) bool { return t.kind == "b" && strings.ContainsAny(t.text, "'’") }
	var out []phraseWord
	pos, content := 0, 0
	for i, t := range ts {
		if t.kind == "b" || strings.HasSuffix(t.alias, "hword") { // asciihword, hword, numhword: the compound
			continue
		}
		w := strings.ToLower(t.text)
		if elided[w] && i+2 < len(ts) && apostrophe(ts[i+1]) && ts[i+2].kind != "b" && w != "s" {
			continue
		}
		if w == "s" && i > 0 && apostrophe(ts[i-1]) {
			continue
		}
		pos++
		pw := phraseWord{pos: pos, text: w}
		if t.kind[0] == 'w' {
			pw.lexeme = t.kind[1:]
			content++
		}
		out = append(out, pw)
	}
	if content < 2 {
		return nil
	}
	return out
}

// maxLoose is the most words after the first of a wording whose place
// looseQuery lets move by one (each doubles the tsquery).
const maxLoose = 4

// looseQuery is the tsquery of a wording's words (with lexemes) in order
// at their distances, each but the first also one place further: the
// place of an elided article (nell'innovazione) or of a hyphenated
// compound (europea-America) before it in the text, which the local
// library does not count. Which word stands there typedQuery checks.
func looseQuery(words []phraseWord) string {
	q, last, n := "", 0, 0
	for _, w := range words {
		if w.lexeme == "" {
			continue
		}
		lx := quoteLexeme(w.lexeme)
		if q == "" {
			q, last = lx, w.pos
			continue
		}
		d := w.pos - last
		n++
		if n <= maxLoose {
			q = "( " + q + " ) " + distance(d) + " " + lx + " | ( " + q + " ) " + distance(d+1) + " " + lx
		} else {
			q = "( " + q + " ) " + distance(d) + " " + lx
		}
		last = w.pos
	}
	return q
}

// plainQuery is the tsquery of the words (with lexemes) at their
// distances when each lexeme begins with its word's inflection prefix,
// else "", and whether the words are adjacent.
func plainQuery(words []phraseWord) (string, bool) {
	q, last, adjacent := "", 0, true
	for _, w := range words {
		if w.lexeme == "" {
			continue
		}
		if !strings.HasPrefix(w.lexeme, inflectionPrefix(w.text)) {
			return "", false
		}
		if q == "" {
			q, last = quoteLexeme(w.lexeme), w.pos
			continue
		}
		adjacent = adjacent && w.pos-last == 1
		q = "( " + q + " ) " + distance(w.pos-last) + " " + quoteLexeme(w.lexeme)
		last = w.pos
	}
	return q, adjacent
}

// typedQuery is the tsquery, for the 'simple' configuration (which
// keeps every word, lower-cased, at the places the parser gives them, as
// the stemmed configurations do), that a text holds where it has the
// words of a wording as typed or inflected, in order, at their distances:
// each word a prefix of the letters an inflection must share with it
// (inflectionPrefix), with, before it, possibly an elided article or a
// compound of which it is the first part (what looseQuery allows, for its
// first maxLoose words after the first). The alternatives are spelt out
// on the left of each phrase operator: PostgreSQL gives an alternative
// of phrases of different lengths on its right the longer one's length.
func typedQuery(cfg string, words []phraseWord) string {
	var arts, notArts []string
	for _, a := range sortedKeys(elided) {
		if (cfg == "english") == (a == "s") || cfg == "simple" {
			arts = append(arts, quoteLexeme(a))
			if a != "un" { // also a word of its own
				notArts = append(notArts, quoteLexeme(a))
			}
		}
	}
	q, last, n := "", 0, 0
	for _, w := range words {
		if w.lexeme == "" {
			continue
		}
		p := quoteLexeme(inflectionPrefix(w.text)) + ":*"
		if q == "" {
			q, last = p, w.pos
			continue
		}
		d := distance(w.pos - last)
		// as many places apart as typed: where the query has stop words
		// between them, the last place before the word may not be an
		// elided article, which the local library does not count (so
		// "pacchetti per l'economia" is not "pacchetti sull'economia")
		exact := "( " + q + " ) " + d + " " + p
		if gap := w.pos - last; gap > 1 && len(notArts) > 0 {
			exact = "( " + q + " ) " + distance(gap-1) + " ( !( " + strings.Join(notArts, " | ") + " ) <-> " + p + " )"
		}
		n++
		if n <= maxLoose {
			x := "( " + strings.Join(append(arts[:len(arts):len(arts)], p), " | ") + " )"
			q = exact + " | ( ( " + q + " ) " + d + " " + x + " ) <-> " + p
		} else {
			q = exact
		}
		last = w.pos
	}
	return q
}

// distance is the tsquery operator of words d places apart.
func distance(d int) string {
	if d == 1 {
		return "<->"
	}
	return fmt.Sprintf("<%d>", d)
}

// quoteLexeme quotes a lexeme for a tsquery's text.
func quoteLexeme(l string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(l) + "'"
}

// sortedKeys are a set's members in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// prefixText keeps the letters and digits of a prefix, in lower case.
func prefixText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// or joins tsqueries (canonical text) into one matching any of them;
// empty ones are left out.
func or(qs ...string) string { return join(" | ", qs) }

// and joins tsqueries into one matching all of them.
func and(qs ...string) string { return join(" & ", qs) }

func join(op string, qs []string) string {
	var parts []string
	for _, q := range qs {
		if q != "" {
			parts = append(parts, "( "+q+" )")
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return strings.TrimSuffix(strings.TrimPrefix(parts[0], "( "), " )")
	}
	return strings.Join(parts, op)
}

// lexemes returns the lexemes of a canonical tsquery text and, apart, its
// prefixes (lexemes followed by :*).
func lexemes(tsq string) (words, prefixes []string) {
	for i := 0; i < len(tsq); i++ {
		if tsq[i] != '\'' {
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(tsq); j++ {
			if tsq[j] == '\'' {
				if j+1 < len(tsq) && tsq[j+1] == '\'' {
					b.WriteByte('\'')
					j++
					continue
				}
				break
			}
			if tsq[j] == '\\' && j+1 < len(tsq) {
				j++
			}
			b.WriteByte(tsq[j])
		}
		prefix := false
		if j+1 < len(tsq) && tsq[j+1] == ':' {
			for k := j + 2; k < len(tsq) && tsq[k] != ' ' && tsq[k] != ')'; k++ {
				if tsq[k] == '*' {
					prefix = true
				}
			}
		}
		if prefix {
			prefixes = append(prefixes, b.String())
		} else {
			words = append(words, b.String())
		}
		i = j
	}
	return words, prefixes
}

// inText restricts a canonical tsquery to the passage's own text: each
// lexeme gets the weight A (the text's; the list context's is D), as
// 'digit':A <-> 'divid':A, a prefix 'cyber':*A.
func inText(tsq string) string { return inWeight(tsq, "A") }

// inContext restricts a canonical tsquery to the passage's list context
// (weight D).
func inContext(tsq string) string { return inWeight(tsq, "D") }

// inWeight gives each lexeme of a canonical tsquery the weight w, unless
// it has weights already.
func inWeight(tsq, w string) string {
	var b strings.Builder
	for i := 0; i < len(tsq); i++ {
		c := tsq[i]
		b.WriteByte(c)
		if c != '\'' {
			continue
		}
		// copy the quoted lexeme, '' standing for a quote
		for i++; i < len(tsq); i++ {
			b.WriteByte(tsq[i])
			if tsq[i] == '\\' && i+1 < len(tsq) {
				i++
				b.WriteByte(tsq[i])
				continue
			}
			if tsq[i] == '\'' {
				if i+1 < len(tsq) && tsq[i+1] == '\'' {
					i++
					b.WriteByte('\'')
					continue
				}
				break
			}
		}
		if i+1 < len(tsq) && tsq[i+1] == ':' {
			// existing flags (*, weights): add A after them
			j := i + 2
			for j < len(tsq) && strings.IndexByte("*ABCDabcd", tsq[j]) >= 0 {
				j++
			}
			flags := tsq[i+2 : j]
			if !strings.ContainsAny(flags, "ABCDabcd") {
				flags += w
			}
			b.WriteString(":" + flags)
			i = j - 1
		} else {
			b.WriteString(":" + w)
		}
	}
	return b.String()
}
