package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"attache/bridge"
	"attache/index/themes"
)

// runThemes implements "attache themes": the taxonomy with, for every theme,
// how many passages of each document are about it; with --matrix, the
// coverage matrix whose cells also name the strongest passage.
func runThemes(env *Env, args []string) (err error) {
	defer recoverError(&err)
	fs := newFlags("themes")
	asJSON := fs.Bool("json", false, "print JSON")
	matrix := fs.Bool("matrix", false, "print the themes × documents matrix with the strongest passage of each cell")
	lang := fs.String("lang", "en", "language of the theme labels (en, it)")
	if wantsHelp(args) {
		printUsage(env.Stdout, "themes", fs)
		return flag.ErrHelp
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("themes: unexpected argument %q", rest[0])
	}
	if *lang != "en" && *lang != "it" {
		return usagef("themes: --lang takes en or it, not %q", *lang)
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	m, err := bridge.ThemeMatrix(lib)
	if err != nil {
		return err
	}
	switch {
	case *asJSON && *matrix:
		return writeJSON(env.Stdout, m)
	case *asJSON:
		return writeJSON(env.Stdout, themeList(m))
	case *matrix:
		return printMatrix(env.Stdout, m)
	}
	return printThemes(env.Stdout, m, *lang)
}

// themeEntry is one theme in "attache themes --json".
type themeEntry struct {
	ID          string         `json:"id"`
	LabelEN     string         `json:"label_en"`
	LabelIT     string         `json:"label_it"`
	Description string         `json:"description"`
	Passages    int            `json:"passages"`
	Docs        map[string]int `json:"docs"`
}

func themeList(m *themes.Matrix) []themeEntry {
	tx := themes.Default()
	out := make([]themeEntry, 0, len(m.Themes))
	for i, th := range m.Themes {
		e := themeEntry{ID: th.ID, LabelEN: th.LabelEN, LabelIT: th.LabelIT, Passages: th.Total, Docs: map[string]int{}}
		if t := tx.Theme(th.ID); t != nil {
			e.Description = t.Description
		}
		for j, d := range m.Docs {
			e.Docs[d.ID] = m.Cells[i][j].Count
		}
		out = append(out, e)
	}
	return out
}

// printThemes prints one line per theme: ID, label, total and the count
// of passages in each document.
func printThemes(w io.Writer, m *themes.Matrix, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "THEME\tLABEL\tALL\t")
	for _, d := range m.Docs {
		fmt.Fprintf(tw, "%s\t", d.ID)
	}
	fmt.Fprintln(tw)
	for i, th := range m.Themes {
		label := th.LabelEN
		if lang == "it" {
			label = th.LabelIT
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t", th.ID, label, th.Total)
		for j := range m.Docs {
			fmt.Fprintf(tw, "%d\t", m.Cells[i][j].Count)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d themes; 'attache search theme:ID' lists a theme's passages, 'attache themes --matrix' names the strongest\n", len(m.Themes))
	return nil
}

// printMatrix prints the coverage matrix: a row per theme, a column per
// document, each cell the passage count and the strongest passage (its ID
// without the document part, which the column gives), "·" where the
// document is silent.
func printMatrix(w io.Writer, m *themes.Matrix) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "THEME\t")
	for _, d := range m.Docs {
		fmt.Fprintf(tw, "%s (%s)\t", d.ID, d.Lang)
	}
	fmt.Fprintln(tw)
	for i, th := range m.Themes {
		fmt.Fprintf(tw, "%s\t", th.ID)
		for j := range m.Docs {
			c := m.Cells[i][j]
			if c.Count == 0 {
				fmt.Fprint(tw, "·\t")
				continue
			}
			_, hash, _ := strings.Cut(c.Strongest, "#")
			fmt.Fprintf(tw, "%d #%s\t", c.Count, hash)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "Each cell: passages of the document on the theme, and the strongest one ('attache show DOC#HASH').")
	return nil
}
