package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"attache/index"
	"attache/index/corpus"
	"attache/lazyregexp"
)

// langCode is what --lang accepts.
var langCode = lazyregexp.New(`^[a-z]{2,3}$`)

// runSearch implements "attache search".
func runSearch(env *Env, args []string) error {
	fs := newFlags("search")
	lang := fs.String("lang", "", "only passages in this language (en, it)")
	doc := fs.String("doc", "", "only passages of this document")
	theme := fs.String("theme", "", "only passages about this theme")
	same := fs.Bool("same-language", false, "do not expand words into the other language")
	limit := fs.Int("limit", index.DefaultLimit, "most hits to show")
	asJSON := fs.Bool("json", false, "print JSON")
	weak := fs.Bool("weak", false, "also list the weak matches (one common word of several)")
	flagArgs, words := splitSearchArgs(fs, args)
	if err := fs.Parse(flagArgs); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return showHelp(env.Stdout, fs)
		}
		return usagef("search: %v", err)
	}
	if *limit < 1 || *limit > index.MaxLimit {
		return usagef("search: --limit must be between 1 and %d", index.MaxLimit)
	}
	if *lang != "" && !langCode.MatchString(*lang) {
		return usagef("search: --lang takes a language code such as en or it, not %q", *lang)
	}
	text := strings.TrimSpace(strings.Join(words, " "))
	if text == "" && *lang == "" && *doc == "" && *theme == "" {
		return usagef("search: give some words to search for, or a filter")
	}

	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	if *doc != "" {
		if _, err := lib.Document(*doc); err != nil {
			return usagef("search: no document %q in the library ('attache docs' lists them)", *doc)
		}
	}
	q := index.Query{
		Text: text, Lang: *lang, Doc: *doc, Theme: *theme,
		SameLanguage: *same, Limit: *limit,
	}
	if !*asJSON {
		q.Facets = []string{"doc"} // the only one printed
	}
	res, err := lib.Search(context.Background(), q)
	if err != nil {
		var qe *index.QueryError
		if errors.As(err, &qe) {
			return usagef("%s", qe.Msg)
		}
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, searchJSON(res))
	}
	printResults(env.Stdout, res, *weak)
	return nil
}

// splitSearchArgs separates the flags of "attache search" (those fs
// defines, and -h or -help) from the words of the query, so that an
// excluded word such as -cookie is not taken for a flag. Everything after
// "--" is query.
func splitSearchArgs(fs *flag.FlagSet, args []string) (flags, words []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(words, args[i+1:]...)
		}
		name, hasValue := flagName(a)
		f := fs.Lookup(name)
		switch {
		case name == "h" || name == "help" || f != nil && isBoolFlag(f):
			flags = append(flags, a)
		case f != nil:
			flags = append(flags, a)
			if !hasValue && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			words = append(words, a)
		}
	}
	return flags, words
}

// isBoolFlag reports whether f takes no value, as -json does.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagName returns the name of a flag argument ("lang" for --lang=it or
// -lang) and whether it carries its value; "" if a is not a flag.
func flagName(a string) (name string, hasValue bool) {
	if !strings.HasPrefix(a, "-") {
		return "", false
	}
	name = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if n, _, ok := strings.Cut(name, "="); ok {
		return n, true
	}
	return name, false
}

// jsonPassage is a passage as "attache search --json" and "attache show
// --json" print it. Section, notes and themes are always present, as lists.
// A search hit has a score and a snippet (written even when zero or empty),
// the passage "show" prints the metadata of its document.
type jsonPassage struct {
	ID       string        `json:"id"`
	Doc      string        `json:"doc"`
	Lang     string        `json:"lang"`
	Seq      int           `json:"seq"`
	Kind     string        `json:"kind"`
	Locator  string        `json:"locator"`
	Section  []string      `json:"section"`
	Page     int           `json:"page,omitempty"`
	Citation string        `json:"citation"`
	Score    *float64      `json:"score,omitempty"`
	Snippet  *string       `json:"snippet,omitempty"`
	Weak     bool          `json:"weak,omitempty"`
	Text     string        `json:"text"`
	Notes    []corpus.Note `json:"notes"`
	Themes   []string      `json:"themes"`
	Document *corpus.Meta  `json:"document,omitempty"`
}

// passageJSON is the JSON form of passage p, cited as citation.
func passageJSON(p *corpus.Passage, citation string) jsonPassage {
	return jsonPassage{
		ID: p.ID, Doc: p.DocID, Lang: p.Lang, Seq: p.Seq, Kind: p.Kind,
		Locator: p.Locator, Section: nonNil(p.Section), Page: p.Page,
		Citation: citation, Text: p.Text,
		Notes: nonNil(p.Notes), Themes: nonNil(p.Themes),
	}
}

// jsonResults is what "attache search --json" prints.
type jsonResults struct {
	Query string `json:"query"`
	Total int    `json:"total"`
	// Weak counts the weak matches of Total (see index.Results.Weak).
	Weak   int                           `json:"weak"`
	Hits   []jsonPassage                 `json:"hits"`
	Facets map[string][]index.FacetCount `json:"facets"`
}

func searchJSON(res *index.Results) jsonResults {
	out := jsonResults{Query: res.Query, Total: res.Total, Weak: res.Weak, Hits: []jsonPassage{}, Facets: res.Facets}
	for _, h := range res.Hits {
		hit := passageJSON(&h.Passage, h.Citation)
		snip := h.Snippet.Marked(index.HighlightStart, index.HighlightEnd)
		hit.Score, hit.Snippet, hit.Weak = &h.Score, &snip, h.Weak
		out.Hits = append(out.Hits, hit)
	}
	return out
}

// printResults prints hits for a reader, matched words [in brackets]. Weak
// matches (one common word of several) are not mixed in: a line says how
// many there are, and withWeak prints them after it.
func printResults(w io.Writer, res *index.Results, withWeak bool) {
	if res.Total == 0 {
		fmt.Fprintf(w, "No passage matches %q.\n", res.Query)
		return
	}
	saidWeak := false
	for i, h := range res.Hits {
		if h.Weak && !saidWeak {
			saidWeak = true
			fmt.Fprintln(w, weakLine(res.Weak, withWeak))
			if !withWeak {
				break
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%d. %s\n", i+1, localCitation(h.Citation, h.Locator))
		fmt.Fprintf(w, "   %s · %s\n", h.Lang, h.ID)
		fmt.Fprintf(w, "   %s\n\n", h.Snippet.Marked("[", "]"))
	}
	if counts := res.Facets["doc"]; len(counts) > 0 {
		parts := make([]string, 0, len(counts))
		for _, c := range counts {
			parts = append(parts, fmt.Sprintf("%s %d", c.Value, c.Count))
		}
		fmt.Fprintf(w, "By document: %s\n", strings.Join(parts, ", "))
	}
	if res.Weak > 0 && !saidWeak {
		fmt.Fprintln(w, weakLine(res.Weak, withWeak))
	}
	fmt.Fprintln(w, summary(res.Total, len(res.Hits)))
}

// weakLine says how many weak matches there are.
func weakLine(n int, shown bool) string {
	line := fmt.Sprintf("also: %d weaker %s", n, plural(n, "match", "matches"))
	if !shown {
		line += " (--weak lists them)"
	}
	return line
}

// summary says how many passages matched and how many are shown.
func summary(total, shown int) string {
	noun := plural(total, "passage", "passages")
	if shown < total {
		return fmt.Sprintf("%d %s; showing %d", total, noun, shown)
	}
	return fmt.Sprintf("%d %s", total, noun)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// nonNil returns s, or an empty slice for nil, so JSON shows a list.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
