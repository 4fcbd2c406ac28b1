package team

import (
	"sort"
	"strings"
	"unicode/utf8"

	"attache/index"
)

// The snippet of a hit is cut as the local library cuts it (index's
// makeSnippet, copied here while it is not exported): about snippetLength
// bytes around the most matched words, cut between words, "…" at the cuts.

// snippetLength is about how many bytes of text a snippet shows.
const snippetLength = 260

// span is a matched word's byte range in a text.
type span struct{ start, end int }

// snippet returns the part of text, about size bytes long, with the most
// matched words, and their places in it. The cut falls between words and is
// shown with "…". Spans outside text are ignored.
func snippet(text string, marks []index.Span, size int) index.Snippet {
	spans := make([]span, len(marks))
	for i, m := range marks {
		spans[i] = span{m.Start, m.End}
	}
	spans = cleanSpans(text, spans)
	from, to := 0, len(text)
	if len(text) > size {
		from, to = window(text, spans, size)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	shift := b.Len() - from
	b.WriteString(text[from:to])
	if to < len(text) {
		b.WriteString("…")
	}
	var out []index.Span
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		out = append(out, index.Span{Start: s.start + shift, End: s.end + shift})
	}
	return index.Snippet{Text: b.String(), Marks: out}
}

// cleanSpans sorts spans, drops those outside text or not on character
// boundaries, and merges overlapping ones.
func cleanSpans(text string, spans []span) []span {
	var ok []span
	for _, s := range spans {
		if s.start < 0 || s.end > len(text) || s.start >= s.end {
			continue
		}
		if !utf8.RuneStart(text[s.start]) || (s.end < len(text) && !utf8.RuneStart(text[s.end])) {
			continue
		}
		ok = append(ok, s)
	}
	sort.Slice(ok, func(i, j int) bool {
		if ok[i].start != ok[j].start {
			return ok[i].start < ok[j].start
		}
		return ok[i].end > ok[j].end
	})
	var out []span
	for _, s := range ok {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// window chooses the byte range [from, to) of text, about size long, that
// holds the most spans, starting a little before the first of them, with
// both ends moved to word boundaries.
func window(text string, spans []span, size int) (from, to int) {
	const lead = 60 // context shown before the first match
	best, bestCount := 0, 0
	for i, s := range spans {
		start := s.start - lead
		count := 0
		for _, t := range spans[i:] {
			if t.end > start+size {
				break
			}
			count++
		}
		if count > bestCount {
			best, bestCount = i, count
		}
	}
	if len(spans) > 0 {
		from = spans[best].start - lead
	}
	if from < 0 {
		from = 0
	}
	to = from + size
	if to >= len(text) {
		to = len(text)
		from = max(0, to-size)
		if len(spans) > 0 && from > spans[best].start {
			from = spans[best].start
		}
	}
	limit := len(text)
	if len(spans) > 0 {
		limit = spans[best].start
	}
	if from > 0 {
		from = wordStart(text, from, limit)
	}
	if to < len(text) {
		to = wordEnd(text, to)
	}
	return from, to
}

// wordStart moves i forward to the start of the next word, but not past
// limit (the first match shown).
func wordStart(text string, i, limit int) int {
	if j := strings.IndexByte(text[i:], ' '); j >= 0 && j < 30 && i+j+1 <= limit {
		return i + j + 1
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// wordEnd moves i back to the end of the previous word.
func wordEnd(text string, i int) int {
	if j := strings.LastIndexByte(text[:i], ' '); j > 0 && i-j < 30 {
		return j
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
