package themes

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"attache/index/corpus"
	"attache/seeds"
)

var (
	seedOnce sync.Once
	seedDocs []*corpus.Document
	seedErr  error
)

// taggedSeeds returns the real seed documents, tagged with the shipped
// taxonomy.
func taggedSeeds(t *testing.T) []*corpus.Document {
	t.Helper()
	seedOnce.Do(func() {
		seedDocs, seedErr = corpus.LoadSeeds(seeds.FS)
		if seedErr == nil {
			Default().TagDocuments(seedDocs)
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedDocs
}

// passageWith returns the one seed passage of doc whose text contains quote.
func passageWith(t *testing.T, doc, quote string) *corpus.Passage {
	t.Helper()
	var found *corpus.Passage
	for _, d := range taggedSeeds(t) {
		if d.ID != doc {
			continue
		}
		for i := range d.Passages {
			if strings.Contains(strings.Join(strings.Fields(d.Passages[i].Text), " "), quote) {
				if found != nil {
					t.Fatalf("%s: several passages contain %q", doc, quote)
				}
				found = &d.Passages[i]
			}
		}
	}
	if found == nil {
		t.Fatalf("%s: no passage contains %q", doc, quote)
	}
	return found
}

func scoreOf(tx *Taxonomy, p *corpus.Passage, theme string) float64 {
	for _, s := range tx.Scores(p) {
		if s.Theme == theme {
			return s.Score
		}
	}
	return 0
}

func TestTagRealPassages(t *testing.T) {
	cases := []struct {
		doc, quote string
		theme      string
		first      bool // the theme must be the strongest
	}{
		{"join-2025-140", "tale approccio potrebbe essere esteso ai cavi sottomarini", "undersea-cables", false},
		{"join-2025-140", "il primo cavo transatlantico in fibra ottica", "undersea-cables", true},
		{"join-2025-140", "sistema previsto di cavi sottomarini sicuri di 11 700 km", "undersea-cables", true},
		{"g7-2024", "exploitation of Space and undersea cable networks", "undersea-cables", false},
		{"g7-2024", "exploitation of Space and undersea cable networks", "space-satellites", false},
		{"g7-2024", "Hiroshima Artificial Intelligence Process (HAIP)", "ai-governance", true},
		{"tech7-2024", "a shared effort to bridge the digital divide", "digital-skills-divide", true},
		{"tech7-2024", "promotes the free flow of data between nations", "data-flows-trade", true},
		{"tech7-2024", "use digital technologies as a key tool in the fight against climate change", "twin-transition", true},
		{"council-2023", "ambizioso sul commercio elettronico nel contesto", "data-flows-trade", true},
		{"council-2023", "manipolazione delle informazioni e alle ingerenze esterne", "information-manipulation", true},
		{"council-2023", "portare avanti l'approccio antropocentrico e basato sui diritti umani", "human-rights-online", true},
		{"council-2023", "La trasformazione digitale dell'Ucraina è stata un elemento chiave", "ukraine-enlargement", true},
		{"council-2023", "plenipotenziaria del 2026", "telecoms-standards", true},
		{"join-2025-140", "protegge la democrazia, la libertà di parola", "online-platforms", true},
		{"join-2025-140", "la promozione di norme e applicazioni comuni nel settore delle tecnologie quantistiche", "quantum", true},
		{"join-2025-140", "Nel contesto attuale di un mondo iperconnesso", "cybersecurity", true},
		{"join-2025-140", "L'esperienza dell'UE nello sviluppo di portafogli di identità digitale", "digital-public-infrastructure", true},
		{"join-2025-140", "La strategia Global Gateway offre l'opportunità", "global-gateway", true},
		{"join-2025-140", "delle Nazioni Unite è stato adottato mediante consenso", "internet-governance", true},
	}
	for _, c := range cases {
		p := passageWith(t, c.doc, c.quote)
		if !slices.Contains(p.Themes, c.theme) {
			t.Errorf("%s (%q): themes %v, want %s", p.ID, c.quote, p.Themes, c.theme)
			continue
		}
		if c.first && p.Themes[0] != c.theme {
			t.Errorf("%s (%q): themes %v, want %s first", p.ID, c.quote, p.Themes, c.theme)
		}
	}
}

// A passage that names undersea cables in a list of technologies scores
// lower than the passages about them, and is still tagged with them: it
// names them, and a search for them finds it (theme tags agree with
// search).
func TestInPassingMentionRanksLower(t *testing.T) {
	tx := Default()
	passing := passageWith(t, "council-2023", "i cavi sottomarini per la trasmissione di dati, le piattaforme online")
	about := passageWith(t, "join-2025-140", "tale approccio potrebbe essere esteso ai cavi sottomarini")
	arctic := passageWith(t, "join-2025-140", "nuovi tracciati per i cavi sottomarini nella regione")
	sp, sa, sr := scoreOf(tx, passing, "undersea-cables"), scoreOf(tx, about, "undersea-cables"), scoreOf(tx, arctic, "undersea-cables")
	if sp == 0 {
		t.Fatalf("the list passage %s does not score for undersea-cables at all", passing.ID)
	}
	if sp >= sa || sp >= sr {
		t.Errorf("in passing %.2f, about %.2f and %.2f: the mention in passing should score lower", sp, sa, sr)
	}
	if !slices.Contains(passing.Themes, "undersea-cables") {
		t.Errorf("%s names undersea cables and is not tagged with them: %v", passing.ID, passing.Themes)
	}
	// The same holds for quantum: named in a list of G7 priorities, the
	// subject of the JOIN's quantum point.
	list := passageWith(t, "tech7-2024", "artificial intelligence, 6G, quantum technologies and space technologies")
	point := passageWith(t, "join-2025-140", "la promozione di norme e applicazioni comuni nel settore delle tecnologie quantistiche")
	if a, b := scoreOf(tx, list, "quantum"), scoreOf(tx, point, "quantum"); a >= b {
		t.Errorf("quantum: list %.2f >= point %.2f", a, b)
	}
}

func TestTagDocumentsCoversEveryTheme(t *testing.T) {
	docs := taggedSeeds(t)
	tx := Default()
	counts := map[string]int{}
	tagged, total := 0, 0
	for _, d := range docs {
		for _, p := range d.Passages {
			total++
			if len(p.Themes) > 0 {
				tagged++
			}
			if extra := len(p.Themes) - maxTags; extra > 0 && extra > namedThemes(p) {
				t.Errorf("%s has %d themes, more than %d and those it names", p.ID, len(p.Themes), maxTags)
			}
			for _, id := range p.Themes {
				if tx.Theme(id) == nil {
					t.Errorf("%s tagged with unknown theme %q", p.ID, id)
				}
				counts[id]++
			}
		}
	}
	for _, th := range tx.Themes {
		if counts[th.ID] == 0 {
			t.Errorf("no seed passage is tagged %s", th.ID)
		}
	}
	if tagged < total*2/3 {
		t.Errorf("only %d of %d passages tagged", tagged, total)
	}
}

func TestTagIsStableAndOrdered(t *testing.T) {
	tx := Default()
	p := passageWith(t, "join-2025-140", "L'UE promuoverà la diffusione di una connettività digitale sicura")
	a, b := tx.Tag(p), tx.Tag(p)
	if len(a) == 0 || !slices.EqualFunc(a, b, func(x, y Score) bool { return x.Theme == y.Theme && x.Score == y.Score }) {
		t.Fatalf("Tag is not stable: %v vs %v", a, b)
	}
	for i := 1; i < len(a); i++ {
		if a[i].Score > a[i-1].Score {
			t.Errorf("scores not strongest first: %v", a)
		}
	}
	if len(a[0].Terms) == 0 {
		t.Errorf("no matched terms reported: %+v", a[0])
	}
}

func TestTagWithGatheredStatsMatchesTagDocuments(t *testing.T) {
	tagged := taggedSeeds(t)
	fresh, err := corpus.LoadSeeds(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	tx := Default()
	st := tx.Gather(fresh)
	if st.Fingerprint() != tx.Gather(tagged).Fingerprint() {
		t.Fatal("the statistics of the same documents differ")
	}
	tx.TagWith(st, fresh)
	for i, d := range fresh {
		for k := range d.Passages {
			if a, b := d.Passages[k].Themes, tagged[i].Passages[k].Themes; !slices.Equal(a, b) {
				t.Errorf("%s: TagWith gives %v, TagDocuments %v", d.Passages[k].ID, a, b)
			}
		}
	}
	// Tagging with no statistics weighs every term alike: some tags differ.
	bare, _ := corpus.LoadSeeds(seeds.FS)
	tx.TagWith(nil, bare)
	if tx.Version(nil) == tx.Version(st) {
		t.Error("the version does not depend on the statistics")
	}
	if tx.Version(st) != tx.Version(tx.Gather(fresh)) {
		t.Error("the version of equal statistics differs")
	}
	if (*Stats)(nil).Fingerprint() != "none" {
		t.Error("nil statistics have a fingerprint")
	}
}

func TestScoresWithExplicitStats(t *testing.T) {
	docs := taggedSeeds(t)
	tx := Default()
	st := tx.Gather(docs)
	p := passageWith(t, "join-2025-140", "L'UE promuoverà la diffusione di una connettività digitale sicura")
	a, b := tx.ScoresWith(st, p), tx.Scores(p)
	if !slices.EqualFunc(a, b, func(x, y Score) bool { return x.Theme == y.Theme && x.Score == y.Score }) {
		t.Fatalf("ScoresWith the seeds' statistics %v differs from Scores %v", a, b)
	}
	if c := tx.ScoresWith(nil, p); len(c) == 0 || c[0].Score == a[0].Score {
		t.Errorf("ScoresWith(nil) should weigh terms alike: %v vs %v", c, a)
	}
}

// BenchmarkTagDocuments tags the seeds' passages, statistics included.
func BenchmarkTagDocuments(b *testing.B) {
	docs, err := corpus.LoadSeeds(seeds.FS)
	if err != nil {
		b.Fatal(err)
	}
	tx := Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx.TagDocuments(docs)
	}
}

// namedThemes counts the themes a passage names by their name.
func namedThemes(p corpus.Passage) int {
	n := 0
	for _, s := range Default().Scores(&p) {
		if s.Named {
			n++
		}
	}
	return n
}
