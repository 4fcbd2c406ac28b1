package briefing

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the brief as Markdown: the same content as the PDF,
// with citations as Markdown footnotes ([^1]) and a Sources list. It returns
// the warnings of the export (see Export).
func WriteMarkdown(out io.Writer, b *Brief, opt Options) ([]string, error) {
	l := labelsFor(b.Labels())
	c := Cite(b)
	w := bufio.NewWriter(out)
	if b.Classification != "" {
		fmt.Fprintf(w, "**%s**\n\n", mdEscape(b.Classification))
	}
	fmt.Fprintf(w, "# %s\n\n", mdEscape(b.Title))
	if b.Subtitle != "" {
		fmt.Fprintf(w, "*%s*\n\n", mdEscape(b.Subtitle))
	}
	purpose, fields := headerLines(b, l)
	if purpose != "" {
		fmt.Fprintf(w, "**%s**\n\n", mdEscape(purpose))
	}
	for i, f := range fields {
		end := "  \n"
		if i == len(fields)-1 {
			end = "\n\n"
		}
		fmt.Fprintf(w, "**%s:** %s%s", f[0], mdEscape(f[1]), end)
	}
	if len(b.KeyMessages) > 0 {
		fmt.Fprintf(w, "> **%s**\n>\n", l.KeyMessages)
		for _, m := range b.KeyMessages {
			fmt.Fprintf(w, "> - %s\n", mdEscape(m))
		}
		fmt.Fprintln(w)
	}
	if hasContents(b) {
		fmt.Fprintf(w, "**%s**\n\n", l.Contents)
		for i, s := range b.Sections {
			fmt.Fprintf(w, "%d. %s\n", i+1, mdEscape(s.Heading))
		}
		fmt.Fprintln(w)
	}
	for i, s := range b.Sections {
		fmt.Fprintf(w, "## %d. %s\n\n", i+1, mdEscape(s.Heading))
		for _, p := range s.Text {
			fmt.Fprintf(w, "%s\n\n", mdParagraph(p))
		}
		for _, x := range s.Excerpts {
			if lang := x.Language(); lang != "" && lang != b.Labels() {
				fmt.Fprintf(w, "*%s:*\n\n", fmt.Sprintf(l.InLang, l.langName(lang)))
			}
			var marks strings.Builder
			for _, n := range c.Marks[x.ID] {
				fmt.Fprintf(&marks, "[^%d]", n)
			}
			fmt.Fprintf(w, "> %s%s\n\n", mdEscape(x.Text), marks.String())
			if x.Comment != "" {
				for _, p := range Paragraphs(x.Comment) {
					fmt.Fprintf(w, "%s\n\n", mdParagraph(p))
				}
			}
		}
	}
	if len(c.Sources) > 0 {
		fmt.Fprintf(w, "## %s\n\n", l.Sources)
		for _, s := range c.Sources {
			fmt.Fprintf(w, "- %s\n", mdRuns(s.Runs))
		}
		fmt.Fprintln(w)
	}
	for _, n := range c.Notes {
		fmt.Fprintf(w, "[^%d]: %s\n", n.Number, mdRuns(n.Runs))
	}
	if b.Classification != "" {
		if len(c.Notes) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "**%s**\n", mdEscape(b.Classification))
	}
	return baseWarnings(b, opt), w.Flush()
}

// mdRuns writes note runs: titles in italics, addresses as autolinks.
func mdRuns(runs []Run) string {
	var sb strings.Builder
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		switch {
		case r.URL != "" && LiveLink(r.URL):
			// urlRuns already wrote the angle brackets around it
			if strings.HasSuffix(sb.String(), "<") {
				sb.WriteString(r.URL)
			} else {
				sb.WriteString("<" + r.URL + ">")
			}
		case r.Italic:
			sb.WriteString("*" + mdEscape(r.Text) + "*")
		default:
			sb.WriteString(mdEscapeKeepBrackets(r.Text, i+1 < len(runs) && runs[i+1].URL != "", i > 0 && runs[i-1].URL != ""))
		}
	}
	return sb.String()
}

// mdEscapeKeepBrackets escapes text but keeps a trailing "<" before a URL
// run and a leading ">" after one, so that the address is an autolink.
func mdEscapeKeepBrackets(s string, beforeURL, afterURL bool) string {
	pre, post := "", ""
	if beforeURL && strings.HasSuffix(s, "<") {
		s, post = s[:len(s)-1], "<"
	}
	if afterURL && strings.HasPrefix(s, ">") {
		s, pre = s[1:], ">"
	}
	return pre + mdEscape(s) + post
}

// mdParagraph escapes a paragraph of the author's text, also a line start
// that Markdown would read as a heading, quote or list.
func mdParagraph(p string) string {
	p = mdEscape(strings.Join(strings.Fields(p), " "))
	if p != "" && strings.ContainsRune("#>+-=|", rune(p[0])) {
		p = `\` + p
	}
	return p
}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, ">", `\>`, "[", `\[`)

// mdEscape escapes the characters Markdown would read as markup.
func mdEscape(s string) string { return mdReplacer.Replace(s) }
