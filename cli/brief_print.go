package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"attache/briefing"
)

// The parts of "attache brief" about how a brief prints: "translate" (an
// excerpt's own translation), "set" (page limit, contents and Sources
// levers) and the JSON form of "show", with the page count.

// briefTranslate implements "attache brief translate FILE EXCERPT_ID TEXT":
// TEXT becomes the excerpt's own translation; "" removes it.
func briefTranslate(env *Env, args []string) error {
	rest, err := parseFlags(env, newFlags("brief translate"), args)
	if err != nil {
		return err
	}
	if len(rest) < 3 {
		return usagef("brief translate: give a brief file, an excerpt ID (see 'attache brief show') and the translation (\"\" removes it)")
	}
	path, id, text := rest[0], rest[1], strings.Join(rest[2:], " ")
	b, err := briefing.Load(path)
	if err != nil {
		return err
	}
	if err := b.SetTranslation(id, text); err != nil {
		return fmt.Errorf("%v: see the IDs with 'attache brief show %s'; %s is unchanged", err, path, path)
	}
	if err := briefing.Save(path, b); err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		fmt.Fprintf(env.Stdout, "removed the translation of excerpt %s of %s\n", id, path)
	} else {
		fmt.Fprintf(env.Stdout, "set the translation of excerpt %s of %s\n", id, path)
	}
	return nil
}

// briefSet implements "attache brief set FILE [--page-limit N]
// [--contents auto|on|off] [--sources on|off]".
func briefSet(env *Env, args []string) error {
	fs := newFlags("brief set")
	limit := fs.String("page-limit", "", "the brief's page budget; 0 means its template's")
	contents := fs.String("contents", "", "contents list: auto (only over the page limit), on or off")
	sources := fs.String("sources", "", "Sources list: on or off")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("brief set: give one brief file")
	}
	if *limit == "" && *contents == "" && *sources == "" {
		return usagef("brief set: give --page-limit, --contents or --sources")
	}
	b, err := briefing.Load(rest[0])
	if err != nil {
		return err
	}
	h := b.Header
	if *limit != "" {
		n, err := strconv.Atoi(*limit)
		if err != nil {
			return usagef("brief set: --page-limit must be a number, not %q", *limit)
		}
		h.PageLimit = n
	}
	if *contents != "" {
		h.Contents = *contents
	}
	if *sources != "" {
		h.Sources = *sources
	}
	if err := b.SetHeader(h); err != nil {
		return usagef("brief set: %v", err)
	}
	if err := briefing.Save(rest[0], b); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s\n", rest[0], pagesLine(b))
	return nil
}

// pagesLine says how many pages the brief prints on A4 against its budget:
// "2 of 2 pages", "3 of 2 pages: over the limit", "5 pages".
func pagesLine(b *briefing.Brief) string {
	l, err := briefing.LayOut(b, briefing.Options{})
	if err != nil {
		return "pages not counted: " + err.Error()
	}
	n := len(l.Pages)
	switch {
	case l.Limit == 0:
		return fmt.Sprintf("%d %s", n, plural(n, "page", "pages"))
	case l.Over():
		return fmt.Sprintf("%d of %d pages: over the limit", n, l.Limit)
	}
	return fmt.Sprintf("%d of %d %s", n, l.Limit, plural(l.Limit, "page", "pages"))
}

// briefJSON is the JSON form of "brief show --json".
type briefJSON struct {
	Title          string        `json:"title"`
	Subtitle       string        `json:"subtitle,omitempty"`
	Template       string        `json:"template,omitempty"`
	Lang           string        `json:"lang"`
	Classification string        `json:"classification,omitempty"`
	Pages          int           `json:"pages"`
	PageLimit      int           `json:"page_limit"`
	Contents       string        `json:"contents"`
	HasContents    bool          `json:"has_contents"`
	Sources        bool          `json:"sources"`
	KeyMessages    []string      `json:"key_messages"`
	Sections       []sectionJSON `json:"sections"`
	Warnings       []string      `json:"warnings"`
}

type sectionJSON struct {
	ID       string        `json:"id"`
	Heading  string        `json:"heading"`
	Text     []string      `json:"text"`
	Excerpts []excerptJSON `json:"excerpts"`
}

type excerptJSON struct {
	ID          string `json:"id"`
	Passage     string `json:"passage"`
	Source      string `json:"source"`
	Locator     string `json:"locator,omitempty"`
	Lang        string `json:"lang,omitempty"`
	Notes       []int  `json:"notes"`
	Text        string `json:"text"`
	Trimmed     bool   `json:"trimmed"`
	Translation string `json:"translation,omitempty"`
	Comment     string `json:"comment,omitempty"`
}

// printOutlineJSON prints a brief's outline as JSON with each excerpt's
// ID, the page count on A4 and the page limit.
func printOutlineJSON(w io.Writer, b *briefing.Brief) error {
	out := briefJSON{Title: b.Title, Subtitle: b.Subtitle, Template: b.Template, Lang: b.Labels(),
		Classification: b.Classification, PageLimit: b.PageBudget(), Contents: b.ContentsMode(),
		Sources: b.SourcesList(), KeyMessages: append([]string{}, b.KeyMessages...),
		Sections: []sectionJSON{}, Warnings: []string{}}
	if l, err := briefing.LayOut(b, briefing.Options{}); err != nil {
		out.Warnings = append(out.Warnings, "pages not counted: "+err.Error())
	} else {
		out.Pages, out.HasContents = len(l.Pages), l.Contents
		if l.Over() {
			out.Warnings = append(out.Warnings, fmt.Sprintf("the brief has %d pages, over its limit of %d", len(l.Pages), l.Limit))
		}
	}
	c := briefing.Cite(b)
	for _, s := range b.Sections {
		sj := sectionJSON{ID: s.ID, Heading: s.Heading, Text: append([]string{}, s.Text...), Excerpts: []excerptJSON{}}
		for _, x := range s.Excerpts {
			sj.Excerpts = append(sj.Excerpts, excerptJSON{ID: x.ID, Passage: x.PassageID,
				Source: firstOf(x.Source.ShortTitle, x.Source.Reference, x.Source.Title), Locator: x.Locator,
				Lang: x.Language(), Notes: append([]int{}, c.Marks[x.ID]...), Text: x.Text, Trimmed: x.Text != x.Full,
				Translation: x.Translation, Comment: x.Comment})
		}
		out.Sections = append(out.Sections, sj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
