package team

import (
	"context"
	"fmt"
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
	for i, w := range ws {
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
				SELECT array_agg(CASE WHEN d.lexemes = '{}' THEN '' ELSE d.token END ORDER BY d.o)
				FROM ts_debug(x.cfg, x.t) WITH ORDINALITY AS d(alias, description, token, dictionaries, dictionary, lexemes, o)
				WHERE d.lexemes IS NOT NULL), '{}') END
		FROM unnest($1::regconfig[], $2::text[], $3::bool[]) WITH ORDINALITY AS x(cfg, t, prefix, i)
		LEFT JOIN lexemes n ON n.cfg = x.cfg AND n.lexeme = ''
		LEFT JOIN LATERAL (
			SELECT max(ln(1 + n.passages / (coalesce(lx.passages, 0) + 1.0)) / ln(1.0 + n.passages)) AS rarity,
				array_agg(w.lexeme ORDER BY w.lexeme) AS lexemes,
				array_agg(coalesce(lx.passages, 0)::float8 ORDER BY w.lexeme) AS dfs
			FROM unnest(tsvector_to_array(to_tsvector(x.cfg, x.t))) AS w(lexeme)
			LEFT JOIN lexemes lx ON lx.cfg = x.cfg AND lx.lexeme = w.lexeme
			WHERE NOT x.prefix) s ON true`, cfgs, texts, prefixes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var nm normal
		var words []string
		if err := rows.Scan(&i, &nm.tsq, &nm.rarity, &nm.lexemes, &nm.dfs, &nm.total, &words); err != nil {
			return nil, err
		}
		nm.typed = typedQuery(words)
		if ws[i-1].prefix {
			_, nm.lexemes = lexemes(nm.tsq)
			nm.dfs = make([]float64, len(nm.lexemes))
		}
		out[ws[i-1]] = nm
	}
	return out, rows.Err()
}

// typedQuery is the tsquery, for the 'simple' configuration (which
// keeps every word, lower-cased, at the positions the parser gives them,
// as the stemmed configurations do), that a text holds where it has the
// words of a wording as typed or inflected, in order, at the distances
// its stop words put them: each word a prefix of the letters an
// inflection must share with it (inflectionPrefix). words are the
// wording's words as the parser reads them, "" for a stop word (which
// takes a place but may be any word). It is "" for fewer than two words:
// one word's inflection is checked by inflectionRegexp.
func typedQuery(words []string) string {
	var b strings.Builder
	n, last := 0, 0
	for pos, w := range words {
		if w == "" {
			continue
		}
		if n > 0 {
			if d := pos - last; d == 1 {
				b.WriteString(" <-> ")
			} else {
				fmt.Fprintf(&b, " <%d> ", d)
			}
		}
		p := strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(inflectionPrefix(w))
		b.WriteString("'" + p + "':*")
		n, last = n+1, pos
	}
	if n < 2 {
		return ""
	}
	return b.String()
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
