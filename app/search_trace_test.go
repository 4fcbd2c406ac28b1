package app

import (
	"bytes"
	"strings"
	"testing"
)

// TestSearchTraceLogsEachSearch traces a window's searches: each search
// shown gets a line with its query, its hits and the times from the
// keystroke; without tracing nothing is written and nothing is added to
// the pane.
func TestSearchTraceLogsEachSearch(t *testing.T) {
	u := newTestUI(t)
	if u.search.trace.out != nil || u.search.trace.marker != nil {
		t.Fatal("tracing is on without ATTACHE_TRACE")
	}
	var buf bytes.Buffer
	u.search.trace = newSearchTraceTo(&buf)
	search(t, u, "submarine cables")
	search(t, u, "cavi sottomarini")
	// A line waits for the frame that shows its results: the next search
	// shown, or the marker's drawing, ends it.
	before := buf.String()
	if strings.Contains(before, `q="cavi sottomarini"`) {
		t.Errorf("the last search was logged before its frame was painted:\n%s", before)
	}
	u.search.trace.painted(1, 1)
	out := buf.String()
	for _, want := range []string{`search-trace: shown q="submarine cables" hits=`, "after_key_ms=", "search_ms=", "to_list_ms="} {
		if !strings.Contains(before, want) {
			t.Errorf("the trace lacks %q:\n%s", want, before)
		}
	}
	if last := strings.TrimSpace(out[len(before):]); !strings.HasPrefix(last, `search-trace: shown q="cavi sottomarini" hits=`) || !strings.Contains(last, "painted_ms=") {
		t.Errorf("the painted frame was logged as %q", last)
	}
}
