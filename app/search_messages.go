package app

import (
	"fyne.io/fyne/v2/lang"

	"attache/index"
)

// resultsMessage says what the results are: a listing by the filters or
// matches, how many, and how many of them (weaker matches aside) are shown.
func resultsMessage(res *index.Results, shown int) string {
	strong := res.Total - res.Weak
	n := map[string]any{"N": res.Total, "Shown": shown, "Strong": strong}
	switch {
	case res.Total == 0:
		return lang.L("No passages match.")
	case res.Listing && res.Total > shown:
		return lang.L("{{.N}} passages pass the filters; the first {{.Shown}} are shown. Type to search among them.", n)
	case res.Listing && res.Total == 1:
		return lang.L("1 passage passes the filters. Type to search among it.")
	case res.Listing:
		return lang.L("{{.N}} passages pass the filters. Type to search among them.", n)
	case strong == 0:
		return lang.L("No passage holds all the words; only weaker matches.")
	case strong > shown:
		return lang.L("{{.Strong}} passages match; the best {{.Shown}} are shown.", n)
	case strong == 1:
		return lang.L("1 passage matches.")
	default:
		return lang.L("{{.Strong}} passages match.", n)
	}
}

// searchErrorText is a search's error as the window says it: the query
// errors that name nothing of the query in the interface's language, the
// others (which quote the query) as the library words them.
func searchErrorText(err error) string {
	msg := oneLine(err.Error())
	known := map[string]string{
		"unclosed quote in query: add the closing \"":                                  lang.L("unclosed quote in query: add the closing \""),
		"empty phrase \"\" in query: put words between the quotes":                     lang.L("empty phrase \"\" in query: put words between the quotes"),
		"a \"phrase\" cannot end with *: use a prefix on a single word (as in cyber*)": lang.L("a \"phrase\" cannot end with *: use a prefix on a single word (as in cyber*)"),
		"the query only excludes words: add a word to search for":                      lang.L("the query only excludes words: add a word to search for"),
		"empty query: type some words to search":                                       lang.L("empty query: type some words to search"),
	}
	if t, ok := known[msg]; ok {
		return t
	}
	return msg
}
