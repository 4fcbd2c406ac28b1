package briefing

import (
	"strings"
	"testing"
)

func headings(b *Brief) string {
	var h []string
	for _, s := range b.Sections {
		h = append(h, s.Heading)
	}
	return strings.Join(h, "|")
}

func excerptIDs(s Section) string {
	var ids []string
	for _, x := range s.Excerpts {
		ids = append(ids, x.PassageID)
	}
	return strings.Join(ids, "|")
}

func TestNewFromTemplates(t *testing.T) {
	b, err := New(Header{Title: "T", Lang: "it", Purpose: "Per decisione"}, "meeting-brief")
	if err != nil {
		t.Fatal(err)
	}
	if got := headings(b); got != "Obiettivi|Elementi di linguaggio|Contesto" {
		t.Errorf("it meeting brief sections = %q", got)
	}
	if b.Purpose != "decision" || PurposeLabel(b.Purpose, "it") != "Per decisione" || PurposeLabel(b.Purpose, "en") != "For decision" {
		t.Errorf("purpose %q labels %q", b.Purpose, PurposeLabel(b.Purpose, "it"))
	}
	b, _ = New(Header{Title: "T"}, "policy-brief")
	if got := headings(b); got != "Key messages|Context|Analysis|Implications" {
		t.Errorf("policy brief sections = %q", got)
	}
	b, _ = New(Header{Title: "T"}, "")
	if len(b.Sections) != 0 || b.Template != "blank" {
		t.Errorf("blank brief has %d sections, template %q", len(b.Sections), b.Template)
	}
	if _, err := New(Header{Title: "T"}, "memo"); err == nil || !strings.Contains(err.Error(), "briefing-note") {
		t.Errorf("unknown template error = %v", err)
	}
	if _, err := New(Header{Title: "T", Lang: "fr"}, ""); err == nil {
		t.Error("label language fr accepted")
	}
	if PurposeLabel("to brief the press", "it") != "to brief the press" {
		t.Error("free-text purpose changed")
	}
}

