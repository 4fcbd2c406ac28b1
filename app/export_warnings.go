package app

import (
	"regexp"

	"fyne.io/fyne/v2/lang"
)

// exportWarnings are the export's most common warnings, which briefing
// words in English, as the interface speaks: an empty section, a brief
// over its page limit, a quotation that is not part of its passage.
// Other warnings show as they are.
var exportWarnings = []struct {
	re  *regexp.Regexp
	say func(m []string) string
}{
	{regexp.MustCompile(`^section (".*") is empty$`), func(m []string) string {
		return lang.L("section {{.Heading}} is empty", map[string]any{"Heading": m[1]})
	}},
	{regexp.MustCompile(`^the brief has (\d+) pages, over its limit of (\d+)$`), func(m []string) string {
		return lang.L("the brief has {{.Pages}} pages, over its limit of {{.Limit}}", map[string]any{"Pages": m[1], "Limit": m[2]})
	}},
	{regexp.MustCompile(`^excerpt (\S+) \(passage (\S+)\): the quotation is not a part of the passage it cites$`), func(m []string) string {
		return lang.L("excerpt {{.Excerpt}} (passage {{.Passage}}): the quotation is not a part of the passage it cites", map[string]any{"Excerpt": m[1], "Passage": m[2]})
	}},
}

// localWarnings is warnings in the interface's language where it knows them.
func localWarnings(warnings []string) []string {
	out := make([]string, len(warnings))
	for i, w := range warnings {
		out[i] = w
		for _, p := range exportWarnings {
			if m := p.re.FindStringSubmatch(w); m != nil {
				out[i] = p.say(m)
				break
			}
		}
	}
	return out
}
