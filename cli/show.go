package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
	cite := index.Cite(doc.Meta, *p)
	if *asJSON {
		out := passageJSON(p, cite)
		out.Document = &doc.Meta
		return writeJSON(env.Stdout, out)
	}
	printPassage(env.Stdout, doc, p, cite)
	return nil
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
