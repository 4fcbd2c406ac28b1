package app

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/briefing"
)

// englishWords are words that mark a text as English: common ones and
// the interface's own vocabulary. None is also an Italian word.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of to with for your you is are was be this that these from
	here first all any only or on by at its an
	select search library brief briefs document documents passage passages section sections
	add open save cancel new export edit help quit undo redo theme themes title subtitle author
	office purpose marking labels heading none type match matches close copy citation browse
	trim quote whole move draft recent find coverage remove details keyboard shortcuts about
	language view writing layout system key messages english italian yes shown weaker also
	how works start template untitled choose folder create replace restore discard overwrite
	comment text paper notes format footnotes endnotes reference issuer date`) {
		englishWords[w] = true
	}
}

// englishIn returns the English words in s.
func englishIn(s string) []string {
	var found []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[strings.ToLower(w)] {
			found = append(found, w)
		}
	}
	return found
}

// visibleTexts returns the texts shown by o and everything in it: labels,
// buttons, entries' text and placeholders, selects, checks, rich text,
// accordion items, radio and check group options.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Select:
			if w.Selected != "" {
				out = append(out, w.Selected)
			} else {
				out = append(out, w.PlaceHolder)
			}
		case *widget.SelectEntry:
			out = append(out, w.PlaceHolder)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.RichText:
			out = append(out, w.String())
		case *widget.Hyperlink:
			out = append(out, w.Text)
		case *widget.RadioGroup:
			out = append(out, w.Options...)
		case *widget.CheckGroup:
			out = append(out, w.Options...)
		case *widget.Accordion:
			for _, it := range w.Items {
				out = append(out, it.Title)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
			return
		}
		// A widget's own parts, as its renderer draws them; for our own
		// widgets and Fyne's composite ones this reaches every label.
		if wid, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(wid).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// menuTexts returns the labels of a menu and its submenus.
func menuTexts(m *fyne.Menu) []string {
	out := []string{m.Label}
	for _, it := range m.Items {
		if it.IsSeparator {
			continue
		}
		out = append(out, it.Label)
		if it.ChildMenu != nil {
			out = append(out, menuTexts(it.ChildMenu)...)
		}
	}
	return out
}

// inItalian switches the interface to Italian for the rest of the test.
func inItalian(t *testing.T) {
	t.Helper()
	t.Setenv("LANGUAGE", "it")
	loadTranslations("")
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		loadTranslations("")
	})
	if uiLang() != "it" {
		t.Fatalf("the interface speaks %q under LANGUAGE=it", uiLang())
	}
}

func TestItalianInterfaceLeavesNoEnglish(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	// An Italian brief and Italian passages: the data on show is Italian
	// too, so English found is the interface's.
	b, err := newBriefFrom("briefing-note", "Diplomazia digitale")
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	test.Tap(u.search.sameLang)
	search(t, u, "sovranità")
	u.search.list.Select(0)
	u.brief.accordion.OpenAll()

	// Data may be English: the names of the library's documents, the
	// languages named in themselves, a brief file's extension.
	var data []string
	for _, id := range u.docs.ids() {
		d, _ := u.docs.get(id)
		data = append(data, u.docName(id), d.Title)
	}
	for _, l := range languages {
		data = append(data, l.name)
	}
	data = append(data, briefing.Extension)
	found := map[string][]string{}
	check := func(where string, texts []string) {
		for _, s := range texts {
			for _, d := range data {
				s = strings.ReplaceAll(s, d, "")
			}
			if w := englishIn(s); len(w) > 0 {
				found[where+": "+strings.TrimSpace(s)] = w
			}
		}
	}
	check("window", visibleTexts(u.win.Content()))
	for _, m := range u.menu.Items {
		check("menu", menuTexts(m))
	}
	// Every section and excerpt editor.
	u.addSelected()
	for _, uid := range u.brief.outline.children("") {
		u.brief.outline.selectNode(uid)
		check("outline", visibleTexts(u.win.Content()))
		for _, x := range u.brief.outline.children(uid) {
			u.brief.outline.selectNode(x)
			check("excerpt", visibleTexts(u.win.Content()))
		}
	}
	u.brief.outline.tree.UnselectAll()
	// The page preview, in the reader's place.
	u.preview.toggle()
	check("preview", visibleTexts(u.win.Content()))
	u.preview.toggle()

	// Every dialog the window opens.
	dialogs := map[string]func(){
		"new":       u.askNew,
		"discard":   func() { u.confirmDiscard(lang.L("New brief"), func() {}) },
		"export":    u.showExport,
		"import":    u.showAddDocuments,
		"coverage":  u.showCoverage,
		"draft":     u.showDraft,
		"section":   u.brief.outline.addSection,
		"about":     u.showAbout,
		"start":     u.showStart,
		"team":      u.showOpenTeamLibrary,
		"local":     u.openLocalLibrary,
		"edit doc":  func() { u.withReaderDoc("x", u.showEditDocument) },
		"open":      u.askOpen,
		"no reader": func() { u.reader.doc = nil; u.withReaderDoc(lang.L("Edit document"), u.showEditDocument) },
	}
	var names []string
	for n := range dialogs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		dialogs[n]()
		for _, o := range u.win.Canvas().Overlays().List() {
			check("dialog "+n, visibleTexts(o))
		}
		for u.closeTopDialog() {
		}
		for u.win.Canvas().Overlays().Top() != nil {
			u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
		}
	}
	// Help › Keyboard Shortcuts opens a window of its own.
	for _, s := range shortcutList() {
		check("shortcuts", s[:])
	}
	if len(found) > 0 {
		var lines []string
		for s, w := range found {
			lines = append(lines, s+"  ["+strings.Join(w, " ")+"]")
		}
		sort.Strings(lines)
		t.Errorf("English left in the Italian interface:\n%s", strings.Join(lines, "\n"))
	}
}

// TestEveryStringHasItsItalian reads the window's source: every string
// given to lang.L (or lang.N, lang.X) has an Italian translation, so that
// dialogs the walk above does not open speak Italian too.
func TestEveryStringHasItsItalian(t *testing.T) {
	data, err := translations.ReadFile("translations/it.json")
	if err != nil {
		t.Fatal(err)
	}
	var it map[string]any
	if err := json.Unmarshal(data, &it); err != nil {
		t.Fatalf("it.json: %v", err)
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var missing []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			lit, ok := c.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			if _, ok := it[key]; !ok {
				missing = append(missing, fmt.Sprintf("%s: %q", fset.Position(lit.Pos()), key))
			}
			return true
		})
	}
	if len(missing) > 0 {
		t.Errorf("strings without Italian in it.json:\n%s", strings.Join(missing, "\n"))
	}
}

func TestLanguageFollowsTheLocaleOrThePreference(t *testing.T) {
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		loadTranslations("")
	})
	for _, c := range []struct {
		lcAll, lang, pref, want string
	}{
		{"", "it_IT.UTF-8", "", "it"},
		{"", "en_GB.UTF-8", "", "en"},
		{"it_IT.UTF-8", "en_GB.UTF-8", "", "it"},
		{"", "it_IT.UTF-8", "en", "en"},
		{"", "en_GB.UTF-8", "it", "it"},
		{"C", "", "it", "it"},
		{"", "C.UTF-8", "", "en"},
	} {
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		os.Unsetenv("LANGUAGE")
		loadTranslations(c.pref)
		if got := uiLang(); got != c.want {
			t.Errorf("LC_ALL=%q LANG=%q preference %q: the interface speaks %q, want %q", c.lcAll, c.lang, c.pref, got, c.want)
		}
	}
}

func TestViewLanguageSpeaksAtOnceAndRemembers(t *testing.T) {
	u := newTestUI(t)
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		loadTranslations("")
	})
	search(t, u, "cables")
	u.brief.title.SetText("My cables brief")
	u.setLanguage("it")
	if got := u.app.Preferences().String(prefLanguage); got != "it" {
		t.Fatalf("preference %q after choosing Italiano", got)
	}
	checked := ""
	for _, m := range u.langItem.ChildMenu.Items {
		if m.Checked {
			checked = m.Label
		}
	}
	if checked != "Italiano" {
		t.Errorf("View › Language checks %q", checked)
	}
	// At once: the menu and the panes speak Italian, the brief, its
	// history and the query are kept.
	if got := u.menu.Items[1].Label; got != "Modifica" {
		t.Errorf("the Edit menu reads %q after choosing Italiano", got)
	}
	if got := u.search.sameLang.Text; got != "Solo stessa lingua" {
		t.Errorf("the search pane reads %q", got)
	}
	if u.ed.Brief().Header.Title != "My cables brief" || u.brief.title.Text != "My cables brief" || !u.ed.CanUndo() {
		t.Errorf("the brief after the switch: %q in the field %q, undo %v", u.ed.Brief().Header.Title, u.brief.title.Text, u.ed.CanUndo())
	}
	if u.search.query.Text != "cables" || len(u.search.hits) == 0 {
		t.Errorf("the query after the switch: %q, %d hits", u.search.query.Text, len(u.search.hits))
	}
	if !strings.Contains(u.status.Text, "Biblioteca") {
		t.Errorf("the status bar reads %q", u.status.Text)
	}
}

func TestQueryErrorsInItalian(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	u.search.query.SetText(`"cavi sottomarini`)
	if msg := u.search.message.Text; !strings.Contains(msg, "virgolette") {
		t.Errorf("an unclosed quote under Italian says %q", msg)
	}
}

// TestItalianNamesTheLanguageInLowerCase checks the translation field's
// hint under an English quotation in an Italian brief: Italian writes a
// language's name in lower case inside a sentence ("in italiano").
func TestItalianNamesTheLanguageInLowerCase(t *testing.T) {
	inItalian(t)
	u := newTestUI(t)
	b, err := newBriefFrom("briefing-note", "Cavi sottomarini")
	if err != nil {
		t.Fatal(err)
	}
	u.setBrief(b, "")
	search(t, u, "undersea cable lang:en")
	u.search.list.Select(0)
	u.addSelected()
	xs := u.ed.Brief().Excerpts()
	if len(xs) != 1 {
		t.Fatalf("%d excerpts", len(xs))
	}
	u.brief.outline.selectNode(exNode + xs[0].ID)
	if got, want := u.brief.outline.exTranslation.PlaceHolder, "La tua traduzione in italiano (stampata come traduzione non ufficiale)"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
}
