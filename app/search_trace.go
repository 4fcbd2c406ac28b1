package app

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// traceEnv names an environment variable that, set to anything, makes the
// window log to its standard error how long each search took to reach the
// result list after the last keystroke. A developer's measuring aid (see
// DEVELOPERS.md, "Testing the window"); nothing a user sees.
const traceEnv = "ATTACHE_TRACE"

// searchTrace times the way from a keystroke in the query field to the
// results on the list. Its methods run on the UI goroutine, except
// searched, which the search's goroutine calls.
type searchTrace struct {
	// out gets the lines; nil when tracing is off.
	out io.Writer
	// marker is a transparent raster beside the result count, drawn again
	// after each search shown: the painter calls its generator while it
	// paints the frame with the new results. Nil when tracing is off.
	marker *canvas.Raster
	// painting is the line to finish when the marker is next drawn, and
	// paintKey the keystroke it counts from.
	painting string
	paintKey time.Time
}

// newSearchTrace traces to standard error when traceEnv is set.
func newSearchTrace() *searchTrace {
	if os.Getenv(traceEnv) != "" {
		return newSearchTraceTo(os.Stderr)
	}
	return &searchTrace{}
}

// newSearchTraceTo traces to out.
func newSearchTraceTo(out io.Writer) *searchTrace {
	t := &searchTrace{out: out}
	t.marker = canvas.NewRaster(t.painted)
	return t
}

// behind puts the marker behind o when tracing, else returns o.
func (t *searchTrace) behind(o fyne.CanvasObject) fyne.CanvasObject {
	if t.marker == nil {
		return o
	}
	return container.NewStack(t.marker, o)
}

// painted is the marker's generator: it logs the line waiting for the
// frame, with the time from the last keystroke to the frame's painting.
func (t *searchTrace) painted(w, h int) image.Image {
	if t.painting != "" {
		fmt.Fprintf(t.out, "%s painted_ms=%.1f\n", t.painting, float64(time.Since(t.paintKey).Microseconds())/1000)
		t.painting = ""
	}
	return image.NewUniform(color.Transparent)
}

// keyed returns the time the query changed (a keystroke, a paste, a
// filter), zero when tracing is off.
func (t *searchTrace) keyed() time.Time {
	if t.out == nil {
		return time.Time{}
	}
	return time.Now()
}

// searchSpan is one search's times, measured on its goroutine.
type searchSpan struct {
	// key is the keystroke that asked for the search; start and end bound
	// the library's Search call.
	key, start, end time.Time
}

// begin starts timing the search asked for at key.
func (t *searchTrace) begin(key time.Time) searchSpan {
	if t.out == nil {
		return searchSpan{}
	}
	return searchSpan{key: key, start: time.Now()}
}

// searched notes the end of a search.
func (t *searchTrace) searched(s *searchSpan) {
	if t.out != nil {
		s.end = time.Now()
	}
}

// shown logs a search that ended, with what became of it ("shown" on the
// list, "cancelled" by a newer keystroke, "stale"): the time from the last
// keystroke to then, and its parts.
func (t *searchTrace) shown(s searchSpan, what, query string, hits int) {
	if t.out == nil || s.start.IsZero() {
		return
	}
	now := time.Now()
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	line := fmt.Sprintf("search-trace: %s q=%q hits=%d after_key_ms=%s wait_ms=%s search_ms=%s to_list_ms=%s",
		what, query, hits, ms(now.Sub(s.key)), ms(s.start.Sub(s.key)), ms(s.end.Sub(s.start)), ms(now.Sub(s.end)))
	if what != "shown" {
		fmt.Fprintln(t.out, line)
		return
	}
	if t.painting != "" { // never painted: a newer search overtook it
		fmt.Fprintln(t.out, t.painting)
	}
	t.painting, t.paintKey = line, s.key
	t.marker.Refresh()
}
