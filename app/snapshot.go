package app

import (
	"attache/briefing"
	"attache/index/corpus"
)

// snapshot turns a passage into an excerpt. Temporary: bridge.Snapshot
// replaces it once package bridge lands.
func snapshot(p *corpus.Passage, m corpus.Meta) briefing.Excerpt {
	x := briefing.Excerpt{
		PassageID: p.ID,
		Source: briefing.Source{DocID: m.ID, Title: m.Title, ShortTitle: m.ShortTitle, Issuer: m.Issuer,
			Date: m.Date, Place: m.Place, Lang: m.Lang, Kind: m.Kind, Reference: m.Reference, URL: m.URL},
		Lang: p.Lang, Locator: p.Locator, Page: p.Page, SectionPath: append([]string(nil), p.Section...),
		Text: p.Text, Full: p.Text, Themes: append([]string(nil), p.Themes...),
	}
	for _, n := range p.Notes {
		x.Notes = append(x.Notes, briefing.Note{Number: n.Number, Text: n.Text, URLs: n.URLs})
	}
	return x
}
