package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"time"

	"attache/index"
)

// runImport implements "attache import [--json] PATH…".
func runImport(env *Env, args []string) error {
	fs := newFlags("import")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	paths, err := parseFlags(env, fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("import: no file or folder given")
	}
	lib, err := openLibrary(env)
	if err != nil {
		return err
	}
	defer lib.Close()

	// Ctrl-C cancels the import and leaves the library as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	bar := newProgressBar(env.Stderr)
	start := time.Now()
	rep, err := lib.Import(ctx, paths, bar.update)
	bar.finish()
	if err != nil {
		if rep != nil && rep.Cancelled {
			return fmt.Errorf("import cancelled; the library is as it was")
		}
		return fmt.Errorf("import: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	printReport(env.Stdout, rep, time.Since(start))
	if len(rep.Added)+len(rep.Updated)+len(rep.Unchanged) == 0 && len(rep.Skipped) > 0 {
		return fmt.Errorf("no document imported")
	}
	return nil
}

// printReport prints an import report for a reader.
func printReport(w io.Writer, rep *index.ImportReport, took time.Duration) {
	for _, d := range rep.Added {
		fmt.Fprintf(w, "added    %s  %s (%s, %s, %d passages)\n", d.ID, printable(d.Title), d.Format, langName(d.Lang), d.Passages)
	}
	for _, d := range rep.Updated {
		fmt.Fprintf(w, "updated  %s  %s (%s, %s, %d passages)\n", d.ID, printable(d.Title), d.Format, langName(d.Lang), d.Passages)
	}
	// Files that are not documents (the images and styles beside web
	// pages) are counted, not listed.
	others := map[string]int{}
	for _, s := range rep.Skipped {
		if kind, ok := strings.CutPrefix(s.Reason, "not a document ("); ok {
			others[strings.TrimSuffix(kind, ")")]++
			continue
		}
		fmt.Fprintf(w, "skipped  %s: %s\n", printable(s.Path), printable(s.Reason))
	}
	if len(others) > 0 {
		var kinds []string
		n := 0
		for k, c := range others {
			kinds = append(kinds, fmt.Sprintf("%d %s", c, strings.TrimPrefix(strings.TrimPrefix(k, "an "), "a ")))
			n += c
		}
		sort.Strings(kinds)
		fmt.Fprintf(w, "skipped  %d files that are not documents (%s)\n", n, strings.Join(kinds, ", "))
	}
	fmt.Fprintf(w, "%d added, %d updated, %d unchanged, %d skipped, in %.1f s\n",
		len(rep.Added), len(rep.Updated), len(rep.Unchanged), len(rep.Skipped), took.Seconds())
}

// langName shows an empty language as "language unknown".
func langName(l string) string {
	if l == "" {
		return "language unknown"
	}
	return l
}

// progressBar draws an import's progress on a terminal, or prints a line
// per stage when standard error is not one.
type progressBar struct {
	w        io.Writer
	terminal bool
	stage    string
	last     time.Time
	drawn    bool
}

func newProgressBar(w io.Writer) *progressBar {
	b := &progressBar{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			b.terminal = true
		}
	}
	return b
}

// update draws the bar at most every 100 ms, and always at a new stage.
func (b *progressBar) update(p index.Progress) {
	newStage := p.Stage != b.stage
	b.stage = p.Stage
	if !b.terminal {
		if newStage {
			fmt.Fprintf(b.w, "attache: %s %d files\n", p.Stage, p.Total)
		}
		return
	}
	if !newStage && p.Done != p.Total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	const width = 30
	filled := 0
	if p.Total > 0 {
		filled = width * p.Done / p.Total
	}
	name := printable(p.Path)
	if r := []rune(name); len(r) > 40 {
		name = "…" + string(r[len(r)-39:])
	}
	if p.Stage == "indexing" {
		name = "indexing…"
	}
	fmt.Fprintf(b.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("█", filled), strings.Repeat("·", width-filled), p.Done, p.Total, name)
	b.drawn = true
}

// finish clears the bar's line.
func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
