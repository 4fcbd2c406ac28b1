package extract

import (
	mathbits "math/bits"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stopWords are each language's commonest short words. A text's language is
// the one whose stop words make up the largest share of its words. A word
// ending in an apostrophe is the head of an elision ("l'" of "l'immagine").
var stopWords = map[string]string{
	"en": "the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if more no its out so said what up about into than them can only other new some could these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long here get both between life being under never day same another know while last might us great old year off come since against go came right used take three",
	"it": "il lo la i gli le di a da in con su per tra fra un uno una e è ed o che non si mi ti ci vi del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle come anche più ma se sono questo questa questi queste quello quella essere stato stata hanno ha ho cui dove quando perché però tutti tutte tutto molto sia loro suo sua suoi sue nostro nostra alcuni ogni altri altre altro già così solo fino verso presso nonché inoltre l' un' dell' all' dall' nell' sull' quest' quell' c' d'",
	"fr": "le la les un une des du de et est à au aux en que qui ne pas pour par sur dans avec ce cette ces se sa son ses il elle ils elles nous vous leur leurs sont été être avoir ont plus mais ou où donc comme tout tous toute toutes aussi fait faire peut entre sans sous même dont lui très bien encore alors après avant depuis l' d' qu' n' s' c' j' jusqu' lorsqu' puisqu'",
	"de": "der die das den dem des ein eine einer eines einem einen und ist nicht zu mit von auf für im in an als auch es sich sie er wir ihr sind war wird werden hat haben bei aus nach oder aber wie noch nur so dass durch über unter vor zum zur um kann wenn diese dieser dieses man mehr schon sehr wurde wurden sein seine ihre",
	"es": "el la los las un una unos unas y o de del al en que es por para con no se su sus lo como más pero sin sobre entre también ya fue son está están ha han muy este esta estos estas ese esa todo todos toda todas cuando donde hasta desde porque sido ser hay les le nos ni según durante",
	"pt": "o a os as um uma uns umas e ou de do da dos das em no na nos nas que é por para com não se seu sua seus suas mais mas como ao aos à às pelo pela pelos pelas foi são está estão ter tem também já muito este esta isso isto entre quando onde sobre até sem ser há",
	"nl": "de het een en van in is dat op te zijn met voor niet aan er die als ook door bij om maar uit dan of wordt worden naar over nog tot kan hij zij wij ze was waren heeft hebben deze dit meer geen zo al veel moet werd onder",
	"sv": "och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här dem då sedan över",
	"da": "og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan",
	"fi": "ja on ei se että hän oli ovat olla kuin mutta tai jos niin myös kun sekä vain jo ne me te he mitä joka jotka tämä tämän näiden siitä sen hänen heidän olen olet olemme ollut ole mikä missä kanssa koska vielä sitten",
	"pl": "i w na z że się nie do to jest jak o po co tak za od ale są by przez dla jego jej ich może już tylko lub oraz który która które także gdy przy będzie były został została aby bardzo czy ten ta te",
	"cs": "a se na je že v z do to s o i jako ale by pro jsou jak které který která podle také byl byla bylo jeho její jejich tak ve ze k při už jen nebo když než po bude mezi této tento tato tyto",
	"ro": "și în de la a al ale cu pe că nu se este sunt un o din care pentru mai dar ce sau fost fi prin acest această aceste lui ei lor către după până despre între fără sub după",
	"hu": "a az és hogy nem is egy meg van volt ez de csak mint már még el ki be fel le kell lesz vagy ha azt ezt pedig sem voltak lehet után között minden amely amelyek mert",
	"tr": "ve bir bu da de için ile olarak çok daha gibi olan en ne ama kadar sonra her ya veya mi mı o şu değil var yok ise ki göre ancak",
	"ca": "el la els les un una i de del dels a al als en que és per amb no es seu seva seus seves com més però ha han són està aquest aquesta aquests aquestes també o ja molt fins entre sobre quan on l' d' s' n'",
	"ru": "и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между",
	"bg": "и в на не се да за от с е са по че как това но той тя те ще към бъде бил била били има няма при до или след така само още във със които който която което тези този тази",
}

// stopTables returns the languages of stopWords in a fixed order, and a
// map of each stop word to the set of those languages it belongs to, as
// bits; built once, when a text's language is first asked for, not in
// every process that links the package (0.3 ms at start).
var stopTables = sync.OnceValues(func() ([]string, map[string]uint32) {
	var langs []string
	for lang := range stopWords {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	idx := map[string]uint32{}
	for i, lang := range langs {
		for _, w := range strings.Fields(stopWords[lang]) {
			idx[w] |= 1 << i
		}
	}
	return langs, idx
})

// stopShapes marks, by length in bytes and first byte, the words that
// may be stop words: a word of another shape is not looked up.
var stopShapes = sync.OnceValue(func() *[]([256]bool) {
	shapes := make([][256]bool, maxStopWordLen()+1)
	for _, ws := range stopWords {
		for _, w := range strings.Fields(ws) {
			shapes[len(w)][w[0]] = true
		}
	}
	return &shapes
})

// maxStopWordLen is the length in bytes of the longest stop word, worked
// out on first use like the tables.
var maxStopWordLen = sync.OnceValue(func() int {
	n := 0
	for _, ws := range stopWords {
		for _, w := range strings.Fields(ws) {
			n = max(n, len(w))
		}
	}
	return n
})

// DetectLang returns the ISO 639-1 code of the language text is written
// in, or "" when it cannot tell. It reads at most the first 16 KiB.
func DetectLang(text string) string {
	if len(text) > 16<<10 {
		text = text[:16<<10]
	}
	script := detectScript(text)
	if script != "" && script != "ru" {
		return script
	}
	stopLangs, stopIndex := stopTables()
	maxStopWord := maxStopWordLen()
	shapes := *stopShapes()
	// The words of the text in lower case (letters and apostrophes), read
	// in place: no lower-cased copy of the text, no slice of its words.
	var hits [32]int
	total := 0
	word := make([]byte, 0, maxStopWord+1)
	inWord := false
	// look counts w's languages if it is a stop word.
	look := func(w []byte) {
		if len(w) == 0 || len(w) > maxStopWord || !shapes[len(w)][w[0]] {
			return
		}
		for bits := stopIndex[string(w)]; bits != 0; bits &= bits - 1 {
			hits[mathbits.TrailingZeros32(bits)]++
		}
	}
	count := func() {
		total++
		look(word)
		word, inWord = word[:0], false
	}
	// An apostrophe between two letters is an elision: its head, the
	// "l'" of "l'immagine" or the "dell'" of "dell'Unione", is looked up
	// as a stop word of its own (Italian and French prose would lose its
	// commonest articles to the apostrophe otherwise: GIMP's Italian
	// pages came out English), and the word reads on whole, one of the
	// total, "l'immagine" looked up as before. An apostrophe anywhere
	// else reads as it always did: ' as a letter, ’ as a space. pending
	// holds the apostrophe until the next character tells which it is.
	var pending rune
	elide := func() {
		if len(word) <= maxStopWord {
			word = append(word, '\'')
			look(word)
		}
	}
	settle := func(letter bool) {
		switch {
		case letter:
			elide()
		case pending == '\'':
			if len(word) <= maxStopWord {
				word = append(word, '\'')
			}
		default:
			count()
		}
		pending = 0
	}
	for _, r := range text {
		letter := false
		if r < utf8.RuneSelf {
			// ASCII: unicode.ToLower and unicode.IsLetter without the calls
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			letter = 'a' <= r && r <= 'z'
		} else if r != '’' {
			r = unicode.ToLower(r)
			letter = unicode.IsLetter(r)
		}
		if pending != 0 {
			settle(letter)
		}
		switch {
		case letter:
			inWord = true
			if len(word) <= maxStopWord {
				word = utf8.AppendRune(word, r)
			}
		case (r == '\'' || r == '’') && len(word) > 0 && word[len(word)-1] != '\'':
			pending = r
		case r == '\'':
			inWord = true
			if len(word) <= maxStopWord {
				word = append(word, '\'')
			}
		case inWord:
			count()
		}
	}
	if pending != 0 {
		settle(false)
	}
	if inWord {
		count()
	}
	counts := make(map[string]int, len(stopLangs))
	for i, lang := range stopLangs {
		if hits[i] > 0 {
			counts[lang] = hits[i]
		}
	}
	if script == "ru" {
		if counts["bg"] > counts["ru"] {
			return "bg"
		}
		return "ru"
	}
	best, first, second := "", 0, 0
	for lang, n := range counts {
		switch {
		case n > first || n == first && lang < best:
			// the language it displaces is the runner-up (on a tie too:
			// the counts come in map order)
			second = first
			best, first = lang, n
		case n > second:
			second = n
		}
	}
	// Require a real share of stop words and a clear lead over the next:
	// 15% more, however long the text (a page half in one language and
	// half in another, as the Italian GIMP manual's half-translated
	// pages are, 196 English stop words to 188 Italian, cannot tell, and
	// an import gives it the language of its folder).
	if best == "" || total < 8 || float64(first) < 0.08*float64(total) ||
		float64(first) < 1.15*float64(second) {
		return ""
	}
	return best
}

// Scripts detectScript counts letters of.
const (
	scriptLatin = iota
	scriptGreek
	scriptCyrillic
	scriptPersian // the letters only Persian writes in Arabic script
	scriptArabic
	scriptDevanagari
	scriptArmenian
	scriptKana
	scriptHangul
	scriptHan
	scripts
)

// scriptLangs names the language each script but Latin and Persian
// letters stands for.
var scriptLangs = [scripts]string{
	scriptGreek: "el", scriptCyrillic: "ru", scriptArabic: "ar", scriptDevanagari: "hi",
	scriptArmenian: "hy", scriptKana: "ja", scriptHangul: "ko", scriptHan: "zh",
}

// detectScript names the language of a text mostly in a script that only
// one supported language uses; Cyrillic returns "ru" for the stop words to
// settle between Russian and Bulgarian.
func detectScript(text string) string {
	var counts [scripts]int
	letters := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: Latin letters or no letter at all
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				letters++
				counts[scriptLatin]++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			counts[scriptLatin]++
		case unicode.Is(unicode.Greek, r):
			counts[scriptGreek]++
		case unicode.Is(unicode.Cyrillic, r):
			counts[scriptCyrillic]++
		case r == 'پ' || r == 'چ' || r == 'ژ' || r == 'گ' || r == 'ک' || r == 'ی':
			counts[scriptPersian]++
			counts[scriptArabic]++
		case unicode.Is(unicode.Arabic, r):
			counts[scriptArabic]++
		case unicode.Is(unicode.Devanagari, r):
			counts[scriptDevanagari]++
		case unicode.Is(unicode.Armenian, r):
			counts[scriptArmenian]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts[scriptKana]++
		case unicode.Is(unicode.Hangul, r):
			counts[scriptHangul]++
		case unicode.Is(unicode.Han, r):
			counts[scriptHan]++
		}
	}
	if letters == 0 || counts[scriptLatin]*2 > letters {
		return ""
	}
	if counts[scriptKana] > letters/20 {
		return "ja"
	}
	if counts[scriptPersian] > 0 && counts[scriptPersian]*20 > counts[scriptArabic] {
		return "fa"
	}
	// Only a script holding more than half the letters names the
	// language, so ties between scripts never matter.
	for sc, n := range counts {
		if sc != scriptLatin && sc != scriptPersian && n*2 > letters {
			return scriptLangs[sc]
		}
	}
	return ""
}

// chooseLang returns the declared language (reduced to its ISO 639-1 part)
// unless the text is clearly in another one, else the detected language.
func chooseLang(declared, text string) string {
	declared = strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(declared, "-_"); i > 0 {
		declared = declared[:i]
	}
	if len(declared) != 2 {
		declared = ""
	}
	detected := DetectLang(text)
	if detected != "" {
		return detected
	}
	return declared
}
