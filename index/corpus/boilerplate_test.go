package corpus

import (
	"strings"
	"testing"
)

func TestBoilerplateRules(t *testing.T) {
	drop := []string{
		"Questo sito utilizza solo cookie tecnici necessari per la fruizione dei contenuti. Per maggiori informazioni leggi l'informativa sul trattamento dei dati personali.",
		"Privacy Policy", "Follow us", "Was this page helpful?",
		`You did not validate the "I am not a robot" check`, "Back to top of the page",
		"Anitec-Assinform Press Office: Stefania Follador / / +39 3398955856",
		"Joint Declaration_ TECH7 Italy_11.4.2024_summary", "Joint_Declaration_TECH7 Italy_11.4.2024",
		"Website:", "declaration.pdf",
	}
	for _, s := range drop {
		if !isBoilerplateLine(s) {
			t.Errorf("kept %q", s)
		}
	}
	keep := []string{
		"The press office of the Council said the meeting went well, and the ministers agreed.",
		"Digital Government Systems", "Cybersicurezza", "1. INTRODUZIONE",
		"The first ministerial meeting will take place on March 14-15 in Verona and Trento.",
		"__Important__ notice about the cookie-free design of the page was given to all members of the group.",
	}
	for _, s := range keep {
		if isBoilerplateLine(s) {
			t.Errorf("dropped %q", s)
		}
	}
	if got := trimBoilerplateTail("It is headquartered in Milan and Rome. Website:"); got != "It is headquartered in Milan and Rome." {
		t.Errorf("tail: %q", got)
	}
}

// boilerplateBySpec is isBoilerplateLine as the rules say it, without the
// shortcuts (prefixes, a final digit, the characters allowed, narrower
// needles, first bytes, the lower case written on the stack).
func boilerplateBySpec(line string) bool {
	s := strings.Join(strings.Fields(line), " ")
	if s == "" || len(s) > maxBoilerplateLine {
		return false
	}
	low := strings.ToLower(s)
	for _, r := range boilerplateLines {
		if r.maxLen > 0 && len(s) > r.maxLen {
			continue
		}
		needles := r.needles
		if r.what == "attachment name" && r.maxLen == 100 {
			needles = []string{"."} // the rule's own needle, before the shortcut
		}
		held := len(needles) == 0
		for _, n := range needles {
			held = held || strings.Contains(low, n)
		}
		if held && r.re.Regexp.MatchString(s) {
			return true
		}
	}
	return false
}

// boilerplateProbes are lines near and on the rules' edges.
var boilerplateProbes = []string{
	"Privacy", "PRIVACY POLICY", "privacy policy.", "Cookie Policy", "Informativa sulla privacy", "INFORMATIVA PRIVACY",
	"Note legali", "Legal notice", "Accessibility", "Accessibilità", "Dichiarazione di accessibilità", "Follow us on Mastodon",
	"Seguici su X:", "SHARE", "ſhare", "Condividi", "Print", "Stampa:", "Was this page helpful", "Questa pagina ti è stata utile?",
	"Yes", "No", "yes / no", "Sì / No", "SI", "Back to top", "Back to top of the page", "Torna all'inizio della pagina",
	"Torna su", "Skip to content", "Skip to main content", "Vai al contenuto principale", "Website", "Sito web:", "web",
	"E-mail:", "email", "Tel.", "TEL:", "Phone", "Telefono:", "Fax", "Tel. +39 06 1234 5678", "+32 2 299 11 11",
	"Call +39 06 1234567", "hotel 1234567", "Press office: +32", "Ufficio stampa", "Media contacts: Jane", "report_v2 final",
	"annex.PDF", "annex.docx (1,2 MB)", "a b.zip", "We use cookies to improve", "Questo sito usa cookie: informativa",
	"Cookie consent", "I am not a robot", "CAPTCHA", "Kookie", "Tel. 12345678 x", "No comment", "Nothing here",
	"  Privacy  ", "Privacy\tPolicy", "Privacy\u00a0Policy", "Sì", "sito web",
}

func TestBoilerplateLinesAsTheRulesSay(t *testing.T) {
	lines := withSeedLines(t, boilerplateProbes, func(p Passage) []string { return []string{p.Text} })
	for _, s := range lines {
		inEveryCase(s, func(v string) { checkBoilerplateLine(t, v) })
	}
}

func FuzzBoilerplateLine(f *testing.F) {
	fuzzProbes(f, boilerplateProbes, onValidUTF8(checkBoilerplateLine))
}

// checkBoilerplateLine compares isBoilerplateLine with its rules on s.
func checkBoilerplateLine(t *testing.T, s string) {
	if got, want := isBoilerplateLine(s), boilerplateBySpec(s); got != want {
		t.Errorf("isBoilerplateLine(%q) = %v, the rules say %v", s, got, want)
	}
}

// tailBySpec is trimBoilerplateTail as its rule says, on the whole text.
func tailBySpec(s string) string {
	if !strings.HasSuffix(strings.TrimSpace(s), ":") {
		return strings.TrimSpace(s)
	}
	for _, r := range boilerplateTails {
		s = r.re.Regexp.ReplaceAllString(s, "")
	}
	return strings.TrimSpace(s)
}

var tailProbes = []string{
	"It is headquartered in Milan and Rome. Website:", "Website:", "  website:  ", "x.Website:", "xwebsite:", "Sito web:",
	"Contatti: ", "contacts:\t", "E-mail:", "email:", "Tel.:", "tel:", "See the options:", "The ſito internet:",
	strings.Repeat("long words ", 20) + "   \t  sito internet:  ", strings.Repeat("x", 60) + " Fax:", "Fax:\u00a0",
	"a\nWebsite:", "Phone:" + strings.Repeat(" ", 50), "Telefono : ", "ContactS:",
}

func TestBoilerplateTailAsItsRuleSays(t *testing.T) {
	testProbes(t, tailProbes, checkBoilerplateTail)
}

func FuzzBoilerplateTail(f *testing.F) {
	fuzzProbes(f, tailProbes, onValidUTF8(checkBoilerplateTail))
}

// checkBoilerplateTail compares trimBoilerplateTail with its rule on s.
func checkBoilerplateTail(t *testing.T, s string) {
	if got, want := trimBoilerplateTail(s), tailBySpec(s); got != want {
		t.Errorf("trimBoilerplateTail(%q) = %q, the rule says %q", s, got, want)
	}
}
