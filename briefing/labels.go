package briefing

import (
	"fmt"
	"strconv"
	"strings"
)

// labels are the words a brief prints around the author's text, in one
// label language.
type labels struct {
	Sources, Contents, KeyMessages, Notes string
	For, From, Date                       string
	// PageOf formats "page X of Y".
	PageOf string
	// SourceNote introduces a footnote of the quoted source: "Source note %s: ".
	SourceNote string
	// NoteRef is the cross-reference to an earlier note in a short citation.
	NoteRef string
	// InLang introduces a quotation in another language: "In %s".
	InLang string
	// Comment introduces the author's comment after a quotation.
	Comment string
	// OwnTranslation labels the analyst's own translation of a quotation.
	OwnTranslation string
	// Original introduces the original of a translated quotation in its
	// note: "Original (%s)".
	Original string
	Months   [12]string
	Langs    map[string]string
}

var allLabels = map[string]labels{
	"en": {
		Sources: "Sources", Contents: "Contents", KeyMessages: "Key messages", Notes: "Notes",
		For: "For", From: "From", Date: "Date",
		PageOf: "Page %d of %d", SourceNote: "Source note %s: ", NoteRef: "(n %d)",
		InLang: "In %s", Comment: "Comment",
		OwnTranslation: "Own translation", Original: "Original (%s)",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
		Langs: map[string]string{"en": "English", "it": "Italian", "fr": "French", "de": "German",
			"es": "Spanish", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ja": "Japanese"},
	},
	"it": {
		Sources: "Fonti", Contents: "Indice", KeyMessages: "Messaggi chiave", Notes: "Note",
		For: "Per", From: "Da", Date: "Data",
		PageOf: "Pagina %d di %d", SourceNote: "Nota %s della fonte: ", NoteRef: "(nota %d)",
		InLang: "In %s", Comment: "Commento",
		OwnTranslation: "Traduzione non ufficiale", Original: "Testo originale (%s)",
		Months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
			"agosto", "settembre", "ottobre", "novembre", "dicembre"},
		Langs: map[string]string{"en": "inglese", "it": "italiano", "fr": "francese", "de": "tedesco",
			"es": "spagnolo", "pt": "portoghese", "nl": "olandese", "pl": "polacco", "ja": "giapponese"},
	},
}

func labelsFor(lang string) labels {
	if l, ok := allLabels[lang]; ok {
		return l
	}
	return allLabels["en"]
}

// langName names a language code in the label language, or returns the
// code in capitals when unknown.
func (l labels) langName(code string) string {
	if n, ok := l.Langs[code]; ok {
		return n
	}
	return strings.ToUpper(code)
}

// FormatDate writes an ISO 8601 date (full "2025-06-05", or partial
// "2024-03", "2024") as a reader expects it in the label language lang:
// "5 June 2025", "5 giugno 2025", "March 2024". Anything else is returned as
// it is.
func FormatDate(iso, lang string) string {
	l := labelsFor(lang)
	parts := strings.Split(strings.TrimSpace(iso), "-")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(parts) > 3 {
			return iso
		}
		nums[i] = n
	}
	switch {
	case len(parts) == 1 && len(parts[0]) == 4:
		return parts[0]
	case len(parts) >= 2 && len(parts[0]) == 4 && nums[1] >= 1 && nums[1] <= 12:
		month := l.Months[nums[1]-1]
		if len(parts) == 2 {
			return month + " " + parts[0]
		}
		if nums[2] < 1 || nums[2] > 31 {
			return iso
		}
		day := strconv.Itoa(nums[2])
		if lang == "it" && nums[2] == 1 {
			day = "1º"
		}
		return fmt.Sprintf("%s %s %s", day, month, parts[0])
	}
	return iso
}
