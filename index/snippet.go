package index

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// SnippetLength is about how many bytes of text a hit's snippet shows.
const SnippetLength = 260

// snippetLength is SnippetLength, as this package's code names it.
const snippetLength = SnippetLength

// MakeSnippet returns the part of text, about size bytes long, with the
// most marked words, and their places in it: the snippet of a hit, cut as
// every backend cuts it. The cut falls between words and is shown with
// "…". Marks outside text, or not on character boundaries, are dropped;
// overlapping ones are merged.
func MakeSnippet(text string, marks []Span, size int) Snippet {
	spans := make([]span, len(marks))
	for i, m := range marks {
		spans[i] = span{m.Start, m.End}
	}
	return makeSnippet(text, spans, size)
}

// span is a matched word's byte range in a text.
type span struct{ start, end int }

// makeSnippet returns the part of text, about size bytes long, with the most
// matched words, and their places in it. The cut falls between words and is
// shown with "…". Spans outside text are ignored.
func makeSnippet(text string, spans []span, size int) Snippet {
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
	var marks []Span
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		marks = append(marks, Span{s.start + shift, s.end + shift})
	}
	return Snippet{Text: b.String(), Marks: marks}
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
