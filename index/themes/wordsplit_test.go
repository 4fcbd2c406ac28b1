package themes

import (
	"math/rand"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// segmentWords is what Bleve's unicode tokenizer keeps of a text: the
// segment package's segments that are not None; ok false when it stops
// early.
func segmentWords(text []byte) ([]string, bool) {
	segs, types, n, err := segment.SegmentWordsDirect(text, nil, nil)
	if err != nil || n != len(text) {
		return nil, false
	}
	var out []string
	for i, s := range segs {
		if types[i] != segment.None {
			out = append(out, string(s))
		}
	}
	return out, true
}

// splitWordsOf is splitWords as strings.
func splitWordsOf(text []byte) ([]string, bool) {
	segs, ok := splitWords(nil, text)
	if !ok {
		return nil, false
	}
	var out []string
	for _, s := range segs {
		out = append(out, string(s))
	}
	return out, true
}

// readCharacters are the characters splitWords reads (all of Latin-1 and
// Latin Extended-A and -B, and some punctuation), with a few it leaves
// to the segment package.
func readCharacters() []rune {
	var rs []rune
	for r := rune(0); r < 0x250; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x2000); r < 0x2130; r++ {
		rs = append(rs, r)
	}
	return append(rs, 0x0301, 0x200D, 0x05D0, 0x30A2, 0x4E00, 0xFF0C, 0x0660, 0x1F600)
}

func checkSplit(t *testing.T, s string) {
	t.Helper()
	got, ok := splitWordsOf([]byte(s))
	if !ok {
		return // left to the segment package
	}
	want, wok := segmentWords([]byte(s))
	if !wok || !slices.Equal(got, want) {
		t.Fatalf("%q (%U): words %q, the segment package's %q", s, []rune(s), got, want)
	}
}

func TestSplitWords(t *testing.T) {
	// Every character read, alone and in every context of the classes
	// word boundaries tell apart, cuts as the segment package cuts.
	contexts := []string{"a", "é", "Z", "1", "0", ":", "·", ".", "’", "'", ",", ";", "_", " ", "-", "\n", "\r\n", "\"", "x1", "1x"}
	read := 0
	for _, r := range readCharacters() {
		x := string(r)
		if _, ok := splitWords(nil, []byte(x)); ok {
			read++
		}
		checkSplit(t, x)
		checkSplit(t, x+x)
		for _, a := range contexts {
			checkSplit(t, a+x)
			checkSplit(t, x+a)
			for _, b := range contexts {
				checkSplit(t, a+x+b)
				checkSplit(t, a+x+x+b)
			}
		}
	}
	if read < 600 {
		t.Errorf("only %d characters read", read)
	}
	// Random texts over the classes' characters.
	alphabet := []rune("aZé9_:·.’'‘,; -–\"()ñ0\nxİ‧․")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		n := 1 + rng.Intn(12)
		b := make([]rune, n)
		for k := range b {
			b[k] = alphabet[rng.Intn(len(alphabet))]
		}
		checkSplit(t, string(b))
	}
}

func FuzzSplitWords(f *testing.F) {
	for _, s := range trickyWords {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			checkSplit(t, s)
		}
	})
}
