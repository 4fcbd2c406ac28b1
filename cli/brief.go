package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"attache/bridge"
	"attache/briefing"
)

// briefUsage is the usage of "attache brief", one line per subcommand.
const briefUsage = `brief new FILE --title T [--subtitle S] [--author A] [--organisation O] [--for F] [--date YYYY-MM-DD] [--classification C] [--lang en|it] [--template ID] [--purpose P]
      attache brief add FILE [--section HEADING] PASSAGE_ID…
      attache brief show [--json] FILE
      attache brief translate FILE EXCERPT_ID TEXT
      attache brief set FILE [--page-limit N] [--contents auto|on|off] [--sources on|off]
      attache brief check FILE
      attache brief draft FILE --theme ID… [--per-theme N] [--title T] [--lang en|it]`

// runBrief implements "attache brief new|add|show|check|draft".
func runBrief(env *Env, args []string) error {
	if len(args) == 0 || wantsHelp(args[:1]) {
		fmt.Fprintf(env.Stdout, "Usage: attache %s\n", briefUsage)
		if len(args) == 0 {
			return usagef("brief: give a subcommand: new, add, show, translate, set, check or draft")
		}
		return flag.ErrHelp
	}
	switch args[0] {
	case "new":
		return briefNew(env, args[1:])
	case "add":
		return briefAdd(env, args[1:])
	case "show":
		return briefShow(env, args[1:])
	case "draft":
		return briefDraft(env, args[1:])
	case "check":
		return briefCheck(env, args[1:])
	case "translate":
		return briefTranslate(env, args[1:])
	case "set":
		return briefSet(env, args[1:])
	}
	return usagef("brief: unknown subcommand %q: use new, add, show, translate, set, check or draft", args[0])
}

func briefNew(env *Env, args []string) error {
	fs := newFlags("brief new")
	var h briefing.Header
	fs.StringVar(&h.Title, "title", "", "the brief's title (required)")
	fs.StringVar(&h.Subtitle, "subtitle", "", "a subtitle")
	fs.StringVar(&h.Author, "author", "", "who writes the brief")
	fs.StringVar(&h.Organisation, "organisation", "", "the author's unit or office")
	fs.StringVar(&h.For, "for", "", "the addressee, e.g. \"the Minister\"")
	fs.StringVar(&h.Date, "date", time.Now().Format("2006-01-02"), "the brief's date")
	fs.StringVar(&h.Classification, "classification", "", "handling marking on every page, e.g. RESTRICTED")
	fs.StringVar(&h.Lang, "lang", "en", "language of the brief's labels: en or it")
	fs.StringVar(&h.Purpose, "purpose", "", "information, decision or meeting (or free text)")
	template := fs.String("template", "briefing-note", "briefing-note, meeting-brief, policy-brief or blank")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("brief new: give one file name")
	}
	if strings.TrimSpace(h.Title) == "" {
		return usagef("brief new: --title is required")
	}
	if h.Lang != "en" && h.Lang != "it" {
		return usagef("brief new: --lang must be en or it, not %q", h.Lang)
	}
	path := rest[0]
	if err := refuseExisting(path); err != nil {
		return err
	}
	b, err := briefing.New(h, *template)
	if err != nil {
		return usagef("brief new: %v", err)
	}
	if err := briefing.Save(path, b); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %s with %d sections\n", path, len(b.Sections))
	return nil
}

func briefAdd(env *Env, args []string) error {
	fs := newFlags("brief add")
	heading := fs.String("section", "", "heading of the section to add to (created when missing); default the last section")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return usagef("brief add: give a brief file and one or more passage IDs")
	}
	path, ids := rest[0], rest[1:]
	b, err := loadBrief(env, path)
	if err != nil {
		return err
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()
	var xs []briefing.Excerpt
	for _, id := range ids {
		x, err := bridge.Excerpt(lib, id)
		if err != nil {
			return fmt.Errorf("%v: find passages with 'attache search'; %s is unchanged", err, path)
		}
		xs = append(xs, x)
	}
	// the section named, else the last one, else a new one for excerpts
	name := strings.TrimSpace(*heading)
	if name == "" && len(b.Sections) == 0 {
		name = map[string]string{"en": "Excerpts", "it": "Estratti"}[b.Labels()]
	}
	var sec *briefing.Section
	if name == "" {
		sec = &b.Sections[len(b.Sections)-1]
	} else if sec = b.SectionByHeading(name); sec == nil {
		id, err := b.AddSection(name, -1)
		if err != nil {
			return err
		}
		sec, _ = b.Section(id)
	}
	secID, secHeading := sec.ID, sec.Heading
	for _, x := range xs {
		if _, err := b.AddExcerpt(secID, x, -1); err != nil {
			return err
		}
	}
	if err := briefing.Save(path, b); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "added %d %s to section %q of %s\n", len(xs), plural(len(xs), "excerpt", "excerpts"), secHeading, path)
	return nil
}

