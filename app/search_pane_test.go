package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"attache/index"
	"attache/index/themes"
)

func TestTypingSearchesAndShowsHighlightedHits(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	if !strings.Contains(u.search.message.Text, "match") {
		t.Errorf("message = %q, want a count of matches", u.search.message.Text)
	}
	row := rowText(u, 0)
	h := u.search.hits[0]
	if !strings.Contains(row, u.docName(h.DocID)) || !strings.Contains(row, h.Locator) {
		t.Errorf("row %q lacks the document's short name %q or the locator %q", row, u.docName(h.DocID), h.Locator)
	}
	if !strings.Contains(row, strings.ToUpper(h.Lang)) {
		t.Errorf("row %q lacks the language", row)
	}
	// The matched words are emphasised, without the markers.
	r := newHitRow(u.search)
	r.show(0)
	marked := false
	for _, s := range r.snippet.Segments {
		ts := s.(*widget.TextSegment)
		if strings.Contains(ts.Text, index.HighlightStart) || strings.Contains(ts.Text, index.HighlightEnd) {
			t.Fatalf("snippet segment %q still holds a marker", ts.Text)
		}
		if ts.Style.TextStyle.Bold && ts.Style.ColorName == colorMark {
			marked = true
		}
	}
	if !marked {
		t.Errorf("no emphasised word in the first hit's snippet %q", h.Snippet)
	}
}

func TestSnippetSegments(t *testing.T) {
	text := "the digital and\ncyber worlds"
	segs := snippetSegments(index.Snippet{Text: text, Marks: []index.Span{{Start: 4, End: 11}, {Start: 16, End: 21}}})
	var got []string
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		w := ts.Text
		if ts.Style.TextStyle.Bold {
			w = "*" + w + "*"
		}
		got = append(got, w)
	}
	want := "the |*digital*| and |*cyber*| worlds"
	if strings.Join(got, "|") != want {
		t.Errorf("segments = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestNoResultsAndQueryErrors(t *testing.T) {
	u := newTestUI(t)
	test := func(q, want string) {
		t.Helper()
		u.search.query.SetText(q)
		if !strings.Contains(u.search.message.Text, want) {
			t.Errorf("query %q: message %q, want it to contain %q", q, u.search.message.Text, want)
		}
		if len(u.search.hits) != 0 {
			t.Errorf("query %q: %d hits shown, want none", q, len(u.search.hits))
		}
	}
	test("zzqxjvw", "No passages match")
	test(`"undersea cables`, "unclosed quote")
	if u.search.message.Importance != widget.DangerImportance {
		t.Error("a query error is not shown as an error")
	}
	test("", "Type to search")
}

func TestFiltersNarrowHitsAndShowCounts(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	var it string
	for _, o := range u.search.langSel.Options {
		if strings.HasPrefix(o, "Italian (") {
			it = o
		}
	}
	if it == "" {
		t.Fatalf("language filter options %q lack Italian with a count", u.search.langSel.Options)
	}
	u.search.langSel.SetSelected(it)
	for _, h := range u.search.hits {
		if h.Lang != "it" {
			t.Fatalf("hit %s in %s shown with the Italian filter on", h.ID, h.Lang)
		}
	}
	if len(u.search.hits) == 0 {
		t.Fatal("the Italian filter left no hits")
	}
	// The document filter lists every document with a count.
	if got := len(u.search.docSel.Options); got != u.docs.len()+1 {
		t.Errorf("document filter has %d options, want %d", got, u.docs.len()+1)
	}
	for _, o := range u.search.docSel.Options[1:] {
		if !strings.HasSuffix(o, ")") {
			t.Errorf("document option %q has no count", o)
		}
	}
	u.search.langSel.SetSelected(u.search.langSel.all)
	if u.search.langSel.value != "" {
		t.Errorf("lang filter = %q after choosing all languages", u.search.langSel.value)
	}
}

func TestStaleResultsAreDropped(t *testing.T) {
	u := newTestUI(t)
	// Hold the searches instead of running them at once.
	var pending []func()
	u.background = func(f func()) { pending = append(pending, f) }
	u.search.query.SetText("cables")
	u.search.query.SetText("digital")
	if len(pending) != 2 {
		t.Fatalf("%d searches started, want 2", len(pending))
	}
	pending[1]()
	newer := len(u.search.hits)
	first := u.search.hits[0].ID
	pending[0]() // the older search ends last
	if len(u.search.hits) != newer || u.search.hits[0].ID != first {
		t.Error("the results of an older search replaced the newer ones")
	}
}

func TestFocusSearchShortcut(t *testing.T) {
	u := newTestUI(t)
	u.win.Canvas().Unfocus()
	u.menuAction(ctrl(fyne.KeyF))()
	if u.win.Canvas().Focused() != u.search.query {
		t.Error("Ctrl+F did not focus the search field")
	}
}

// runesAtMost accepts strings of at most n runes.
func runesAtMost(n int) func(string) bool {
	return func(s string) bool { return len([]rune(s)) <= n }
}

func TestHitRowShowsTheLocatorOnItsOwnLine(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "cavi sottomarini")
	txt := rowText(u, 0)
	lines := strings.Split(txt, "\n")
	h := u.search.hits[0]
	if len(lines) < 3 || !strings.HasPrefix(lines[1], h.Locator) || !strings.HasSuffix(lines[1], strings.ToUpper(h.Lang)) {
		t.Errorf("row %q: want the locator %q and the language on the second line", txt, h.Locator)
	}
	if strings.Contains(lines[0], h.Locator) {
		t.Errorf("the locator still shares the name's line: %q", lines[0])
	}
}

