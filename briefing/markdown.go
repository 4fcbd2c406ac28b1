package briefing

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the brief as Markdown: the same content as the PDF
// and the Word file (it reads the same Render), with citations as
// Markdown footnotes ([^1]) and a Sources list. It returns the warnings of
// the export (see Export).
func WriteMarkdown(out io.Writer, b *Brief, opt Options) ([]string, error) {
	r := Render(b, opt)
	w := bufio.NewWriter(out)
	if r.Marking != "" {
		fmt.Fprintf(w, "**%s**\n\n", mdEscape(r.Marking))
	}
	fmt.Fprintf(w, "# %s\n\n", mdEscape(r.Title))
	if r.Subtitle != "" {
		fmt.Fprintf(w, "*%s*\n\n", mdEscape(r.Subtitle))
	}
	if r.Purpose != "" {
		fmt.Fprintf(w, "**%s**\n\n", mdEscape(r.Purpose))
	}
	for i, f := range r.Fields {
		end := "  \n"
		if i == len(r.Fields)-1 {
			end = "\n\n"
		}
		fmt.Fprintf(w, "**%s:** %s%s", f.Label, mdEscape(f.Value), end)
	}
	if len(r.KeyMessages) > 0 {
		fmt.Fprintf(w, "> **%s**\n>\n", r.KeyMessagesHeading)
		for _, m := range r.KeyMessages {
			fmt.Fprintf(w, "> - %s\n", mdEscape(m))
		}
		fmt.Fprintln(w)
	}
	if len(r.Contents) > 0 {
		fmt.Fprintf(w, "**%s**\n\n", r.ContentsHeading)
		for _, s := range r.Sections {
			fmt.Fprintf(w, "%d. %s\n", s.Number, mdEscape(s.Heading))
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Sections {
		fmt.Fprintf(w, "## %d. %s\n\n", s.Number, mdEscape(s.Heading))
		for _, bl := range s.Blocks {
			if bl.Label != "" {
				fmt.Fprintf(w, "*%s:*\n\n", bl.Label)
			}
			switch bl.Kind {
			case Quotation:
				fmt.Fprintf(w, "> %s\n\n", mdQuote(bl.Pieces))
			case Translation:
				fmt.Fprintf(w, "> %s\n\n", mdEscape(bl.Text))
			default:
				fmt.Fprintf(w, "%s\n\n", mdParagraph(bl.Text))
			}
		}
	}
	if len(r.Sources) > 0 {
		fmt.Fprintf(w, "## %s\n\n", r.SourcesHeading)
		for _, s := range r.Sources {
			fmt.Fprintf(w, "- %s\n", mdRuns(s.Runs))
		}
		fmt.Fprintln(w)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "[^%d]: %s\n", n.Number, mdRuns(n.Runs))
	}
	if r.Marking != "" {
		if len(r.Notes) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "**%s**\n", mdEscape(r.Marking))
	}
	return baseWarnings(b, opt), w.Flush()
}

// mdQuote writes a quotation with its note references where their marks
// stand (see Block.Pieces).
func mdQuote(pieces []Piece) string {
	var sb strings.Builder
	for _, p := range pieces {
		sb.WriteString(mdEscape(p.Text))
		for _, n := range p.Marks {
			fmt.Fprintf(&sb, "[^%d]", n)
		}
	}
	return sb.String()
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
