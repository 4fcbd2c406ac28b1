package cli

import (
	"fmt"
	"strings"
	"time"

	"attache/bridge"
	"attache/briefing"
	"attache/index/themes"
)

// themeIDs collects --theme values, repeated or comma-separated.
type themeIDs []string

func (l *themeIDs) String() string { return strings.Join(*l, ",") }

func (l *themeIDs) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*l = append(*l, id)
		}
	}
	return nil
}

// briefDraft implements "attache brief draft FILE --theme ID… [--per-theme
// N] [--title T] [--lang en|it]": a new brief with one section per theme,
// pre-filled with the theme's most representative passages.
func briefDraft(env *Env, args []string) error {
	fs := newFlags("brief draft")
	var ids themeIDs
	fs.Var(&ids, "theme", "a theme ID (repeat, or separate with commas); 'attache themes' lists them")
	per := fs.Int("per-theme", bridge.DefaultPerTheme, "passages per theme")
	title := fs.String("title", "", "the brief's title (default: the themes' labels)")
	lang := fs.String("lang", "en", "language of the brief's labels and section headings: en or it")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("brief draft: give one brief file to create")
	}
	if len(ids) == 0 {
		return usagef("brief draft: give at least one --theme ('attache themes' lists them)")
	}
	if *per < 1 || *per > 50 {
		return usagef("brief draft: --per-theme must be between 1 and 50")
	}
	if *lang != "en" && *lang != "it" {
		return usagef("brief draft: --lang must be en or it, not %q", *lang)
	}
	tx := themes.Default()
	for _, id := range ids {
		if tx.Theme(id) == nil {
			return usagef("brief draft: no theme %q ('attache themes' lists them)", id)
		}
	}
	path := rest[0]
	if err := refuseExisting(path); err != nil {
		return err
	}
	h := briefing.Header{Title: *title, Lang: *lang, Date: time.Now().Format("2006-01-02")}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	b, err := bridge.Draft(lib, h, ids, *per)
	if err != nil {
		return err
	}
	if err := briefing.Save(path, b); err != nil {
		return err
	}
	n := 0
	for _, s := range b.Sections {
		n += len(s.Excerpts)
		docs := map[string]bool{}
		for _, x := range s.Excerpts {
			docs[x.Source.DocID] = true
		}
		fmt.Fprintf(env.Stdout, "  %s: %d passages from %d documents\n", s.Heading, len(s.Excerpts), len(docs))
	}
	fmt.Fprintf(env.Stdout, "created %s with %d sections and %d passages to prune\n", path, len(b.Sections), n)
	return nil
}