func TestSectionOps(t *testing.T) {
	b := sampleBrief(t)
	id, err := b.AddSection("Annex", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := headings(b); got != "Summary|Annex|Issue|Background|Considerations|Recommendation" {
		t.Fatalf("after add: %q", got)
	}
	if err := b.RenameSection(id, " Annexe "); err != nil || b.Sections[1].Heading != "Annexe" {
		t.Fatalf("rename: %v %q", err, b.Sections[1].Heading)
	}
	if err := b.MoveSection(id, 5); err != nil {
		t.Fatal(err)
	}
	if got := headings(b); got != "Summary|Issue|Background|Considerations|Recommendation|Annexe" {
		t.Fatalf("after move: %q", got)
	}
	if err := b.MoveSection(id, 0); err != nil || b.Sections[0].ID != id {
		t.Fatalf("move to front: %v", err)
	}
	if err := b.RemoveSection(id); err != nil || len(b.Sections) != 5 {
		t.Fatalf("remove: %v", err)
	}
	for _, err := range []error{
		b.RenameSection("nope", "x"), b.RemoveSection("nope"), b.MoveSection(b.Sections[0].ID, 9),
		b.RenameSection(b.Sections[0].ID, "  "), b.SetSectionText("nope", "x"),
	} {
		if err == nil {
			t.Error("bad section op accepted")
		}
	}
	if _, err := b.AddSection("X", 99); err == nil {
		t.Error("add at 99 accepted")
	}
	b.SetSectionText(b.Sections[1].ID, "One.\n\n\n  Two.  \r\n\r\nThree.")
	if got := strings.Join(b.Sections[1].Text, "|"); got != "One.|Two.|Three." {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestExcerptOps(t *testing.T) {
	b := sampleBrief(t)
	bg, cons := &b.Sections[2], &b.Sections[3]
	if got := excerptIDs(*bg); got != "join-2025-140-p6|council-2023-p2" {
		t.Fatalf("background = %q", got)
	}
	council := bg.Excerpts[1].ID
	// reorder within a section
	if err := b.MoveExcerpt(council, bg.ID, 0); err != nil {
		t.Fatal(err)
	}
	if got := excerptIDs(b.Sections[2]); got != "council-2023-p2|join-2025-140-p6" {
		t.Fatalf("after reorder = %q", got)
	}
	// move to another section, between its two excerpts
	if err := b.MoveExcerpt(council, cons.ID, 1); err != nil {
		t.Fatal(err)
	}
	if got := excerptIDs(b.Sections[3]); got != "tech7-2024-p3|council-2023-p2|join-2025-140-p7" {
		t.Fatalf("after move = %q", got)
	}
	if got := excerptIDs(b.Sections[2]); got != "join-2025-140-p6" {
		t.Fatalf("source section after move = %q", got)
	}
	if x, _, _ := b.Excerpt(council); x.Comment != "The Council already asked for this in 2023." {
		t.Error("comment lost in move")
	}
	if err := b.MoveExcerpt(council, cons.ID, 3); err == nil {
		t.Error("move past end accepted")
	}
	// the same excerpt twice gets a fresh ID
	x := b.Sections[2].Excerpts[0]
	id2, err := b.AddExcerpt(b.Sections[0].ID, x, -1)
	if err != nil || id2 == x.ID {
		t.Fatalf("duplicate add: %v id %q", err, id2)
	}
	if err := b.RemoveExcerpt(id2); err != nil || len(b.Sections[0].Excerpts) != 0 {
		t.Fatalf("remove: %v", err)
	}
	if err := b.RemoveExcerpt(id2); err == nil {
		t.Error("removed twice")
	}
	if _, err := b.AddExcerpt(b.Sections[0].ID, Excerpt{PassageID: "p"}, -1); err == nil {
		t.Error("empty excerpt accepted")
	}
	if err := b.SetExcerptComment("nope", "x"); err == nil {
		t.Error("comment on missing excerpt accepted")
	}
}

func TestTrim(t *testing.T) {
	b := sampleBrief(t)
	x := b.Sections[2].Excerpts[0]
	full := []rune(x.Full)
	// keep the second sentence only
	i := strings.Index(x.Full, "Dalla definizione")
	start := len([]rune(x.Full[:i]))
	if err := b.TrimExcerpt(x.ID, start, len(full)); err != nil {
		t.Fatal(err)
	}
	got, _, _ := b.Excerpt(x.ID)
	if !strings.HasPrefix(got.Text, "[…] Dalla definizione") || strings.Contains(got.Text, "[…] […]") {
		t.Errorf("trimmed = %q", got.Text)
	}
	if !ValidQuote(got.Text, got.Full) {
		t.Error("trimmed text is not part of the full text")
	}
	// keep a middle part: cut at both ends
	if err := b.TrimExcerptTo(x.ID, "è in costante crescita"); err != nil {
		t.Fatal(err)
	}
	if got.Text != "[…] è in costante crescita […]" {
		t.Errorf("middle = %q", got.Text)
	}
	// two parts with a cut between
	if err := b.TrimExcerptRanges(x.ID, []Range{{0, 13}, {start, start + 17}}); err != nil {
		t.Fatal(err)
	}
	if got.Text != "La rete di pa […] Dalla definizione […]" {
		t.Errorf("two parts = %q", got.Text)
	}
	if !ValidQuote(got.Text, got.Full) || ValidQuote("[…] crescita è in costante […]", got.Full) {
		t.Error("ValidQuote wrong")
	}
	for _, r := range [][]Range{{{5, 2}}, {{0, len(full) + 1}}, {{0, 10}, {5, 20}}, {}} {
		if err := b.TrimExcerptRanges(x.ID, r); err == nil {
			t.Errorf("bad ranges %v accepted", r)
		}
	}
	if err := b.TrimExcerptTo(x.ID, "not in the text"); err == nil {
		t.Error("foreign text accepted")
	}
	if err := b.RestoreExcerpt(x.ID); err != nil || got.Text != got.Full {
		t.Error("restore failed")
	}
	// keeping everything adds no ellipsis
	if s, _ := QuoteText(x.Full, []Range{{0, len(full)}}); s != x.Full {
		t.Errorf("whole = %q", s)
	}
}