func briefShow(env *Env, args []string) error {
	fs := newFlags("brief show")
	asJSON := fs.Bool("json", false, "print JSON, with each excerpt's ID, the page count and the page limit")
	rest, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("brief show: give one brief file")
	}
	b, err := briefing.Load(rest[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return printOutlineJSON(env.Stdout, b)
	}
	printOutline(env.Stdout, b)
	return nil
}

// printOutline prints a brief's outline: title block, key messages,
// sections with their excerpts.
func printOutline(w io.Writer, b *briefing.Brief) {
	title := b.Title
	if b.Classification != "" {
		title += "  [" + b.Classification + "]"
	}
	fmt.Fprintln(w, title)
	if b.Subtitle != "" {
		fmt.Fprintln(w, b.Subtitle)
	}
	var meta []string
	if t, ok := briefing.TemplateByID(b.Template); ok {
		meta = append(meta, t.Name[b.Labels()])
	}
	if b.Purpose != "" {
		meta = append(meta, briefing.PurposeLabel(b.Purpose, b.Labels()))
	}
	if b.For != "" {
		meta = append(meta, "for "+b.For)
	}
	if from := b.From(); from != "" {
		meta = append(meta, "from "+from)
	}
	if b.Date != "" {
		meta = append(meta, briefing.FormatDate(b.Date, b.Labels()))
	}
	meta = append(meta, "labels "+b.Labels())
	fmt.Fprintln(w, strings.Join(meta, " · "))
	fmt.Fprintln(w, pagesLine(b))
	if len(b.KeyMessages) > 0 {
		fmt.Fprintln(w, "\nKey messages:")
		for _, m := range b.KeyMessages {
			fmt.Fprintf(w, "  - %s\n", m)
		}
	}
	fmt.Fprintln(w)
	c := briefing.Cite(b)
	for i, s := range b.Sections {
		fmt.Fprintf(w, "%d. %s  (%d %s, %d %s)\n", i+1, s.Heading,
			len(s.Text), plural(len(s.Text), "paragraph", "paragraphs"), len(s.Excerpts), plural(len(s.Excerpts), "excerpt", "excerpts"))
		for _, p := range s.Text {
			fmt.Fprintf(w, "   %s\n", clip(p, 90))
		}
		for _, x := range s.Excerpts {
			src := firstOf(x.Source.ShortTitle, x.Source.Reference, x.Source.Title)
			fmt.Fprintf(w, "   [%s] %s, %s (%s; notes %s; passage %s)\n", x.ID, src, briefing.FormatLocator(x.Locator, b.Labels()), x.Language(), briefing.MarkText(c.Marks[x.ID]), x.PassageID)
			fmt.Fprintf(w, "       “%s”\n", clip(x.Text, 86))
			if x.Translation != "" {
				fmt.Fprintf(w, "       own translation: %s\n", clip(x.Translation, 72))
			}
			if x.Comment != "" {
				fmt.Fprintf(w, "       comment: %s\n", clip(x.Comment, 80))
			}
		}
	}
	if len(b.Sections) == 0 {
		fmt.Fprintln(w, "(no sections yet)")
	}
}

func briefCheck(env *Env, args []string) error {
	path, b, err := oneBrief(env, "brief check", args)
	if err != nil {
		return err
	}
	findings, err := checkQuotes(env, b)
	if err != nil {
		return err
	}
	n := len(b.Excerpts())
	if len(findings) == 0 {
		fmt.Fprintf(env.Stdout, "all %d %s of %s match the library\n", n, plural(n, "excerpt", "excerpts"), path)
		return nil
	}
	for _, f := range findings {
		fmt.Fprintln(env.Stdout, f.String())
	}
	return fmt.Errorf("%d of %d excerpts of %s do not match the library (the brief keeps its own copies)", len(findings), n, path)
}

// refuseExisting keeps "brief new" and "brief draft" from writing over a
// brief that is already there.
func refuseExisting(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("brief %q already exists: choose another name", path)
	}
	return nil
}

// checkQuotes compares a brief's quotations with the library, for "brief
// check" and "export".
func checkQuotes(env *Env, b *briefing.Brief) ([]briefing.Finding, error) {
	lib, err := openLibrary(env)
	if err != nil {
		return nil, err
	}
	defer lib.Close()
	return bridge.Check(lib, b)
}

// oneBrief parses the arguments of a command that takes one brief file
// and no flags, and loads the brief.
func oneBrief(env *Env, name string, args []string) (string, *briefing.Brief, error) {
	rest, err := parseFlags(env, newFlags(name), args)
	if err != nil {
		return "", nil, err
	}
	if len(rest) != 1 {
		return "", nil, usagef("%s: give one brief file", name)
	}
	b, err := loadBrief(env, rest[0])
	return rest[0], b, err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
