package cli

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"attache/bridge"
	"attache/index"
	"attache/index/themes"
)

// runThemes implements "attache themes [THEME [DOC]]": the taxonomy with,
// for every theme, how many passages of each document are about it; with
// --matrix, the coverage matrix whose cells also name the strongest
// passage; with a theme (and a document), the passages about it, strongest
// first.
func runThemes(env *Env, args []string) error {
	fs := newFlags("themes")
	asJSON := fs.Bool("json", false, "print JSON")
	matrix := fs.Bool("matrix", false, "print the themes × documents matrix with the strongest passage of each cell")
	lang := fs.String("lang", "en", "language of the theme labels (en, it)")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 2 {
		return usagef("themes: unexpected argument %q", rest[2])
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
	if len(rest) > 0 {
		return printThemePassages(env, lib, m, rest, *asJSON)
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
	fmt.Fprintf(w, "%d themes; 'attache themes ID [DOC]' lists a theme's passages, 'attache themes --matrix' names the strongest\n", len(m.Themes))
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

// themePassage is one passage in "attache themes THEME --json".
type themePassage struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Lang    string  `json:"lang"`
	Locator string  `json:"locator"`
	Score   float64 `json:"score"`
	Text    string  `json:"text"`
}

// printThemePassages lists the passages about a theme (args[0]), of one
// document (args[1]) or all, strongest first.
func printThemePassages(env *Env, lib index.Library, m *themes.Matrix, args []string, asJSON bool) error {
	tx := themes.Default()
	th := tx.Theme(args[0])
	if th == nil {
		return usagef("themes: no theme %q ('attache themes' lists them)", args[0])
	}
	row := slices.IndexFunc(m.Themes, func(t themes.MatrixTheme) bool { return t.ID == th.ID })
	col := -1
	if len(args) == 2 {
		col = slices.IndexFunc(m.Docs, func(d themes.MatrixDoc) bool { return d.ID == args[1] })
		if col < 0 {
			return usagef("themes: no document %q in the library ('attache docs' lists them)", args[1])
		}
	}
	var out []themePassage
	for j := range m.Docs {
		if col >= 0 && j != col {
			continue
		}
		for _, id := range m.Cells[row][j].Passages {
			p, err := lib.Passage(id)
			if err != nil {
				return err
			}
			tp := themePassage{ID: p.ID, Doc: p.DocID, Lang: p.Lang, Locator: p.Locator, Text: p.Text}
			for _, s := range tx.Scores(p) {
				if s.Theme == th.ID {
					tp.Score = s.Score
				}
			}
			out = append(out, tp)
		}
	}
	sort.SliceStable(out, func(i, k int) bool { return out[i].Score > out[k].Score })
	if asJSON {
		return writeJSON(env.Stdout, nonNil(out))
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s: %s (%s)\n%s\n\n", th.ID, th.LabelEN, th.LabelIT, th.Description)
	for i, p := range out {
		fmt.Fprintf(w, "%d. %s · %s · %s · score %.2f\n   %s\n\n", i+1, p.ID, p.Lang, p.Locator, p.Score, shortText(p.Text, 200))
	}
	fmt.Fprintf(w, "%d %s\n", len(out), plural(len(out), "passage", "passages"))
	return nil
}

// shortText cuts s to about n characters at a word boundary.
func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
