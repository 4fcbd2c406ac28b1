package briefing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

//go:embed templates.json
var templatesJSON []byte

// Template is a starting outline for a brief, in both label languages.
type Template struct {
	// ID names the template in files and on the command line.
	ID string `json:"id"`
	// Name is the template's name by label language ("en", "it").
	Name map[string]string `json:"name"`
	// Sections are the section headings by label language.
	Sections map[string][]string `json:"sections"`
	// PageLimit is the template's page budget (the briefing note's is 2),
	// or 0 for none. A brief's Header.PageLimit overrides it.
	PageLimit int `json:"page_limit,omitempty"`
	// Translation is how an excerpt's own translation prints:
	// TranslationInText (the translation in the text, the original in a
	// note) or TranslationAfter (the original, then the translation).
	Translation string `json:"translation,omitempty"`
}

// Purpose is why a brief is sent, shown under its title.
type Purpose struct {
	// ID is stored in the brief ("information", "decision", "meeting").
	ID string `json:"id"`
	// Name is the purpose as printed, by label language.
	Name map[string]string `json:"name"`
}

// templateCatalogue is templates.json read.
type templateCatalogue struct {
	Templates []Template `json:"templates"`
	Purposes  []Purpose  `json:"purposes"`
}

// catalogue reads templates.json once, when first needed rather than in
// every process that links the package.
var catalogue = sync.OnceValue(func() *templateCatalogue {
	c := &templateCatalogue{}
	if err := json.Unmarshal(templatesJSON, c); err != nil {
		panic("briefing: templates.json: " + err.Error())
	}
	return c
})

// Templates returns the templates in the order a menu shows them.
func Templates() []Template {
	return append([]Template(nil), catalogue().Templates...)
}

// TemplateByID returns the template with the given ID.
func TemplateByID(id string) (Template, bool) {
	for _, t := range catalogue().Templates {
		if t.ID == id {
			return t, true
		}
	}
	return Template{}, false
}

// Purposes returns the known purposes in the order a menu shows them.
func Purposes() []Purpose {
	return append([]Purpose(nil), catalogue().Purposes...)
}

// PurposeID returns the ID of the purpose s names (an ID or a name in either
// language, "for decision", "Per decisione"), or s trimmed when it is free
// text.
func PurposeID(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range catalogue().Purposes {
		if strings.EqualFold(p.ID, s) {
			return p.ID
		}
		for _, n := range p.Name {
			if strings.EqualFold(n, s) {
				return p.ID
			}
		}
	}
	return s
}

// PurposeLabel returns how a brief's purpose prints in a label language.
func PurposeLabel(purpose, lang string) string {
	id := PurposeID(purpose)
	for _, p := range catalogue().Purposes {
		if p.ID == id {
			if n := p.Name[lang]; n != "" {
				return n
			}
			return p.Name["en"]
		}
	}
	return purpose
}

// New returns a new brief with the given title block and the sections of a
// template ("" means blank), headed in the brief's label language.
func New(h Header, templateID string) (*Brief, error) {
	if templateID == "" {
		templateID = "blank"
	}
	t, ok := TemplateByID(templateID)
	if !ok {
		var ids []string
		for _, t := range catalogue().Templates {
			ids = append(ids, t.ID)
		}
		return nil, fmt.Errorf("unknown template %q: use one of %s", templateID, strings.Join(ids, ", "))
	}
	if h.Lang == "" {
		h.Lang = "en"
	}
	h.Template = t.ID
	h.Purpose = PurposeID(h.Purpose)
	b := &Brief{FormatVersion: Version}
	if err := b.SetHeader(h); err != nil {
		return nil, err
	}
	b.Sections = []Section{}
	for _, heading := range t.Sections[b.Labels()] {
		if _, err := b.AddSection(heading, -1); err != nil {
			return nil, err
		}
	}
	return b, nil
}