func TestDownInTheQueryFieldSelectsResults(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	u.search.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	u.search.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if u.search.selected != 1 {
		t.Fatalf("after Down Down, hit %d is selected, want 1", u.search.selected)
	}
	u.search.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if h, ok := u.search.selectedHit(); !ok || h.ID != u.search.hits[0].ID {
		t.Fatal("Up did not go back to the first hit")
	}
	if ps, _, _ := u.reader.passage(); ps == nil || ps.ID != u.search.hits[0].ID {
		t.Error("the reader does not follow the keyboard selection")
	}
}

func TestEscapeClearsTheQuery(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "cables")
	u.search.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.search.query.Text != "" || len(u.search.hits) != 0 {
		t.Errorf("after Escape: query %q, %d hits", u.search.query.Text, len(u.search.hits))
	}
}

func TestSameLanguageToggle(t *testing.T) {
	u := newTestUI(t)
	if u.search.sameLang.Checked {
		t.Fatal("Same language only is on by default")
	}
	search(t, u, "undersea cables")
	langs := func() map[string]int {
		n := map[string]int{}
		for _, h := range u.search.hits {
			n[h.Lang]++
		}
		return n
	}
	if langs()["it"] == 0 {
		t.Fatalf("an English query found no Italian passages: %v", langs())
	}
	// An Italian hit says so on its row.
	for i, h := range u.search.hits {
		if h.Lang == "it" {
			if row := rowText(u, i); !strings.Contains(row, "IT") {
				t.Errorf("Italian hit's row %q does not show its language", row)
			}
			break
		}
	}
	test.Tap(u.search.sameLang)
	if !u.search.sameLang.Checked || len(u.search.hits) == 0 {
		t.Fatalf("with Same language only: checked %v, %d hits", u.search.sameLang.Checked, len(u.search.hits))
	}
	if n := langs(); n["it"] != 0 {
		t.Errorf("with Same language only, an English query still finds Italian passages: %v", n)
	}
	test.Tap(u.search.sameLang)
	if langs()["it"] == 0 {
		t.Error("turning Same language only off did not bring the Italian passages back")
	}
}

// themeOption is the theme filter's option for theme id, with its count.
func themeOption(t *testing.T, u *ui, id string) string {
	t.Helper()
	for i, v := range u.search.themeSel.values {
		if v == id {
			return u.search.themeSel.Options[i]
		}
	}
	t.Fatalf("theme filter has no option for %s: %q", id, u.search.themeSel.Options)
	return ""
}

