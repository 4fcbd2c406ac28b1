package briefing

import (
	"bytes"
	"strings"
	"testing"
)

// The cases: a 400 KB title took 34 s, because the footer laid the
// whole title out on every page; a 50 MB paragraph needed 6.5 GB.
func TestExportRefusesHugeFields(t *testing.T) {
	for name, change := range map[string]func(b *Brief){
		"the title is 400000 characters long":   func(b *Brief) { b.Title = strings.Repeat("x", 400_000) },
		"paragraph 1 of section 1 is 300000":    func(b *Brief) { b.Sections[0].Text = []string{strings.Repeat("digital cooperation ", 15_000)} },
		"the quotation of excerpt x1 is 150001": func(b *Brief) { b.Sections[2].Excerpts[0].Text = strings.Repeat("parola ", 150_000/7) + "parol" },
		"the brief is": func(b *Brief) {
			b.KeyMessages = strings.Split(strings.Repeat(strings.Repeat("m", 99_000)+"\n", 25), "\n")
		},
	} {
		b := sampleBrief(t)
		change(b)
		var buf bytes.Buffer
		_, err := WritePDF(&buf, b, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want a one-line error starting so", name, err)
		}
		if _, err := LayOut(b, Options{}); err == nil {
			t.Errorf("%s: the preview's layout took it", name)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written", name, buf.Len())
		}
	}
}

// TestFooterTitleMeasuredOnce checks that the title is laid out a bounded
// number of times however many pages the brief has (it was laid out again
// for the footer of every page, which made export time grow with pages ×
// title).
func TestFooterTitleMeasuredOnce(t *testing.T) {
	measured := func(title string) (int, int) {
		b := bigBrief(t, 60)
		b.Title = title
		d, err := layoutPDF(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return d.s.measured, len(d.layout.Pages)
	}
	short, pages := measured("Stress brief")
	long, _ := measured("Stress brief " + strings.Repeat("and more words ", 130))
	times := float64(long-short) / float64(15*130)
	if pages < 15 || times > 3 {
		t.Errorf("over %d pages the title's characters were measured %.1f times each, want at most 3", pages, times)
	}
}
