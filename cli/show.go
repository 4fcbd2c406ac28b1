package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"attache/briefing"
	"attache/index"
	"attache/index/corpus"
)

// runShow implements "attache show".
func runShow(env *Env, args []string) error {
	fs := newFlags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("show: give one passage ID (as printed by 'attache search')")
	}
	id := rest[0]
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	p, err := lib.Passage(id)
	if errors.Is(err, index.ErrNotFound) {
		return fmt.Errorf("no passage %q in the library: find passages with 'attache search'", id)
	}
	if err != nil {
		return err
	}
	doc, err := lib.Document(p.DocID)
	if err != nil {
		return err
	}
	if *asJSON {
		// data for programs: the locator as the library stores it
		out := passageJSON(p, index.Cite(doc.Meta, *p))
		out.Document = &doc.Meta
		return writeJSON(env.Stdout, out)
	}
	// for a reader, the locator in the user's language, as the window
	// shows it: "par. 4" under an Italian locale, whatever the passage's
	// language (the pinpoint is the citing text's label, not the source's)
	shown := *p
	shown.Locator = briefing.FormatLocator(p.Locator, userLang())
	printPassage(env.Stdout, doc, &shown, index.Cite(doc.Meta, shown))
	return nil
}

// localCitation is a citation that ends in the stored locator (index.Cite)
// with the locator in the user's language, as "attache show" prints it.
func localCitation(cite, locator string) string {
	if locator == "" || !strings.HasSuffix(cite, locator) {
		return cite
	}
	return strings.TrimSuffix(cite, locator) + briefing.FormatLocator(locator, userLang())
}

// userLang is the user's language for the labels the command line prints,
// "it" or "en": the first language of LANGUAGE, else of the locale that
// decides messages (LC_ALL, LC_MESSAGES, LANG), as the window reads it.
func userLang() string {
	loc := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = os.Getenv(name); loc != "" {
			break
		}
	}
	if l := os.Getenv("LANGUAGE"); l != "" && !noLanguage(loc) {
		loc, _, _ = strings.Cut(l, ":") // GNU gettext ignores it under C
	}
	code, _, _ := strings.Cut(strings.ToLower(loc), "_") // it_IT.UTF-8
	code, _, _ = strings.Cut(code, ".")
	if code == "it" {
		return "it"
	}
	return "en"
}

// noLanguage reports whether a locale value names no language (empty, C,
// POSIX, with or without an encoding).
func noLanguage(loc string) bool {
	base, _, _ := strings.Cut(loc, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "" || base == "C" || base == "POSIX"
}

// printPassage prints a passage whole for a reader.
func printPassage(w io.Writer, doc *corpus.Document, p *corpus.Passage, cite string) {
	fmt.Fprintln(w, cite)
	fmt.Fprintf(w, "%s\n", describe(doc.Meta))
	if len(p.Section) > 0 {
		fmt.Fprintf(w, "Section: %s\n", strings.Join(p.Section, " › "))
	}
	where := fmt.Sprintf("Passage %s · %s · %s", p.ID, p.Lang, p.Kind)
	if p.Page > 0 {
		where += fmt.Sprintf(" · page %d", p.Page)
	}
	fmt.Fprintln(w, where)
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.Text)
	if len(p.Notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Notes:")
		for _, n := range p.Notes {
			fmt.Fprintf(w, "  [%s] %s\n", n.Number, n.Text)
			for _, u := range n.URLs {
				if !strings.Contains(n.Text, u) {
					fmt.Fprintf(w, "      %s\n", u)
				}
			}
		}
	}
}

// describe is a one-line description of a document: title, issuer, place
// and date.
func describe(m corpus.Meta) string {
	parts := []string{m.Title}
	for _, s := range []string{m.Issuer, m.Place, m.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " — ")
}
