package app

import (
	"embed"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"attache/app/locale"
)

// translations are the window's strings in each language it speaks, one
// file per language (en.json, it.json), keyed by the English text.
//
//go:embed translations
var translations embed.FS

// prefLanguage is the preference that overrides the system's language:
// "" follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), "en" or
// "it" choose one.
const prefLanguage = "language"

// languages are the interface's languages, by code, named in themselves.
var languages = []struct{ code, name string }{{"en", "English"}, {"it", "Italiano"}}

// loadTranslations loads the embedded translations and chooses the
// interface's language: pref if it names one, else the system's. Fyne's
// localizer follows the environment, so a chosen language is put there
// (LANGUAGE, the variable that lists preferred languages), where it
// applies to this process only.
func loadTranslations(pref string) {
	if pref != "" {
		os.Setenv("LANGUAGE", pref)
		// Under a bare C or POSIX locale LANGUAGE is not consulted: name
		// the same locale with its encoding, which is.
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if v := os.Getenv(name); v != "" {
				if v == "C" || v == "POSIX" {
					os.Setenv(name, "C.UTF-8")
				}
				break
			}
		}
	} else if os.Getenv("LANGUAGE") == "" {
		locale.Fix()
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("the window's translations could not be read", err)
	}
}

// uiLang is the code of the language the interface speaks ("en", "it").
func uiLang() string { return lang.X("lang.code", "en") }

// setLanguage remembers the chosen interface language ("" for the
// system's) and speaks it at once: the panes and the menu are made again
// in it, keeping the brief, its history, the query and the library.
func (u *ui) setLanguage(code string) {
	u.app.Preferences().SetString(prefLanguage, code)
	if code == "" {
		os.Unsetenv("LANGUAGE")
	}
	loadTranslations(code)
	u.rebuild()
}

// rebuild makes the panes and the menu again, as the interface's language
// changed, and puts the brief, the query and the library back in them.
func (u *ui) rebuild() {
	query := u.search.query.Text
	writing := u.writing()
	u.savePrefs()
	u.search = newSearchPane(u)
	u.reader = newReaderPane(u)
	u.preview = newPreviewPane(u)
	u.brief = newBriefPane(u)
	u.win.SetContent(u.layout())
	if writing != u.writing() {
		u.search.content.Hide()
	}
	u.win.SetMainMenu(u.buildMenu())
	if u.ed != nil {
		u.brief.load(u.ed.Brief())
		u.brief.outline.refresh(true)
	}
	if u.lib != nil {
		u.setLibrary(u.lib, u.docs)
		u.setStatus(u.libraryStatus(), false)
	}
	u.search.query.SetText(query)
	u.preview.schedule()
	u.updateTitle()
	u.win.Canvas().Focus(u.search.query)
}
