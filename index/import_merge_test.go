package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/seeds"
)

// TestMergeSegmentsKeepsPassages merges an imported library's index into
// one segment and checks that it holds the same passages, found by the
// same search, and opens again without a rebuild.
func TestMergeSegmentsKeepsPassages(t *testing.T) {
	dir := t.TempDir()
	src := t.TempDir()
	for i, w := range []string{"harbour", "tariff", "quota", "fisheries"} {
		body := "<html><head><title>Note " + w + "</title></head><body>"
		for p := 0; p < 30; p++ {
			body += "<p>The " + w + " paragraph " + strings.Repeat("x", p+1) + " of note " + string(rune('a'+i)) + " sets out the member states' position.</p>"
		}
		if err := os.WriteFile(filepath.Join(src, w+".html"), []byte(body+"</body></html>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := Open(Config{Dir: dir, Seeds: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Import(context.Background(), []string{src}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := l.Search(context.Background(), Query{Text: "tariff", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	n0, _ := docCount(l.idx)

	c, err := l.beginChange(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := mergeSegments(context.Background(), l.idx); err != nil {
		t.Fatal(err)
	}
	if err := c.committed(); err != nil {
		t.Fatal(err)
	}
	c.end()
	n1, _ := docCount(l.idx)
	after, err := l.Search(context.Background(), Query{Text: "tariff", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if n0 != n1 || before.Total != after.Total || len(before.Hits) != len(after.Hits) {
		t.Fatalf("merged index holds %d passages (%d before), finds %d (%d before)", n1, n0, after.Total, before.Total)
	}
	for i := range before.Hits {
		if before.Hits[i].Passage.ID != after.Hits[i].Passage.ID {
			t.Fatalf("hit %d is %s after the merge, %s before", i, after.Hits[i].Passage.ID, before.Hits[i].Passage.ID)
		}
	}
	l.Close()
	var notices []string
	l, err = Open(Config{Dir: dir, Seeds: seeds.FS, Notice: func(s string) { notices = append(notices, s) }})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if len(notices) > 0 {
		t.Fatalf("opening the merged library said %q", notices)
	}
	if n, _ := docCount(l.idx); n != n1 {
		t.Fatalf("reopened, the merged index holds %d passages, not %d", n, n1)
	}
}