func TestThemeFilterNarrowsHitsAndShowsCounts(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	facets := map[string]int{}
	res, err := testLib.Search(context.Background(), index.Query{Text: "digital", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Facets["theme"] {
		facets[f.Value] = f.Count
	}
	if len(facets) == 0 {
		t.Fatal("the search has no theme facet")
	}
	// Options: All themes, then every theme of the taxonomy with its count,
	// those with passages first.
	opts := u.search.themeSel.Options
	if opts[0] != u.search.themeSel.all || len(opts) != len(themes.Default().Themes)+1 {
		t.Fatalf("theme options %q", opts)
	}
	var best string
	for _, th := range themes.Default().Themes {
		want := fmt.Sprintf("%s (%d)", th.LabelEN, facets[th.ID])
		if got := themeOption(t, u, th.ID); got != want {
			t.Errorf("theme option %q, want %q", got, want)
		}
		if best == "" || facets[th.ID] > facets[best] {
			best = th.ID
		}
	}
	if strings.HasSuffix(opts[1], " (0)") {
		t.Errorf("first theme option %q has no passages", opts[1])
	}
	u.search.themeSel.SetSelected(themeOption(t, u, best))
	if u.search.themeSel.value != best {
		t.Fatalf("theme filter = %q, want %q", u.search.themeSel.value, best)
	}
	if u.search.total != facets[best] {
		t.Errorf("%d hits with the theme filter, want the facet's %d", u.search.total, facets[best])
	}
	for _, h := range u.search.hits {
		if !slices.Contains(h.Themes, best) {
			t.Fatalf("hit %s (themes %v) shown with the filter on %s", h.ID, h.Themes, best)
		}
	}
	// The counts stay those of the query without filters.
	if got := themeOption(t, u, best); got != fmt.Sprintf("%s (%d)", themes.Default().Theme(best).LabelEN, facets[best]) {
		t.Errorf("theme option after filtering %q", got)
	}
	u.search.themeSel.SetSelected(u.search.themeSel.all)
	if u.search.themeSel.value != "" || u.search.total != res.Total {
		t.Errorf("all themes: filter %q, %d hits, want %d", u.search.themeSel.value, u.search.total, res.Total)
	}
}

func TestFiltersAloneListPassages(t *testing.T) {
	u := newTestUI(t)
	id := themes.Default().Themes[0].ID
	u.search.themeSel.SetSelected(themeOption(t, u, id))
	if len(u.search.hits) == 0 {
		t.Fatalf("theme filter with no query listed nothing: %q", u.search.message.Text)
	}
	if !strings.Contains(u.search.message.Text, "the filters") {
		t.Errorf("message %q does not say the filters list the passages", u.search.message.Text)
	}
	for i, h := range u.search.hits {
		if !slices.Contains(h.Themes, id) {
			t.Fatalf("listed passage %s is not on %s", h.ID, id)
		}
		if i > 0 {
			p := u.search.hits[i-1]
			if p.DocID == h.DocID && p.Seq > h.Seq {
				t.Fatalf("listing not in reading order: %s before %s", p.ID, h.ID)
			}
		}
	}
	u.search.themeSel.SetSelected(u.search.themeSel.all)
	if len(u.search.hits) != 0 || !strings.Contains(u.search.message.Text, "Type to search") {
		t.Errorf("with no query and no filter: %d hits, message %q", len(u.search.hits), u.search.message.Text)
	}
}

func TestSearchFiltersFitTheWindow(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	// At 1280×800 the search pane is a third of the window: every filter
	// gets at least the width of its "All …" label.
	for _, s := range []*widget.Select{u.search.docSel.Select, u.search.langSel.Select, u.search.themeSel.Select} {
		if w := s.Size().Width; w < s.MinSize().Width || w < 120 {
			t.Errorf("filter %q is %.0f wide (min %.0f)", s.Selected, w, s.MinSize().Width)
		}
	}
	if w := u.search.sameLang.Size().Width; w < u.search.sameLang.MinSize().Width {
		t.Errorf("the Same language only check is cut: %.0f < %.0f", w, u.search.sameLang.MinSize().Width)
	}
}

// markedSnippet makes a snippet of text whose matched words stand between
// <mark> and </mark>.
func markedSnippet(text string) index.Snippet {
	var sn index.Snippet
	for {
		i := strings.Index(text, "<mark>")
		if i < 0 {
			break
		}
		j := strings.Index(text[i:], "</mark>")
		word := text[i+len("<mark>") : i+j]
		sn.Text += text[:i]
		sn.Marks = append(sn.Marks, index.Span{Start: len(sn.Text), End: len(sn.Text) + len(word)})
		sn.Text += word
		text = text[i+j+len("</mark>"):]
	}
	sn.Text += text
	return sn
}

// ctxLibrary is the real library, remembering the error each search ended
// with.
type ctxLibrary struct {
	index.Library
	errs []error
}

func (l *ctxLibrary) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	res, err := l.Library.Search(ctx, q)
	l.errs = append(l.errs, err)
	return res, err
}

func TestANewerKeystrokeCancelsTheStaleSearch(t *testing.T) {
	u := newTestUI(t)
	lib := &ctxLibrary{Library: testLib}
	u.lib = lib
	var pending []func()
	u.background = func(f func()) { pending = append(pending, f) }
	u.search.query.SetText("cables")
	u.search.query.SetText("cables digital")
	if len(pending) != 2 {
		t.Fatalf("%d searches started, want 2", len(pending))
	}
	pending[0]()
	pending[1]()
	if len(lib.errs) != 2 || !errors.Is(lib.errs[0], context.Canceled) || lib.errs[1] != nil {
		t.Fatalf("search errors %v: want the stale one cancelled, the newer one done", lib.errs)
	}
	if len(u.search.hits) == 0 {
		t.Error("the newer search shows no hits")
	}
}

func TestFiltersGoAsFieldsAndClearInOneClick(t *testing.T) {
	u := newTestUI(t)
	search(t, u, "digital")
	u.search.langSel.set("it")
	u.search.schedule()
	q := u.search.currentQuery()
	if q.Text != "digital" || q.Lang != "it" {
		t.Fatalf("query %+v: the filter must go as a field, the text as typed", q)
	}
	for _, h := range u.search.hits {
		if h.Lang != "it" {
			t.Fatalf("hit %s in %s with the Italian filter on", h.ID, h.Lang)
		}
	}
	if !u.search.clear.Visible() {
		t.Fatal("no clear button while a filter is on")
	}
	test.Tap(u.search.clear)
	if q := u.search.currentQuery(); q.Lang != "" || q.Doc != "" || q.Theme != "" {
		t.Errorf("filters after clearing: %+v", q)
	}
	if u.search.clear.Visible() || u.search.langSel.Selected != u.search.langSel.all {
		t.Errorf("after clearing the button shows %v, the language filter %q", u.search.clear.Visible(), u.search.langSel.Selected)
	}
}

func TestWeakMatchesOnlyOnRequest(t *testing.T) {
	u := newTestUI(t)
	res := &index.Results{Query: "a b", Total: 3, Weak: 1, Hits: []index.Hit{{Score: 2}, {Score: 1}, {Score: 0.1, Weak: true}}}
	res.Hits[0].ID, res.Hits[1].ID, res.Hits[2].ID = "p1", "p2", "p3"
	u.search.gen++
	u.search.apply(u.search.gen, res, nil)
	if len(u.search.hits) != 2 || !u.search.weakLine.Visible() || u.search.weakText.Text != "also: 1 weaker match" {
		t.Fatalf("%d hits shown, weak line %v %q: want 2 and the line", len(u.search.hits), u.search.weakLine.Visible(), u.search.weakText.Text)
	}
	if !strings.Contains(u.search.message.Text, "2") {
		t.Errorf("message %q does not count the 2 strong matches", u.search.message.Text)
	}
	u.search.showWeak = true
	u.search.gen++
	u.search.apply(u.search.gen, res, nil)
	if len(u.search.hits) != 3 || u.search.hits[2].ID != "p3" {
		t.Errorf("on request %d hits shown, want the weak one last", len(u.search.hits))
	}
	if msg := u.search.message.Text; msg != "2 passages match." {
		t.Errorf("with the weaker matches shown the message says %q", msg)
	}
}

// BenchmarkResultsAfterTheTypingPause measures what the window does once
// typing pauses: the search, and the results shown in the list (rows
// laid out), on the seed library.
func BenchmarkResultsAfterTheTypingPause(b *testing.B) {
	u := newTestUI(b)
	queries := []string{"undersea cables", "sovranità digitale", "\"digital divide\"", "cyber security"}
	i := 0
	for b.Loop() {
		u.search.query.SetText(queries[i%len(queries)])
		i++
		if len(u.search.hits) == 0 {
			b.Fatalf("no hits for %q", u.search.query.Text)
		}
		test.WidgetRenderer(u.search.list).Layout(u.search.list.Size())
	}
}
